// Where output goes, as Terraform does: the plan and results on stdout (`openmcf preview -f ... >
// plan.txt` keeps the plan), progress, warnings and errors on stderr. With `--json`, stdout holds
// only the JSON document, and the human plan and results join the rest on stderr.
import { Redactor } from './redactor.js';
import { escapeForTerminal } from './terminal-text.js';

export interface Io {
  /** Results: JSON documents, `load` output, `schema` output, plans and run results. */
  out(text: string): void;
  /** Human text besides results: progress, notes, warnings, errors. */
  err(text: string): void;
  /** Whether stderr is a terminal: live spinners and prompts only then. */
  readonly interactive: boolean;
  /** Whether to colour human text (TTY and no NO_COLOR, or FORCE_COLOR). */
  readonly color: boolean;
  /** The run's secrets: masked in everything written here, and by whatever writes elsewhere (the
   * live line). The run adds each secret it learns; a new Io starts with none. */
  readonly redactor: Redactor;
}

export function colorEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function processIo(redactor: Redactor = new Redactor()): Io {
  const redact = (text: string): string => redactor.mask(text);
  return {
    // Human text is always made safe for a terminal; results only when they go to one (a raw
    // `outputs` value or `load`'s YAML piped to a file keeps its exact characters).
    out: process.stdout.isTTY === true ? (text) => process.stdout.write(escapeForTerminal(redact(text))) : (text) => process.stdout.write(redact(text)),
    err: (text) => process.stderr.write(escapeForTerminal(redact(text))),
    interactive: process.stderr.isTTY === true && process.stdin.isTTY === true,
    color: colorEnabled(process.stderr),
    redactor,
  };
}

/** Where a command's human plan and results go: stdout, unless `--json` keeps stdout for the
 * document alone. Escaped wherever they go: a plan kept in a file or a CI log is read on a
 * terminal or a web page later, and a bidi override in a description must not hide what changes. */
export function resultWriter(io: Io, json: boolean): (text: string) => void {
  return json ? (text) => io.err(text) : (text) => io.out(escapeForTerminal(text));
}
