// Diagnostics for people and for programs, used by every command that reads manifests.
// Human form (stderr):  file:line:col: error: spec.memoryLimitMb: must be at least 128 (got 64)
//                         did you mean `memoryLimitMb`?
// A problem with no position (a missing file, a bad flag) prints `file: error: ...`.
// JSON form: `diagnosticsToJson`, one plain object per diagnostic (see JsonDiagnostic).
import type { Diagnostic } from '../core/diagnostic.js';
import type { Io } from '../core/io.js';
import { formatGithubAnnotations } from './github-annotations.js';

/** The few styles diagnostics use; a chalk instance provides them when colour is on. */
export interface DiagnosticStyle {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
}

const unchanged = (text: string): string => text;
/** No colour: every style returns its text unchanged. */
export const PLAIN_STYLE: DiagnosticStyle = { bold: unchanged, dim: unchanged, red: unchanged, yellow: unchanged, green: unchanged };

/**
 * Chalk, loaded only when colour is on: without a terminal (CI, pipes, NO_COLOR) the validate
 * path starts faster without it.
 */
export async function styleFor(io: Io): Promise<DiagnosticStyle> {
  if (!io.color) return PLAIN_STYLE;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}

export function formatDiagnostic(diagnostic: Diagnostic, chalk: DiagnosticStyle = PLAIN_STYLE): string {
  const where = diagnostic.line > 0 ? `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}` : diagnostic.file;
  const severity = diagnostic.severity === 'error' ? chalk.bold(chalk.red('error')) : chalk.bold(chalk.yellow('warning'));
  const path = diagnostic.path ? `${chalk.bold(diagnostic.path)}: ` : '';
  const hint = diagnostic.hint ? `\n  ${chalk.dim(diagnostic.hint)}` : '';
  return `${chalk.bold(where)}: ${severity}: ${path}${diagnostic.message}${hint}\n`;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { errors, warnings: diagnostics.length - errors };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning in 1 file`: counts, and the number of files they were found in. */
export function problemSummary(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  // A problem of a `--set` or `--env-file` flag names the flag in place of a file: count those apart.
  const places = new Set(diagnostics.map((d) => d.file));
  const flags = [...places].filter((place) => place.startsWith('--')).length;
  const files = places.size - flags;
  const where = [...(files > 0 || flags === 0 ? [plural(files, 'file')] : []), ...(flags > 0 ? [plural(flags, 'flag')] : [])].join(' and ');
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${where}`;
}

/** Diagnostics as data, for `--json` documents. Field names are part of the JSON contract. */
export interface JsonDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly file: string;
  /** 1-based; 0 when the problem has no position (a missing file, a bad flag). */
  readonly line: number;
  readonly column: number;
  /** Dotted path into the manifest (`spec.env.variables[0].name`); empty for the whole document. */
  readonly path: string;
  readonly message: string;
  readonly hint?: string;
}

export function diagnosticsToJson(diagnostics: readonly Diagnostic[]): JsonDiagnostic[] {
  return diagnostics.map((d) => ({
    severity: d.severity,
    code: d.code,
    file: d.file,
    line: d.line,
    column: d.column,
    path: d.path,
    message: d.message,
    ...(d.hint ? { hint: d.hint } : {}),
  }));
}

/**
 * Writes diagnostics for people on stderr (nothing in --json mode, where the caller puts them in
 * its JSON document), plus GitHub Actions annotations when running there: on stdout, where the
 * runner reads workflow commands, except in --json mode, where stdout holds only the document.
 */
export async function reportDiagnostics(io: Io, diagnostics: readonly Diagnostic[], options: { json?: boolean } = {}): Promise<void> {
  if (!options.json && diagnostics.length > 0) {
    const chalk = await styleFor(io);
    for (const diagnostic of diagnostics) io.err(formatDiagnostic(diagnostic, chalk));
  }
  const annotations = formatGithubAnnotations(diagnostics);
  if (!annotations) return;
  if (options.json) io.err(annotations);
  else io.out(annotations);
}
