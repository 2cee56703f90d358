// The end of a cloud command: a line per stack (and its outputs) for humans on stdout, why a stack
// failed on stderr; with --json, the versioned result document alone on stdout and the human lines
// all on stderr; and the exit code of the run.
import type { ChalkInstance } from 'chalk';
import { chalkFor, errorLines } from '../render/text-style.js';
import { resultWriter, type Io } from '../core/io.js';
import { renderOutputChanges, renderOutputs } from '../render/output-lines.js';
import { sumChangeCounts } from '../engine/events.js';
import { wrapWords } from '../render/terminal-width.js';
import { buildResultDocument, formatResultDocument, type CloudCommand } from '../render/result-document.js';
import { changeSummaryText, type SummaryTense } from '../render/summary.js';
import { SANDBOX_NOTICE } from '../stack/sandbox-environment.js';
import { diagnosticsToJson } from '../render/diagnostics.js';
import { ManifestInvalidError } from './load-valid-manifests.js';
import { asOpenmcfError, exitCodeOf, mostSevereExitCode, resultError, toStackResult, type StackOutcome } from './outcome.js';
import type { CloudOptions } from './run-options.js';
import type { PreparedRun } from './prepare.js';
import { shardPrefix, type ShardReport } from '../manifest/shard.js';
import type { OrphanResult } from '../render/result-document.js';

export { chalkFor, errorLines };

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

export interface ReportOptions {
  readonly tense: SummaryTense;
  /** Print each stack's outputs under its line (apply, outputs). */
  readonly showOutputs: boolean;
  readonly showSecrets?: boolean;
}

/** One line per stack: a mark, the manifest, what changed and how long it took, then details. */
export function renderStackReport(chalk: ChalkInstance, outcome: StackOutcome, options: ReportOptions): string[] {
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
  if (options.showOutputs && outcome.outputs) lines.push(...renderOutputs(outcome.outputs, options.showSecrets ?? false, '    '));
  if (options.showOutputs && outcome.outputChanges) lines.push(...renderOutputChanges(chalk, outcome.outputChanges, 'done', '    '));
  return lines;
}

/** The line under several stacks' reports: what changed in all of them, and how many failed. */
export function renderTotalLine(chalk: ChalkInstance, outcomes: readonly StackOutcome[], tense: SummaryTense): string {
  const total = sumChangeCounts(outcomes.map((o) => o.counts));
  const failed = outcomes.filter((o) => o.status === 'failed' || o.status === 'cancelled').length;
  const declined = outcomes.filter((o) => o.status === 'declined').length;
  const extra = [failed > 0 ? chalk.red(`${failed} failed`) : '', declined > 0 ? chalk.yellow(`${declined} declined`) : ''].filter(Boolean);
  return `${chalk.bold('Total')}: ${changeSummaryText(chalk, total, tense)} in ${outcomes.length} stacks${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
}

export interface FinishOptions extends ReportOptions {
  readonly command: CloudCommand;
  readonly detailedExitcode?: boolean;
  /** Where the simulated cloud keeps its resources, for the sandbox notice. */
  readonly sandboxStoreDir?: string;
  /** A blank line before the report, to set it off from progress lines. @default true */
  readonly separate?: boolean;
  /** --shard: the part of the manifests this run took. */
  readonly shard?: ShardReport;
  /** preview of a folder: the stacks no manifest names (see prune.ts). */
  readonly orphans?: readonly OrphanResult[];
}

/** What the report needs to know about the run beyond its stacks. */
export function runReportOptions(run: Pick<PreparedRun, 'sandbox' | 'shard'>): Pick<FinishOptions, 'sandboxStoreDir' | 'shard'> {
  return { ...(run.sandbox ? { sandboxStoreDir: run.sandbox.storeDir } : {}), ...(run.shard ? { shard: run.shard } : {}) };
}

/** On a terminal narrower than a footer, the footer breaks between words instead of mid-path. */
function fitFooter(text: string, io: Io): string {
  const columns = io.interactive && process.stderr.isTTY ? process.stderr.columns : 0;
  return columns > 0 ? wrapWords(text, columns - 1) : text;
}

/** Prints the report and, with --json, the document; returns the exit code of the run. */
export function finishRun(io: Io, cloud: CloudOptions, outcomes: readonly StackOutcome[], options: FinishOptions): number {
  const chalk = chalkFor(io);
  const exitCode = mostSevereExitCode(outcomes.map((o) => exitCodeOf(o, options)));
  const result = resultWriter(io, cloud.json);
  if (outcomes.length > 0 && options.separate !== false) result('\n');
  for (const outcome of outcomes) {
    const [headline, ...details] = renderStackReport(chalk, outcome, options);
    // The stack's line is a result; what made it fail is an error (the lines under a failed
    // stack's line are its error and hint; under a successful one, its outputs).
    result(`${headline}\n`);
    if (details.length > 0) (outcome.error ? (text: string) => io.err(text) : result)(`${details.join('\n')}\n`);
  }
  if (outcomes.length > 1) result(`${renderTotalLine(chalk, outcomes, options.tense)}\n`);
  if (options.shard) io.err(`${chalk.dim(`${shardPrefix(options.shard)}${options.shard.documents === 0 ? ': no manifest falls in this part, nothing to do' : ''}`)}\n`);
  if (cloud.sandbox) io.err(`${chalk.cyan(fitFooter(`${SANDBOX_NOTICE} ${options.sandboxStoreDir ?? 'the sandbox folder'}`, io))}\n`);
  if (cloud.json) {
    const document = buildResultDocument({
      command: options.command,
      exitCode,
      sandbox: cloud.sandbox,
      results: outcomes.map((o) => toStackResult(o, options.showSecrets ?? false)),
      ...(options.shard ? { shard: options.shard } : {}),
      ...(options.orphans ? { orphans: options.orphans } : {}),
    });
    io.out(formatResultDocument(document));
  }
  return exitCode;
}

/**
 * Runs a cloud command's body. A failure before any stack ran (bad manifest, credentials, no
 * engine) is rethrown for the entry point to print and exit with; with --json, a result document
 * carrying the error is printed first, so a pipeline always gets one.
 */
export async function runCloudCommand(command: CloudCommand, io: Io, cloud: CloudOptions, body: (cloud: CloudOptions) => Promise<number>): Promise<number> {
  try {
    return await body(cloud);
  } catch (error) {
    reportRunFailure(command, io, cloud, error);
    throw error;
  }
}

/** With --json: the result document of a run that failed before any stack ran (also for wrong flags). */
export function reportRunFailure(command: CloudCommand, io: Io, run: { readonly json: boolean; readonly sandbox: boolean }, error: unknown): void {
  if (!run.json) return;
  const failure = asOpenmcfError(error);
  const diagnostics = error instanceof ManifestInvalidError ? { diagnostics: diagnosticsToJson(error.diagnostics) } : {};
  const document = buildResultDocument({
    command,
    exitCode: failure.exitCode,
    sandbox: run.sandbox,
    results: [],
    error: { ...resultError(failure), ...diagnostics },
  });
  io.out(formatResultDocument(document));
}
