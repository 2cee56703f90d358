import type { Diagnostic } from './diagnostic.js';
import type { ParsedDocument, SourceFile } from './document.js';

/** Splits a file into YAML documents, keeping positions; syntax problems become diagnostics. */
export function parseDocuments(_source: SourceFile): { documents: ParsedDocument[]; diagnostics: Diagnostic[] } {
  throw new Error('not implemented');
}
