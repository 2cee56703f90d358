// Runs one step per stack in the order of program/value-from-order.ts: a stack that reads another
// stack of the run through valueFrom starts once that stack's step has finished, and is handed its
// result (to skip itself when that one failed, or to know its outputs will change). Steps start in
// dependency order, so a waiting step only ever waits for steps already started: no deadlock
// whatever --parallel is. Results come back in the stacks' own order.
import { dependencyOrder, runDependencies } from '../program/value-from-order.js';
import { runBoundedAll } from './run-bounded.js';
import type { StackSession } from './stack-session.js';
import { ExitCode, OpenmcfError } from '../core/errors.js';
import { failedOutcome, type StackOutcome } from './outcome.js';

export async function runInDependencyOrder<R>(
  sessions: readonly StackSession[],
  parallel: number,
  step: (session: StackSession, index: number, read: readonly R[]) => Promise<R>,
): Promise<R[]> {
  const stacks = sessions.map((s) => ({ loaded: s.prepared.loaded, target: s.prepared.target }));
  const dependencies = runDependencies(stacks);
  const order = dependencyOrder(stacks);
  const finished = new Array<Promise<R>>(sessions.length);
  const settle = new Array<{ resolve: (value: R) => void; reject: (error: unknown) => void }>(sessions.length);
  for (let i = 0; i < sessions.length; i++) finished[i] = new Promise<R>((resolve, reject) => (settle[i] = { resolve, reject }));
  // A step that throws (a bug: steps report failures as results) fails the steps waiting for it.
  for (const p of finished) p.catch(() => undefined);
  const results = await runBoundedAll(order, parallel, async (index) => {
    try {
      const read = await Promise.all(dependencies[index]!.map((d) => finished[d]!));
      const result = await step(sessions[index]!, index, read);
      settle[index]!.resolve(result);
      return result;
    } catch (error) {
      settle[index]!.reject(error);
      throw error;
    }
  });
  const byIndex = new Array<R>(sessions.length);
  order.forEach((index, position) => (byIndex[index] = results[position]!));
  return byIndex;
}

/**
 * Before a preview: the stacks this one reads whose own preview found changes (or failed) have
 * outputs that are not final; the program shows what it reads of them as unknown.
 */
export function markPendingReads(session: StackSession, read: readonly StackOutcome[]): void {
  const pending = read.filter((o) => o.status !== 'unchanged').map((o) => o.prepared.target.stackName);
  session.prepared.stateView.pendingReads = new Set(pending);
}

/**
 * Before an update: the stacks it reads have run, so their outputs are read as they are now; one
 * that failed (or was not applied) leaves this stack unapplied, as its value would be wrong.
 */
export function dependencyNotApplied(session: StackSession, read: readonly StackOutcome[]): StackOutcome | undefined {
  session.prepared.stateView.pendingReads = undefined;
  const failed = read.find((o) => o.status === 'failed' || o.status === 'cancelled' || o.status === 'declined');
  if (failed === undefined) return undefined;
  const { target, rerunArgs } = session.prepared;
  const error = new OpenmcfError(
    `not applied: it reads stack ${failed.prepared.target.displayName} (${failed.prepared.label}) through valueFrom, and that stack was ${failed.status === 'declined' ? 'not applied' : failed.status}`,
    {
      exitCode: ExitCode.failed,
      code: 'dependency-failed',
      origin: 'cloud',
      hint: `fix ${failed.prepared.label} first, then run \`openmcf apply ${rerunArgs}\` again (stack ${target.displayName} was left as it was)`,
    },
  );
  return failedOutcome(session.prepared, error, 0);
}
