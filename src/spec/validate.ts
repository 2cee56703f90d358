import type { Diagnostic } from '../manifest/diagnostic.js';
import type { ParsedDocument } from '../manifest/document.js';
import type { ScalewayServerlessContainerManifest } from './types.js';

export interface ValidationResult {
  /** Present when the document has no errors: the manifest with defaults filled in. */
  readonly manifest?: ScalewayServerlessContainerManifest;
  /** Where the document starts (1-based). */
  readonly origin: { readonly line: number; readonly column: number };
  readonly diagnostics: Diagnostic[];
}

/** JSON Schema validation (ajv, compiled at build time) plus the rules a schema cannot state. */
export function validateDocument(_doc: ParsedDocument): ValidationResult {
  throw new Error('not implemented');
}
