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
import { readFileSync } from 'node:fs';
import { invalidInput } from '../errors.js';
import { DiagnosticCode } from './codes.js';
/** Reads and parses a dotenv file; an unreadable file is invalid input (exit 3). */
export function readEnvFile(path) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (error) {
        // "not found", as Node itself says when it intercepts the flag (see the README's note).
        const reason = error.code === 'ENOENT' ? 'not found' : error.message;
        throw invalidInput(`cannot read --env-file ${path}: ${reason}`, 'env-file.unreadable', 'check the path given to --env-file');
    }
    return parseEnvFile(path, text);
}
/**
 * The variables `${VAR}` sees: the env file's values with the environment over them (so a CI job
 * can override a file committed for local use).
 */
export function substitutionVariables(envFile, environment) {
    if (envFile === undefined)
        return { variables: environment, diagnostics: [] };
    const file = readEnvFile(envFile);
    return { variables: { ...file.variables, ...definedOnly(environment) }, diagnostics: file.diagnostics };
}
function definedOnly(environment) {
    const out = {};
    for (const [name, value] of Object.entries(environment))
        if (value !== undefined)
            out[name] = value;
    return out;
}
const LINE = /^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;
const ESCAPES = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
export function parseEnvFile(file, text) {
    const variables = {};
    const diagnostics = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = index + 1;
        if (raw.trim() === '' || raw.trimStart().startsWith('#'))
            return;
        const match = LINE.exec(raw);
        if (!match) {
            diagnostics.push(problem(file, line, 1, 'expected NAME=value', 'names are letters, digits and _, not starting with a digit'));
            return;
        }
        const [, , , name = '', rest = ''] = match;
        const valueColumn = raw.length - rest.length + 1;
        const value = parseValue(rest);
        if (typeof value === 'string')
            variables[name] = value;
        else
            diagnostics.push(problem(file, line, valueColumn + value.offset, value.message, value.hint));
    });
    return { variables, diagnostics };
}
function parseValue(rest) {
    const quote = rest[0];
    if (quote !== '"' && quote !== "'") {
        const comment = rest.search(/\s#/);
        return (comment < 0 ? rest : rest.slice(0, comment)).trim();
    }
    let value = '';
    for (let i = 1; i < rest.length; i++) {
        const char = rest[i];
        if (char === quote) {
            const after = rest.slice(i + 1).trim();
            if (after !== '' && !after.startsWith('#')) {
                return { offset: i + 1, message: 'unexpected text after the closing quote', hint: 'put the whole value inside the quotes' };
            }
            return value;
        }
        if (quote === '"' && char === '\\' && i + 1 < rest.length) {
            const next = rest[i + 1];
            value += ESCAPES[next] ?? `\\${next}`;
            i += 1;
            continue;
        }
        value += char;
    }
    return { offset: 0, message: `missing closing ${quote}`, hint: 'values spanning several lines are not supported; use \\n inside double quotes' };
}
function problem(file, line, column, message, hint) {
    return { file, line, column, severity: 'error', code: DiagnosticCode.envFileSyntax, path: '', message, hint };
}
