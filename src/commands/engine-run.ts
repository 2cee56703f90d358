// What every command that runs the engine over its stacks (apply, preview, destroy, refresh,
// import) does around its own steps: one progress renderer, the run prepared (manifests,
// backend, credentials, engine) with its phases on the live line, then one session per stack
// (run/session-group.ts), and the progress stopped whatever happens.
import type { Io } from '../core/io.js';
import { ProgressRenderer } from '../render/progress.js';
import { progressOptions } from '../render/spinner-status.js';
import type { PreparedRun } from '../run/prepare.js';
import type { CloudOptions } from '../run/run-options.js';
import { withStackSessions } from '../run/session-group.js';
import type { StackSession } from '../run/stack-session.js';
import { printDeployNotices } from '../run/stack-steps.js';

export interface EngineRunSetup {
  /** Each property change shown as it is made (an update without a preview shown first). */
  readonly showProperties?: boolean;
  /** `--stack` alone may name the stack (run/stack-only.ts). */
  readonly stackOnly?: boolean;
  /** The manifests' deploy notices, printed once the run is prepared. */
  readonly deployNotices?: boolean;
  /** Resource lines prefixed with their stack's label when the run has more than one. */
  readonly labelStacks?: boolean;
}

export interface EngineRun {
  readonly run: PreparedRun;
  readonly sessions: readonly StackSession[];
  readonly progress: ProgressRenderer;
}

export async function withEngineRun<R>(cloud: CloudOptions, io: Io, setup: EngineRunSetup, body: (engineRun: EngineRun) => Promise<R>): Promise<R> {
  const progress = new ProgressRenderer(io, progressOptions(io, cloud.progressIntervalMs, { showProperties: setup.showProperties, json: cloud.json }));
  try {
    const { prepareRun } = await import('../run/prepare.js');
    const run = await prepareRun(cloud, io, { credentials: true, stackOnly: setup.stackOnly, onPhase: (phase) => progress.activity(phase) });
    progress.activity(undefined);
    if (setup.deployNotices) printDeployNotices(io, run);
    if (setup.labelStacks) progress.setMultipleStacks(run.stacks.length > 1);
    return await withStackSessions(run, progress, (sessions) => body({ run, sessions, progress }));
  } finally {
    progress.stop();
  }
}
