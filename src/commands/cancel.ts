// `openmcf cancel`: releases the lock of each manifest's stack, for a lock left behind by a run that
// was killed (a second Ctrl-C, kill -9, a CI job cancelled). It runs the engine's own `pulumi
// cancel`, which on self-managed backends deletes every lock object of the stack. A run that is
// still going would lose its lock too, hence the confirmation (or --yes) like destroy.
// (Minimal version for the recovery work; the `teams` branch has the full one.)
import { emptyChangeCounts } from '../engine/events.js';
import { askConfirmation, requireConfirmationPossible } from '../render/confirm.js';
import type { Io } from '../render/io.js';
import { ProgressRenderer } from '../render/progress.js';
import { cloudOptionsFromFlags, type CloudFlags } from './cloud/options.js';
import { failedOutcome, type StackOutcome } from './cloud/outcome.js';
import { prepareRun } from './cloud/prepare.js';
import { finishRun, runCloudCommand } from './cloud/report.js';
import type { StackSession } from './cloud/stack-session.js';
import { withStackSessions } from './cloud/stack-sessions.js';
import { runBoundedAll } from './run-bounded.js';

export async function cancel(flags: CloudFlags, io: Io): Promise<number> {
  const cloud = cloudOptionsFromFlags(flags);
  return runCloudCommand('cancel', io, cloud, cloud.json, async () => {
    requireConfirmationPossible('cancel', { yes: cloud.yes, interactive: io.interactive });
    const run = await prepareRun(cloud, io, { credentials: false });
    const report = { command: 'cancel' as const, tense: 'done' as const, showOutputs: false, ...(run.sandbox ? { sandboxStoreDir: run.sandbox.storeDir } : {}) };
    if (!cloud.yes) {
      const stacks = run.stacks.length === 1 ? `stack ${run.stacks[0]!.target.displayName}` : `${run.stacks.length} stacks`;
      if (!(await askConfirmation(`Release the lock of ${stacks}? Only do this when no run is using it any more.`))) {
        const declined = run.stacks.map((prepared): StackOutcome => ({ prepared, status: 'declined', counts: emptyChangeCounts(), changes: [], durationMs: 0 }));
        return finishRun(io, cloud, declined, report);
      }
    }
    const progress = new ProgressRenderer(io);
    return withStackSessions(run, progress, async (sessions) => finishRun(io, cloud, await runBoundedAll(sessions, cloud.parallel, (s) => releaseStep(s, io)), report));
  });
}

async function releaseStep(session: StackSession, io: Io): Promise<StackOutcome> {
  const started = Date.now();
  const { prepared } = session;
  try {
    if (await session.open('select')) {
      await session.releaseLock();
      io.err(`${prepared.label}: released the lock of stack ${prepared.target.displayName}\n`);
    } else {
      io.err(`${prepared.label}: stack ${prepared.target.displayName} does not exist; there is no lock to release\n`);
    }
    return { prepared, status: 'unchanged', counts: emptyChangeCounts(), changes: [], durationMs: Date.now() - started };
  } catch (error) {
    return failedOutcome(prepared, error, Date.now() - started);
  }
}
