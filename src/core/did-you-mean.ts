// "did you mean `memoryLimitMb`?" for unknown keys and near-miss enum values. Matches ignore case,
// `_` and `-` (so protobuf-style `memory_limit_mb` finds `memoryLimitMb`), then allow a small edit
// distance that grows with the word.

/** The closest candidate to `input`, or undefined when none is close enough to be a likely typo. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const wanted = normalise(input);
  if (wanted.length === 0) return undefined;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalise(candidate));
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (best && best.distance <= 1) return best.candidate;
  // A word cut short (`timeout` for `timeoutSeconds`) is far in edits but obvious to a reader.
  const extended = wanted.length >= 4 ? candidates.filter((c) => normalise(c).startsWith(wanted)) : [];
  if (extended.length === 1) return extended[0];
  return best && best.distance <= allowedDistance(wanted.length) ? best.candidate : undefined;
}

function normalise(word: string): string {
  return word.toLowerCase().replace(/[_-]/g, '');
}

/** One edit for short words, then one more per four letters: `prot` -> `port`, not `tag` -> `name`. */
function allowedDistance(length: number): number {
  if (length <= 3) return 1;
  return Math.min(4, 1 + Math.floor(length / 4));
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}
