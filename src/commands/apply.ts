// `openmcf apply`: manifests to running containers. On a terminal: preview every stack, ask once,
// then update the stacks with changes. With --yes (required without a terminal): update directly,
// showing each property change as it is made. Stacks run concurrently up to --parallel; one
// failing does not stop the others; the exit code is the most severe.
import { emptyChangeCounts, type ChangeCounts } from '../engine/events.js';
import { askConfirmation, requireConfirmationPossible } from '../render/confirm.js';
import type { Io } from '../render/io.js';
import { ProgressRenderer } from '../render/progress.js';
import { liveStatusOption } from '../render/spinner-status.js';
import { changeSummaryText } from '../render/summary.js';
import { cloudOptionsFromFlags, type CloudFlags, type CloudOptions } from './cloud/options.js';
import { asOpenmcfError, failedOutcome, type StackOutcome } from './cloud/outcome.js';
import { ExitCode, OpenmcfError } from '../errors.js';
import { stateFingerprint } from '../engine/stack-state.js';
import { prepareRun } from './cloud/prepare.js';
import { chalkFor, finishRun, runCloudCommand } from './cloud/report.js';
import type { StackSession } from './cloud/stack-session.js';
import { applyStep, previewStep, printDeployNotices, unchangedStep } from './cloud/stack-steps.js';
import { runBoundedAll } from './run-bounded.js';
import { withStackSessions } from './cloud/stack-sessions.js';

export async function apply(flags: CloudFlags, io: Io): Promise<number> {
  const cloud = cloudOptionsFromFlags(flags);
  return runCloudCommand('apply', io, cloud, cloud.json, async () => {
    requireConfirmationPossible('apply', { yes: cloud.yes, interactive: io.interactive });
    const run = await prepareRun(cloud, io, { credentials: true });
    printDeployNotices(io, run);
    const progress = new ProgressRenderer(io, { showProperties: cloud.yes, ...liveStatusOption(io) });
    progress.setMultipleStacks(run.stacks.length > 1);
    return withStackSessions(run, progress, async (sessions) => {
      const outcomes = cloud.yes ? await applyDirectly(sessions, cloud, progress) : await previewConfirmApply(sessions, cloud, io, progress);
      progress.stop();
      return finishRun(io, cloud, outcomes, {
        command: 'apply',
        tense: 'done',
        showOutputs: true,
        ...(run.sandbox ? { sandboxStoreDir: run.sandbox.storeDir } : {}),
      });
    });
  });
}

async function applyDirectly(sessions: readonly StackSession[], cloud: CloudOptions, progress: ProgressRenderer): Promise<StackOutcome[]> {
  return runBoundedAll(sessions, cloud.parallel, (session) => applyStep(session, cloud, progress, false));
}

async function previewConfirmApply(sessions: readonly StackSession[], cloud: CloudOptions, io: Io, progress: ProgressRenderer): Promise<StackOutcome[]> {
  const chalk = chalkFor(io);
  const print = (text: string): void => progress.line(`${text}\n`);
  const previews = await runBoundedAll(sessions, cloud.parallel, (session) => previewStep(session, cloud, chalk, print, true));

  const pending = previews.filter((p) => p.status === 'changes-pending');
  let proceed = false;
  if (pending.length > 0) {
    progress.stop();
    const total = sumCounts(pending.map((p) => p.counts));
    const stacks = pending.length === 1 ? `stack ${pending[0]!.prepared.target.displayName}` : `${pending.length} stacks`;
    proceed = await askConfirmation(`Apply these changes to ${stacks} (${changeSummaryText(chalk, total, 'planned')})?`);
  }

  return runBoundedAll(sessions, cloud.parallel, async (session, index): Promise<StackOutcome> => {
    const previewed = previews[index]!;
    if (previewed.status === 'failed' || previewed.status === 'cancelled') return previewed;
    if (previewed.status === 'unchanged') return unchangedStep(session, previewed);
    if (!proceed) return { ...previewed, status: 'declined', counts: emptyChangeCounts(), changes: [] };
    const changed = await changedSincePreview(session, previewed);
    if (changed) return failedOutcome(session.prepared, changed, previewed.durationMs);
    const applied = await applyStep(session, cloud, progress, true);
    return { ...applied, durationMs: applied.durationMs + previewed.durationMs };
  });
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

function sumCounts(all: readonly ChangeCounts[]): ChangeCounts {
  const total = emptyChangeCounts();
  for (const counts of all) for (const kind of Object.keys(total) as Array<keyof ChangeCounts>) total[kind] += counts[kind];
  return total;
}
