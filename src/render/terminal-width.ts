// Fitting text to a terminal's width. The live line must never wrap (the spinner redraws by
// moving the cursor up a known number of lines: a wrapped line would leave garbage behind), and
// footers should break between words rather than mid-token.

const ANSI = /\u001b\[[0-9;]*m/g;

/** The number of columns `text` takes (colour codes take none). */
export function visibleLength(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/** `text` cut to `width` columns with a trailing `…`; colour codes are kept and closed. */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0 || visibleLength(text) <= width) return text;
  let out = '';
  let shown = 0;
  let coloured = false;
  for (let i = 0; i < text.length;) {
    ANSI.lastIndex = i;
    const code = ANSI.exec(text);
    if (code && code.index === i) {
      out += code[0];
      coloured = code[0] !== '\u001b[0m' && code[0] !== '\u001b[39m' && code[0] !== '\u001b[22m';
      i += code[0].length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (shown === width - 1) break;
    out += char;
    shown += 1;
    i += char.length;
  }
  return `${out}…${coloured ? '\u001b[0m' : ''}`;
}

/** Breaks `text` between words into lines of at most `width` columns; continuation lines get
 * `indent`. A single word longer than the width stays whole on its own line. */
export function wrapWords(text: string, width: number, indent = '  '): string {
  if (width <= 0 || visibleLength(text) <= width) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    const limit = lines.length === 0 ? width : width - indent.length;
    if (line !== '' && visibleLength(candidate) > limit) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`)).join('\n');
}
