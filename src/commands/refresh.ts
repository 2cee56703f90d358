// `openmcf refresh`: reads every resource back from the cloud and records what changed outside
// openmcf (drift) in the state. It changes no cloud resource, so it does not ask for confirmation.
// Creates an interrupted run left pending are settled first: what the cloud has of them is taken
// into the state, the rest dropped (--clear-pending-creates, kept for the original CLI's usage,
// then clears anything the engine still holds). With --detailed-exitcode, drift exits 2: the
// nightly drift check of a CI.
import { emptyChangeCounts, hasChanges } from '../engine/events.js';
import type { Io } from '../core/io.js';
import { renderRefreshedDrift } from '../render/diff.js';
import type { ProgressRenderer } from '../render/progress.js';
import type { CloudOptions } from '../run/run-options.js';
import { failedOutcome, type StackOutcome } from '../run/outcome.js';
import { chalkFor, finishRun, runCloudCommand, runReportOptions } from '../run/report.js';
import type { StackSession } from '../run/stack-session.js';
import { runBoundedAll } from '../run/run-bounded.js';
import { withEngineRun } from './engine-run.js';
import { settleInterruptedCreates } from '../run/stack-steps.js';

export async function refresh(options: CloudOptions, io: Io): Promise<number> {
  return runCloudCommand('refresh', io, options, async (cloud) => {
    return withEngineRun(cloud, io, { labelStacks: true }, async ({ run, sessions, progress }) => {
      const outcomes = await runBoundedAll(sessions, cloud.parallel, (session) => refreshStep(session, cloud, io, progress));
      progress.stop();
      return finishRun(io, cloud, outcomes, {
        command: 'refresh',
        tense: 'done',
        showOutputs: false,
        detailedExitcode: cloud.detailedExitcode,
        ...runReportOptions(run),
      });
    });
  });
}

async function refreshStep(session: StackSession, cloud: CloudOptions, io: Io, progress: ProgressRenderer): Promise<StackOutcome> {
  const started = Date.now();
  const { prepared } = session;
  progress.activity('refreshing', prepared.label);
  try {
    if (!(await session.open('select'))) {
      progress.result(`${prepared.label}: stack ${prepared.target.displayName} does not exist; nothing to refresh`);
      return { prepared, status: 'unchanged', counts: emptyChangeCounts(), changes: [], durationMs: Date.now() - started };
    }
    // What an interrupted run created is taken in (and read back) rather than forgotten.
    await settleInterruptedCreates(session, await session.readState(), (line) => progress.line(line));
    const outcome = await session.operation('refresh', {
      onEvent: progress.forStack(prepared.label),
      target: cloud.target,
      clearPendingCreates: cloud.clearPendingCreates,
    });
    if (outcome.changes.length > 0) progress.result(`${renderRefreshedDrift(chalkFor(io), prepared.label, prepared.target.displayName, outcome.changes).join('\n')}\n`);
    return {
      prepared,
      status: hasChanges(outcome.counts) ? 'succeeded' : 'unchanged',
      counts: outcome.counts,
      changes: outcome.changes,
      drift: outcome.changes,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    return failedOutcome(prepared, error, Date.now() - started);
  } finally {
    progress.activity(undefined, prepared.label);
  }
}
