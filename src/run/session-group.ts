// What every cloud command that runs the engine shares: one session per prepared stack, Ctrl-C
// handling while they run (first press cancels cleanly, second stops the engine), and clean-up
// whatever happens.
import { watchInterrupts } from '../engine/interrupts.js';
import type { ProgressRenderer } from '../render/progress.js';
import { stopShared, type PreparedRun } from './prepare.js';
import { StackSession } from './stack-session.js';

export async function withStackSessions<R>(run: PreparedRun, progress: ProgressRenderer, body: (sessions: readonly StackSession[]) => Promise<R>): Promise<R> {
  const stopWatching = watchInterrupts(run.processes, {
    cancelling: () => progress.line('cancelling: waiting for the engine to stop cleanly (press Ctrl-C again to stop it at once)...'),
    killing: () => {
      // The engines are gone; so goes the provider they shared, as their plugins would.
      run.provider?.stop();
      progress.line('stopping the engine now');
    },
  });
  const sessions = run.stacks.map((prepared) => new StackSession(prepared, run, (line) => progress.line(line)));
  try {
    return await body(sessions);
  } finally {
    stopWatching();
    progress.stop();
    await Promise.all(sessions.map((s) => s.close()));
    await stopShared(run);
  }
}
