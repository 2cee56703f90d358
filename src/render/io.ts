// Where output goes. Results go to stdout, everything meant for humans to stderr, so that
// `--json` output can be piped while progress stays visible.
import { redact } from './redact.js';
import { escapeForTerminal } from './terminal-text.js';

export interface Io {
  /** Results: JSON documents, `load` output, `schema` output. */
  out(text: string): void;
  /** Human text: progress, diagnostics, summaries. */
  err(text: string): void;
  /** Whether stderr is a terminal: live spinners and prompts only then. */
  readonly interactive: boolean;
  /** Whether to colour human text (TTY and no NO_COLOR, or FORCE_COLOR). */
  readonly color: boolean;
}

export function colorEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function processIo(): Io {
  return {
    // Human text is always made safe for a terminal; results only when they go to one (a raw
    // `outputs` value or `load`'s YAML piped to a file keeps its exact characters).
    out: process.stdout.isTTY === true ? (text) => process.stdout.write(escapeForTerminal(redact(text))) : (text) => process.stdout.write(redact(text)),
    err: (text) => process.stderr.write(escapeForTerminal(redact(text))),
    interactive: process.stderr.isTTY === true && process.stdin.isTTY === true,
    color: colorEnabled(process.stderr),
  };
}
