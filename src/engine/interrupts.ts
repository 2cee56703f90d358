// Ctrl-C (and SIGTERM, which CI runners send when a job is cancelled) while stacks are running:
// the first asks every engine to cancel cleanly, the second kills them. After the second, the
// default handling is restored, so a third ends openmcf at once should anything still hang.
import type { EngineProcesses } from './engine-processes.js';

export interface InterruptNotices {
  /** The first interruption: engines are cancelling. */
  cancelling(): void;
  /** The second: engines are being killed. */
  killing(): void;
}

export function watchInterrupts(processes: EngineProcesses, notices: InterruptNotices): () => void {
  let count = 0;
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  const stop = (): void => {
    for (const signal of signals) process.removeListener(signal, handler);
  };
  function handler(): void {
    count += 1;
    if (count === 1) {
      processes.cancel();
      notices.cancelling();
    } else {
      processes.kill();
      notices.killing();
      stop();
    }
  }
  for (const signal of signals) process.on(signal, handler);
  return stop;
}
