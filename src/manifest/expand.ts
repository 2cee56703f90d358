// The `${VAR}` grammar of manifest string values, as a pure function over one string.
//
//   ${NAME}            the variable's value; an error when it is unset
//   ${NAME:-default}   the default when NAME is unset or empty (the default cannot contain `}`)
//   $${                a literal `${` (the escape); any other `$` is kept as it is, so `$HOME`,
//                      `$1` or `a$b` pass through untouched
//
// NAME is letters, digits and `_`, not starting with a digit (what a shell can export).

import { DiagnosticCode } from '../core/diagnostic-codes.js';

export interface Expansion {
  /** The string with every expression replaced. */
  readonly value: string;
  /** Whether the input held any expression or escape (so the scalar must be rewritten). */
  readonly changed: boolean;
  /** The values that came from variables or defaults, in order (secrets must be registered). */
  readonly inserted: readonly string[];
  readonly problems: readonly ExpansionProblem[];
}

export interface ExpansionProblem {
  readonly code: typeof DiagnosticCode.substitutionUnsetVariable | typeof DiagnosticCode.substitutionMalformed;
  /** Safe to print: names the variable or the shape of the mistake, never the string's content. */
  readonly message: string;
  readonly hint: string;
  /** The variable's name, for unset variables. */
  readonly variable?: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function expandVariables(text: string, variables: Readonly<Record<string, string | undefined>>): Expansion {
  let value = '';
  let changed = false;
  const inserted: string[] = [];
  const problems: ExpansionProblem[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('$${', i)) {
      value += '${';
      changed = true;
      i += 3;
      continue;
    }
    if (!text.startsWith('${', i)) {
      value += text[i];
      i += 1;
      continue;
    }
    changed = true;
    const close = text.indexOf('}', i + 2);
    if (close < 0) {
      problems.push({
        code: DiagnosticCode.substitutionMalformed,
        message: '"${" without a closing "}"',
        hint: 'close the expression, e.g. ${NAME}, or write $${ for a literal ${',
      });
      break;
    }
    const body = text.slice(i + 2, close);
    i = close + 1;
    const separator = body.indexOf(':-');
    const name = separator < 0 ? body : body.slice(0, separator);
    const fallback = separator < 0 ? undefined : body.slice(separator + 2);
    if (!NAME.test(name)) {
      problems.push({
        code: DiagnosticCode.substitutionMalformed,
        message: name === '' ? 'empty variable name in "${}"' : 'invalid variable name in a ${...} expression',
        hint: 'use ${NAME} or ${NAME:-default}, NAME being letters, digits and _; write $${ for a literal ${',
      });
      continue;
    }
    const set = variables[name];
    if (set !== undefined && (fallback === undefined || set !== '')) {
      value += set;
      inserted.push(set);
    } else if (fallback !== undefined) {
      value += fallback;
      inserted.push(fallback);
    } else {
      problems.push({
        code: DiagnosticCode.substitutionUnsetVariable,
        message: `variable ${name} is not set`,
        hint: `export ${name}, add it to the --env-file, or give a default: \${${name}:-value}`,
        variable: name,
      });
    }
  }
  return { value, changed, inserted, problems };
}
