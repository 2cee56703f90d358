import type { Diagnostic } from './diagnostic.js';
import type { ParsedDocument } from './document.js';

/** Applies `--set path=value` overrides to the document, typed by the schema. */
export function applyOverrides(_doc: ParsedDocument, _sets: readonly string[]): Diagnostic[] {
  return [];
}
