// `openmcf outputs` in human form, from the outputs the command read (commands/outputs.ts): all
// of a stack's outputs, one output's raw value (`outputs -f x.yaml url`, as `pulumi stack output
// url`), or `export` lines (--shell), on stdout; errors and notes on stderr. (--json is the run's
// result document: run/report.ts.)
import { ExitCode, type OpenmcfError } from '../core/errors.js';
import type { Io } from '../core/io.js';
import { renderOutputs, type StackOutputMap } from './output-lines.js';
import { chalkFor, errorLines } from './text-style.js';

/** One stack's outputs as read from its state, or why they could not be. */
export interface StackOutputsReport {
  readonly label: string;
  /** The stack as the user names it. */
  readonly stack: string;
  /** The flags that name this manifest again (`-f my-api.yaml --sandbox`), for the status note. */
  readonly rerunArgs: string;
  readonly outputs?: StackOutputMap;
  /** When the run that recorded the outputs ended (the `status` output is as of then). */
  readonly statusAsOf?: string;
  readonly error?: OpenmcfError;
}

/** What is printed: every output, one output's value, or shell `export` lines; secrets shown or not. */
export interface OutputsSelection {
  readonly name?: string;
  readonly shell: boolean;
  readonly showSecrets: boolean;
}

/** The `status` output is what the last run saw: said, with where the live one is. */
function statusNote(outcome: StackOutputsReport): string {
  const when = outcome.statusAsOf !== undefined ? ` (${outcome.statusAsOf.slice(0, 19).replace('T', ' ')} UTC)` : '';
  return `note: ${outcome.label}: status is as of the last run${when}; \`openmcf status ${outcome.rerunArgs}\` reads the live one`;
}

/** Shell words: single-quoted, so nothing in a value is expanded. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function rawText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Human form: the values on stdout (one block per stack when there are several), errors on stderr.
 * Returns the exit codes of the stacks that could not be printed: a stack's own error's, invalid
 * input for an output it does not have (or a secret one named without --show-secrets); none when
 * all were.
 */
export function printOutputs(io: Io, outcomes: readonly StackOutputsReport[], selection: OutputsSelection): number[] {
  const chalk = chalkFor(io);
  const { showSecrets } = selection;
  const codes: number[] = [];
  const headed = outcomes.length > 1 && selection.name === undefined;
  for (const outcome of outcomes) {
    if (outcome.error) {
      io.err(`${[`${chalk.red('x')} ${outcome.label}`, ...errorLines(chalk, outcome.error)].join('\n')}\n`);
      codes.push(outcome.error.exitCode);
      continue;
    }
    const values = outcome.outputs ?? {};
    if (selection.name !== undefined && !(selection.name in values)) {
      const known = Object.keys(values).sort().join(', ');
      io.err(`${chalk.red('error:')} stack ${outcome.stack} has no output named "${selection.name}"\n  ${chalk.dim(`its outputs: ${known}`)}\n`);
      codes.push(ExitCode.invalidInput);
      continue;
    }
    const names = selection.name !== undefined ? [selection.name] : Object.keys(values).sort();
    const hidden = names.filter((n) => values[n]!.secret && !showSecrets);
    if (selection.name !== undefined && !selection.shell) {
      if (hidden.length > 0) {
        // A script reading the value must never get a placeholder instead of it.
        io.err(`${chalk.red('error:')} output "${selection.name}" of stack ${outcome.stack} is secret\n  ${chalk.dim('add --show-secrets to print its value')}\n`);
        codes.push(ExitCode.invalidInput);
        continue;
      }
      io.out(`${rawText(values[selection.name]!.value)}\n`);
      if (selection.name === 'status') io.err(`${chalk.dim(statusNote(outcome))}\n`);
      continue;
    }
    if (selection.shell) {
      for (const n of names) {
        if (hidden.includes(n)) continue;
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) continue;
        io.out(`export ${n}=${shellQuote(rawText(values[n]!.value))}\n`);
      }
      if (hidden.length > 0)
        io.err(`note: left out secret output${hidden.length === 1 ? '' : 's'} ${hidden.join(', ')}; add --show-secrets to include ${hidden.length === 1 ? 'it' : 'them'}\n`);
      continue;
    }
    if (headed) io.out(`# ${outcome.label} (stack ${outcome.stack})\n`);
    io.out(`${renderOutputs(values, showSecrets, headed ? '  ' : '').join('\n')}\n`);
    if ('status' in values) io.err(`${chalk.dim(statusNote(outcome))}\n`);
  }
  return codes;
}
