// `--env-file`: values for `${VAR}` substitution kept out of the manifest, in the dotenv format
// that docker compose and most tools read:
//
//   # a comment
//   NAME=value                 unquoted: trimmed; ` #` starts a comment
//   export NAME=value          `export ` is allowed, so the file can also be sourced by a shell
//   NAME='literal $value'      single quotes: taken as is
//   NAME="line\nnext"          double quotes: \n \r \t \" \\ escapes
//
// Values are never expanded (no `${OTHER}` inside a dotenv value).
import { MAX_SOURCE_BYTES, notAFileMessage, readRegularFile } from './bounded-file.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { invalidInput } from '../core/errors.js';
import { DiagnosticCode } from '../core/diagnostic-codes.js';

export interface EnvFile {
  readonly variables: Record<string, string>;
  readonly diagnostics: Diagnostic[];
}

/** Reads and parses a dotenv file; an unreadable file is invalid input (exit 3). Bounded like a
 * manifest source (`-f`): a regular file of at most MAX_SOURCE_BYTES; a FIFO or a device (which
 * would hang or never end) is refused. */
export function readEnvFile(path: string): EnvFile {
  let read: ReturnType<typeof readRegularFile>;
  try {
    read = readRegularFile(path);
  } catch (error) {
    // "not found", as Node itself says when it intercepts the flag (see the README's note).
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : (error as Error).message;
    throw invalidInput(`cannot read --env-file ${path}: ${reason}`, 'env-file.unreadable', 'check the path given to --env-file');
  }
  if ('notAFile' in read) {
    throw invalidInput(
      `cannot read --env-file ${path}: it ${notAFileMessage(read.notAFile)}`,
      'env-file.not-a-file',
      'give --env-file a regular file (write the variables to one first)',
    );
  }
  if ('tooLarge' in read) {
    throw invalidInput(
      `cannot read --env-file ${path}: it holds more than ${MAX_SOURCE_BYTES / (1024 * 1024)} MiB; an env file may not be larger`,
      'env-file.too-large',
      'check that --env-file names the file you meant',
    );
  }
  return parseEnvFile(path, read.bytes.toString('utf8'));
}

/**
 * The variables `${VAR}` sees: the env file's values with the environment over them (so a CI job
 * can override a file committed for local use).
 */
export function substitutionVariables(
  envFile: string | undefined,
  environment: Readonly<Record<string, string | undefined>>,
): { variables: Readonly<Record<string, string | undefined>>; diagnostics: Diagnostic[] } {
  if (envFile === undefined) return { variables: environment, diagnostics: [] };
  const file = readEnvFile(envFile);
  return { variables: { ...file.variables, ...definedOnly(environment) }, diagnostics: file.diagnostics };
}

function definedOnly(environment: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(environment)) if (value !== undefined) out[name] = value;
  return out;
}

const LINE = /^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

export function parseEnvFile(file: string, text: string): EnvFile {
  const variables: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const match = LINE.exec(raw);
    if (!match) {
      diagnostics.push(problem(file, line, 1, 'expected NAME=value', 'names are letters, digits and _, not starting with a digit'));
      return;
    }
    const [, , , name = '', rest = ''] = match;
    const valueColumn = raw.length - rest.length + 1;
    const value = parseValue(rest);
    if (typeof value === 'string') variables[name] = value;
    else diagnostics.push(problem(file, line, valueColumn + value.offset, value.message, value.hint));
  });
  return { variables, diagnostics };
}

type ValueProblem = { readonly offset: number; readonly message: string; readonly hint: string };

function parseValue(rest: string): string | ValueProblem {
  const quote = rest[0];
  if (quote !== '"' && quote !== "'") {
    const comment = rest.search(/\s#/);
    return (comment < 0 ? rest : rest.slice(0, comment)).trim();
  }
  let value = '';
  for (let i = 1; i < rest.length; i++) {
    const char = rest[i] as string;
    if (char === quote) {
      const after = rest.slice(i + 1).trim();
      if (after !== '' && !after.startsWith('#')) {
        return { offset: i + 1, message: 'unexpected text after the closing quote', hint: 'put the whole value inside the quotes' };
      }
      return value;
    }
    if (quote === '"' && char === '\\' && i + 1 < rest.length) {
      const next = rest[i + 1] as string;
      value += ESCAPES[next] ?? `\\${next}`;
      i += 1;
      continue;
    }
    value += char;
  }
  return { offset: 0, message: `missing closing ${quote}`, hint: 'values spanning several lines are not supported; use \\n inside double quotes' };
}

function problem(file: string, line: number, column: number, message: string, hint: string): Diagnostic {
  return { file, line, column, severity: 'error', code: DiagnosticCode.envFileSyntax, path: '', message, hint };
}
