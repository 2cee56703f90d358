// The text of one `--set` flag: `path=value`, split at the first `=`.
//
//   path     := key ( "." key | "[" index "]" | "[" quoted "]" )*
//   key      := one or more characters other than . [ ] =
//   index    := digits (0-based)
//   quoted   := "..." or '...' (a key holding dots, e.g. ["pulumi.openmcf.org/project"])
//
// The value is everything after the first `=`, unchanged (it may contain `=`).
import type { PathSegment } from './path.js';

export type SetFlag = { readonly ok: true; readonly path: readonly PathSegment[]; readonly value: string } | { readonly ok: false; readonly message: string };

export function parseSetFlag(text: string): SetFlag {
  const equals = text.indexOf('=');
  if (equals < 0) return { ok: false, message: 'expected path=value, e.g. spec.image.tag=v2' };
  const path = parsePath(text.slice(0, equals));
  if (typeof path === 'string') return { ok: false, message: path };
  return { ok: true, path, value: text.slice(equals + 1) };
}

/** The segments of a path, or a message saying what is wrong with it. */
export function parsePath(text: string): PathSegment[] | string {
  if (text === '') return 'the path before = is empty';
  const segments: PathSegment[] = [];
  let i = 0;
  let expectKey = true;
  while (i < text.length) {
    const char = text[i];
    if (char === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) return `"[" at character ${i + 1} has no closing "]"`;
      const inner = text.slice(i + 1, close);
      if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else if (/^(".*"|'.*')$/.test(inner) && inner.length >= 3) segments.push(inner.slice(1, -1));
      else return `"[${inner}]" is neither a list index like [0] nor a quoted key like ["a.b"]`;
      i = close + 1;
      expectKey = false;
      continue;
    }
    if (char === '.') {
      if (expectKey) return `empty field name at character ${i + 1}`;
      i += 1;
      expectKey = true;
      if (i === text.length) return 'the path ends with "."';
      continue;
    }
    if (!expectKey) return `expected "." or "[" at character ${i + 1}`;
    let end = i;
    while (end < text.length && !'.[]'.includes(text[end] as string)) end += 1;
    if (end === i) return `unexpected "${char}" at character ${i + 1}`;
    segments.push(text.slice(i, end));
    i = end;
    expectKey = false;
  }
  return segments;
}
