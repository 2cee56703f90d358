// `openmcf apply`: manifests to running containers. Every stack is refreshed and previewed first
// and its plan printed; on a terminal the user is asked once (a production stack whose plan
// replaces or deletes something asks for its name to be typed), with --yes (required without a
// terminal) the plan is made, shown and applied in one engine run under one hold of the stack's
// lock (what is printed is what is applied); --yes --skip-preview updates directly, showing each
// property change as it is made. Stacks run concurrently up to --parallel; one failing does not stop the others; the
// exit code is the most severe. A declined confirmation changes nothing and exits 1.
import type { ChalkInstance } from 'chalk';
import { emptyChangeCounts, sumChangeCounts } from '../engine/events.js';
import { askConfirmation, askTypedConfirmation, declinedError, requireConfirmationPossible } from '../render/confirm.js';
import type { Io } from '../core/io.js';
import type { ProgressRenderer } from '../render/progress.js';
import { changeSummaryText } from '../render/summary.js';
import { isProductionStack } from '../stack/production.js';
import type { CloudOptions } from '../run/run-options.js';
import { asOpenmcfError, failedOutcome, type StackOutcome } from '../run/outcome.js';
import { ExitCode, OpenmcfError } from '../core/errors.js';
import { stateFingerprint } from '../engine/stack-state.js';
import { chalkFor, finishRun, runCloudCommand, runReportOptions } from '../run/report.js';
import type { StackSession } from '../run/stack-session.js';
import { applyStep, previewApplyStep, previewStep, unchangedStep } from '../run/stack-steps.js';
import { dependencyNotApplied, markPendingReads, runInDependencyOrder } from '../run/ordered-run.js';
import { withEngineRun } from './engine-run.js';
import { checkPruneFlags, pruneOrphans } from './prune.js';

export async function apply(options: CloudOptions, io: Io): Promise<number> {
  // A saved plan is applied as it was reviewed: its own path, no preview, no question.
  if (options.plan !== undefined) return (await import('./apply-plan.js')).applyPlan(options, options.plan, io);
  return runCloudCommand('apply', io, options, async (cloud) => {
    const skipPreview = cloud.yes && cloud.skipPreview;
    requireConfirmationPossible('apply', { yes: cloud.yes, interactive: io.interactive });
    if (cloud.prune) checkPruneFlags(cloud);
    return withEngineRun(cloud, io, { showProperties: skipPreview, deployNotices: true, labelStacks: true }, async ({ run, sessions, progress }) => {
      const applied = skipPreview
        ? await applyDirectly(sessions, cloud, progress)
        : cloud.yes
          ? await previewAndApply(sessions, cloud, io, progress)
          : await previewConfirmApply(sessions, cloud, io, progress);
      // --prune: the orphans go after the apply, and only when all of it succeeded (prune.ts).
      const outcomes = cloud.prune ? [...applied, ...(await pruneOrphans(run, cloud, io, progress, applied))] : applied;
      progress.stop();
      return finishRun(io, cloud, outcomes, {
        command: 'apply',
        tense: 'done',
        showOutputs: true,
        ...runReportOptions(run),
      });
    });
  });
}

async function applyDirectly(sessions: readonly StackSession[], cloud: CloudOptions, progress: ProgressRenderer): Promise<StackOutcome[]> {
  return runInDependencyOrder<StackOutcome>(
    sessions,
    cloud.parallel,
    async (session, _index, read) => dependencyNotApplied(session, read) ?? applyStep(session, cloud, progress, false),
  );
}

/** `--yes`: each stack previewed and updated in one engine run, under one hold of its lock. */
async function previewAndApply(sessions: readonly StackSession[], cloud: CloudOptions, io: Io, progress: ProgressRenderer): Promise<StackOutcome[]> {
  const chalk = chalkFor(io);
  return runInDependencyOrder<StackOutcome>(sessions, cloud.parallel, async (session, _index, read) => {
    const notApplied = dependencyNotApplied(session, read);
    if (notApplied !== undefined) return notApplied;
    const { previewed, ...outcome } = await previewApplyStep(session, cloud, chalk, progress);
    // A plan that could not be made leaves no stack behind that only it had created.
    if (!previewed) await session.removeIfCreated();
    return outcome;
  });
}

async function previewConfirmApply(sessions: readonly StackSession[], cloud: CloudOptions, io: Io, progress: ProgressRenderer): Promise<StackOutcome[]> {
  const chalk = chalkFor(io);
  const previews = await runInDependencyOrder<StackOutcome>(sessions, cloud.parallel, (session, _index, read) => {
    markPendingReads(session, read);
    return previewStep(session, cloud, chalk, progress, true);
  });

  const pending = previews.filter((p) => p.status === 'changes-pending');
  let proceed = pending.length > 0 && cloud.yes;
  if (pending.length > 0 && !cloud.yes) {
    progress.stop();
    proceed = await confirmApply(chalk, pending);
    if (!proceed) io.err(`${chalk.yellow(declinedError('apply').message)}\n`);
  }

  return runInDependencyOrder<StackOutcome>(sessions, cloud.parallel, async (session, index, read): Promise<StackOutcome> => {
    const previewed = previews[index]!;
    if (previewed.status === 'failed' || previewed.status === 'cancelled') {
      await session.removeIfCreated();
      return previewed;
    }
    if (previewed.status === 'unchanged' && !previewed.settledPendingCreates) {
      await session.removeIfCreated();
      return unchangedStep(session, previewed);
    }
    if (!proceed && previewed.status !== 'unchanged') {
      await session.removeIfCreated();
      return { ...previewed, status: 'declined', counts: emptyChangeCounts(), changes: [] };
    }
    const notApplied = dependencyNotApplied(session, read);
    if (notApplied) return { ...notApplied, durationMs: previewed.durationMs };
    const changed = await changedSincePreview(session, previewed);
    if (changed) return failedOutcome(session.prepared, changed, previewed.durationMs);
    const applied = await applyStep(session, cloud, progress, true);
    return { ...applied, durationMs: applied.durationMs + previewed.durationMs };
  });
}

/**
 * One question for the whole run; a production stack whose plan replaces or deletes something
 * (downtime, a new endpoint, data gone) asks for its stack name instead of a "y".
 */
async function confirmApply(chalk: ChalkInstance, pending: readonly StackOutcome[]): Promise<boolean> {
  const total = sumChangeCounts(pending.map((p) => p.counts));
  const stacks = pending.length === 1 ? `stack ${pending[0]!.prepared.target.displayName}` : `${pending.length} stacks`;
  const question = `Apply these changes to ${stacks} (${changeSummaryText(chalk, total, 'planned')})?`;
  const risky = pending.filter((p) => isProductionStack(p.prepared.target) && (p.counts.replace > 0 || p.counts.delete > 0));
  if (risky.length === 0) return askConfirmation(question);
  for (const outcome of risky) {
    const { target } = outcome.prepared;
    const what = [outcome.counts.replace > 0 ? `replaces ${outcome.counts.replace}` : '', outcome.counts.delete > 0 ? `deletes ${outcome.counts.delete}` : '']
      .filter(Boolean)
      .join(' and ');
    const warning = chalk.bold.red(`${target.displayName} is a production stack and this apply ${what} of its resources.`);
    if (!(await askTypedConfirmation(`${question}\n${warning}`, target.stack))) return false;
  }
  return true;
}

/**
 * What was confirmed is the preview: should another run have changed the stack meanwhile (between
 * the preview and the answer), applying now would do something else than what was shown, e.g.
 * silently revert that run's changes. The state is compared with the one the preview was made
 * from; a difference stops this stack, with nothing applied.
 */
async function changedSincePreview(session: StackSession, previewed: StackOutcome): Promise<OpenmcfError | undefined> {
  try {
    const now = stateFingerprint(await session.readState());
    if (previewed.stateFingerprint === undefined || now === previewed.stateFingerprint) return undefined;
  } catch (error) {
    return asOpenmcfError(error);
  }
  const { prepared } = session;
  return new OpenmcfError(`stack ${prepared.target.displayName} changed since the preview (another run updated it while you were answering); nothing was applied`, {
    exitCode: ExitCode.failed,
    code: 'stack-changed',
    origin: 'cloud',
    hint: `Run \`openmcf apply ${prepared.rerunArgs}\` again to see a preview of the stack as it is now, and confirm that one.`,
  });
}
