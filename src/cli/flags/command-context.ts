import type { Io } from '../../core/io.js';

/** What a command's wiring gets from the entry point. */
export interface CommandContext {
  readonly io: Io;
  /** Sets the process exit code; handlers return codes instead of exiting. */
  readonly setExitCode: (code: number) => void;
}
