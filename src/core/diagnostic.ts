// A problem found in user input, pointing at the exact place it came from.

export type Severity = 'error' | 'warning';

export interface SourcePosition {
  /** The file as the user named it (`<stdin>` for `-`, `--set` for an override). */
  readonly file: string;
  /** 1-based line and column. */
  readonly line: number;
  readonly column: number;
}

export interface Diagnostic extends SourcePosition {
  readonly severity: Severity;
  /** Stable identifier of the rule, e.g. `schema.type`, `rule.reserved-port`. */
  readonly code: string;
  /** Dotted path into the manifest, e.g. `spec.env.variables[0].name`; empty for the document. */
  readonly path: string;
  readonly message: string;
  /** What to do about it, e.g. "did you mean `memoryLimitMb`?". */
  readonly hint?: string;
}
