import type { Diagnostic } from './diagnostic.js';
import type { ParsedDocument } from './document.js';

/** Replaces `${VAR}` in string scalars, in place, keeping positions. */
export function substituteVariables(
  _doc: ParsedDocument,
  _variables: Readonly<Record<string, string | undefined>>,
): Diagnostic[] {
  return [];
}
