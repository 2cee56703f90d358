// Every failure the CLI reports carries an exit code. Only the entry point (src/cli/main.ts)
// turns these into `process.exitCode`; everything below throws.

/** Documented exit codes (README "Exit codes"). */
export const ExitCode = {
  ok: 0,
  /** The operation itself failed (engine error, container ended in `error`, ...). */
  failed: 1,
  /** `preview --detailed-exitcode` found changes. */
  changesPending: 2,
  /** Invalid input: manifest, flags, credentials. Nothing was touched. */
  invalidInput: 3,
  /** The stack is locked by another run. */
  stackLocked: 4,
  /** Interrupted by the user (Ctrl-C). */
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** Where an error comes from: the user's input or the tool/cloud. Decides how it is printed. */
export type ErrorOrigin = 'user' | 'tool' | 'cloud';

export class OpenmcfError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly code: string;
  readonly origin: ErrorOrigin;
  /** A line telling the user what to do next; printed under the message. */
  readonly hint: string | undefined;

  constructor(message: string, options: { exitCode: ExitCodeValue; code: string; origin?: ErrorOrigin; hint?: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OpenmcfError';
    this.exitCode = options.exitCode;
    this.code = options.code;
    this.origin = options.origin ?? 'user';
    this.hint = options.hint;
  }
}

/** Bad flags, credentials or manifests: exit 3, nothing touched. */
export function invalidInput(message: string, code: string, hint?: string): OpenmcfError {
  return new OpenmcfError(message, { exitCode: ExitCode.invalidInput, code, origin: 'user', ...(hint ? { hint } : {}) });
}
