import type { Document, LineCounter } from 'yaml';

/** One input file's text, as read from disk or standard input. */
export interface SourceFile {
  /** As the user named it; `<stdin>` for `-`. */
  readonly file: string;
  readonly text: string;
}

/** One YAML document of a source file, with what is needed to point at its lines. */
export interface ParsedDocument {
  readonly file: string;
  /** 0-based position of the document in its file (multi-document YAML). */
  readonly index: number;
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  /**
   * Fields set by `--set`, dotted path -> the flag (`--set spec.port=8008`), filled by
   * applyOverrides; a diagnostic about such a field names the flag instead of a line.
   */
  overrides?: Map<string, string>;
}
