import type { Diagnostic } from './diagnostic.js';
import type { SourceFile } from './document.js';

/** Reads files, directories (*.yaml, *.yml) and `-` (stdin). Missing paths become diagnostics. */
export async function readSources(
  _paths: readonly string[],
  _readStdin?: () => Promise<string>,
): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  throw new Error('not implemented');
}
