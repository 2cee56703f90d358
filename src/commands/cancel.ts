// `openmcf cancel`: releases the lock of each manifest's stack, for a lock left behind by a run that
// was killed (a second Ctrl-C, a CI job cancelled, a runner lost). It runs the engine's own
// `pulumi cancel`, which on self-managed backends (file, S3, PostgreSQL, ...) deletes every lock
// object of the stack, so it works wherever the state is. A run that is still going would lose its
// lock too, so cancel refuses (exit 4) when the holder is alive: its process runs on this machine,
// or it renewed its heartbeat (engine/lock-heartbeat.ts) within the last 2 minutes; and it asks
// first (or --yes) like destroy.
import { emptyChangeCounts } from '../engine/events.js';
import { askConfirmation, requireConfirmationPossible } from '../render/confirm.js';
import type { Io } from '../core/io.js';
import type { CloudOptions } from '../run/run-options.js';
import { failedOutcome, type StackOutcome } from '../run/outcome.js';
import { prepareRun, stopShared, type PreparedRun } from '../run/prepare.js';
import { finishRun, runCloudCommand, runReportOptions } from '../run/report.js';
import { StackSession } from '../run/stack-session.js';
import { runBoundedAll } from '../run/run-bounded.js';
import { StackLockedError } from '../engine/engine-errors.js';
import { HEARTBEAT_STALE_AFTER_MS } from '../engine/lock-heartbeat.js';
import type { LockHolder } from '../engine/stack-lock.js';

export async function cancel(options: CloudOptions, io: Io): Promise<number> {
  return runCloudCommand('cancel', io, options, async (cloud) => {
    requireConfirmationPossible('cancel', { yes: cloud.yes, interactive: io.interactive });
    const run = await prepareRun(cloud, io, { credentials: false });
    try {
      return await releaseLocks(cloud, io, run);
    } finally {
      await stopShared(run);
    }
  });
}

async function releaseLocks(cloud: CloudOptions, io: Io, run: PreparedRun): Promise<number> {
  if (!cloud.yes) {
    const stacks = run.stacks.length === 1 ? `stack ${run.stacks[0]!.target.displayName}` : `${run.stacks.length} stacks`;
    const proceed = await askConfirmation(`Release the lock of ${stacks}? Only do this when no run is using it any more.`);
    if (!proceed) {
      const declined = run.stacks.map((prepared): StackOutcome => ({ prepared, status: 'declined', counts: emptyChangeCounts(), changes: [], durationMs: 0 }));
      return finishRun(io, cloud, declined, { command: 'cancel', tense: 'done', showOutputs: false, ...runReportOptions(run) });
    }
  }
  const sessions = run.stacks.map((prepared) => new StackSession(prepared, run));
  try {
    const outcomes = await runBoundedAll(sessions, cloud.parallel, (session) => releaseStep(session, io));
    return finishRun(io, cloud, outcomes, { command: 'cancel', tense: 'done', showOutputs: false, ...runReportOptions(run) });
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
  }
}

async function releaseStep(session: StackSession, io: Io): Promise<StackOutcome> {
  const started = Date.now();
  const { prepared } = session;
  try {
    if (!(await session.open('select'))) {
      io.err(`${prepared.label}: stack ${prepared.target.displayName} does not exist; there is no lock to release\n`);
      return { prepared, status: 'unchanged', counts: emptyChangeCounts(), changes: [], durationMs: Date.now() - started };
    }
    const verdict = await session.lockVerdict();
    if (verdict.alive) return failedOutcome(prepared, liveHolderError(session, verdict.alive, verdict.holders), Date.now() - started);
    await session.releaseLock();
    const held = verdict.described.length > 0 ? ` (held by ${verdict.described.join('; ')})` : '';
    io.err(`${prepared.label}: released the lock of stack ${prepared.target.displayName}${held}\n`);
    return { prepared, status: 'succeeded', counts: emptyChangeCounts(), changes: [], durationMs: Date.now() - started };
  } catch (error) {
    return failedOutcome(prepared, error, Date.now() - started);
  }
}

/** The lock belongs to a run that is still going: releasing it would let a second run in beside it. */
function liveHolderError(session: StackSession, why: string, holders: readonly LockHolder[]): StackLockedError {
  const { prepared } = session;
  const staleAfter = `${Math.round(HEARTBEAT_STALE_AFTER_MS / 60_000)} minutes`;
  return new StackLockedError(`stack ${prepared.target.displayName} is held by a run that is still going (${why}); its lock was not released`, holders, {
    hint: `Wait for that run to finish (\`--lock-wait\` on your next run waits for it), or stop it first. A run on another machine that has not renewed its heartbeat for ${staleAfter} counts as stale, and cancel then releases its lock.`,
    cause: undefined,
  });
}
