import { formatGithubAnnotations } from './github-annotations.js';
const unchanged = (text) => text;
/** No colour: every style returns its text unchanged. */
export const PLAIN_STYLE = { bold: unchanged, dim: unchanged, red: unchanged, yellow: unchanged, green: unchanged };
/**
 * Chalk, loaded only when colour is on: without a terminal (CI, pipes, NO_COLOR) the validate
 * path starts faster without it.
 */
export async function styleFor(io) {
    if (!io.color)
        return PLAIN_STYLE;
    const { Chalk } = await import('chalk');
    return new Chalk({ level: 1 });
}
export function formatDiagnostic(diagnostic, chalk = PLAIN_STYLE) {
    const where = diagnostic.line > 0 ? `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}` : diagnostic.file;
    const severity = diagnostic.severity === 'error' ? chalk.bold(chalk.red('error')) : chalk.bold(chalk.yellow('warning'));
    const path = diagnostic.path ? `${chalk.bold(diagnostic.path)}: ` : '';
    const hint = diagnostic.hint ? `\n  ${chalk.dim(diagnostic.hint)}` : '';
    return `${chalk.bold(where)}: ${severity}: ${path}${diagnostic.message}${hint}\n`;
}
export function countBySeverity(diagnostics) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    return { errors, warnings: diagnostics.length - errors };
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** `2 errors, 1 warning in 1 file`: counts, and the number of files they were found in. */
export function problemSummary(diagnostics) {
    const { errors, warnings } = countBySeverity(diagnostics);
    // A problem of a `--set` or `--env-file` flag names the flag in place of a file: count those apart.
    const places = new Set(diagnostics.map((d) => d.file));
    const flags = [...places].filter((place) => place.startsWith('--')).length;
    const files = places.size - flags;
    const where = [...(files > 0 || flags === 0 ? [plural(files, 'file')] : []), ...(flags > 0 ? [plural(flags, 'flag')] : [])].join(' and ');
    return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${where}`;
}
export function diagnosticsToJson(diagnostics) {
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
export async function reportDiagnostics(io, diagnostics, options = {}) {
    if (!options.json && diagnostics.length > 0) {
        const chalk = await styleFor(io);
        for (const diagnostic of diagnostics)
            io.err(formatDiagnostic(diagnostic, chalk));
    }
    const annotations = formatGithubAnnotations(diagnostics);
    if (!annotations)
        return;
    if (options.json)
        io.err(annotations);
    else
        io.out(annotations);
}
