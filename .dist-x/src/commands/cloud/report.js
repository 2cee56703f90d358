// The end of a cloud command: a line per stack (and its outputs or its error) for humans on
// stderr, the versioned result document on stdout with --json, and the exit code of the run.
import { Chalk } from 'chalk';
import { renderOutputs } from '../../render/outputs.js';
import { buildResultDocument, formatResultDocument } from '../../render/result-document.js';
import { changeSummaryText } from '../../render/summary.js';
import { SANDBOX_NOTICE } from '../../sandbox/environment.js';
import { diagnosticsToJson } from '../../render/diagnostics.js';
import { ManifestInvalidError } from '../load-valid-manifests.js';
import { asOpenmcfError, exitCodeOf, mostSevereExitCode, resultError, toStackResult } from './outcome.js';
export function chalkFor(io) {
    return new Chalk({ level: io.color ? 1 : 0 });
}
function formatSeconds(ms) {
    return `${(ms / 1000).toFixed(1)}s`;
}
/** The error of one stack, with its hint, as lines. */
export function errorLines(chalk, error, indent = '    ') {
    return [`${indent}${chalk.red('error:')} ${error.message}`, ...(error.hint ? [`${indent}${chalk.dim(error.hint)}`] : [])];
}
/** One line per stack: a mark, the manifest, what changed and how long it took, then details. */
export function renderStackReport(chalk, outcome, options) {
    const { prepared } = outcome;
    const name = chalk.bold(prepared.label);
    const stack = chalk.dim(prepared.target.displayName);
    const took = chalk.dim(`(${formatSeconds(outcome.durationMs)})`);
    if (outcome.error) {
        const mark = outcome.status === 'cancelled' ? chalk.yellow('!') : chalk.red('x');
        return [`${mark} ${name} ${outcome.status} ${took} ${stack}`, ...errorLines(chalk, outcome.error)];
    }
    const mark = outcome.status === 'declined' ? chalk.yellow('-') : chalk.green('✓');
    const what = outcome.status === 'declined' ? 'not applied (declined)' : changeSummaryText(chalk, outcome.counts, options.tense);
    const lines = [`${mark} ${name}: ${what} ${took} ${stack}`];
    if (options.showOutputs && outcome.outputs)
        lines.push(...renderOutputs(outcome.outputs, options.showSecrets ?? false, '    '));
    return lines;
}
/** Prints the report and, with --json, the document; returns the exit code of the run. */
export function finishRun(io, cloud, outcomes, options) {
    const chalk = chalkFor(io);
    const exitCode = mostSevereExitCode(outcomes.map((o) => exitCodeOf(o, options)));
    if (outcomes.length > 0 && options.separate !== false)
        io.err('\n');
    for (const outcome of outcomes)
        io.err(`${renderStackReport(chalk, outcome, options).join('\n')}\n`);
    if (cloud.sandbox)
        io.err(`${chalk.cyan(`${SANDBOX_NOTICE} ${options.sandboxStoreDir ?? 'the sandbox folder'}`)}\n`);
    if (cloud.json) {
        const document = buildResultDocument({
            command: options.command,
            exitCode,
            sandbox: cloud.sandbox,
            results: outcomes.map((o) => toStackResult(o, options.showSecrets ?? false)),
        });
        io.out(formatResultDocument(document));
    }
    return exitCode;
}
/**
 * Runs a cloud command's body. A failure before any stack ran (bad manifest, flags, credentials,
 * no engine) is rethrown for the entry point to print and exit with; with --json, a result
 * document carrying the error is printed first, so a pipeline always gets one.
 */
export async function runCloudCommand(command, io, cloud, json, body) {
    try {
        return await body();
    }
    catch (error) {
        if (json) {
            const failure = asOpenmcfError(error);
            const diagnostics = error instanceof ManifestInvalidError ? { diagnostics: diagnosticsToJson(error.diagnostics) } : {};
            const document = buildResultDocument({
                command,
                exitCode: failure.exitCode,
                sandbox: cloud?.sandbox ?? false,
                results: [],
                error: { ...resultError(failure), ...diagnostics },
            });
            io.out(formatResultDocument(document));
        }
        throw error;
    }
}
