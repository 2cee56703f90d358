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
};
export class OpenmcfError extends Error {
    exitCode;
    code;
    origin;
    /** A line telling the user what to do next; printed under the message. */
    hint;
    constructor(message, options) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'OpenmcfError';
        this.exitCode = options.exitCode;
        this.code = options.code;
        this.origin = options.origin ?? 'user';
        this.hint = options.hint;
    }
}
/** Bad flags, credentials or manifests: exit 3, nothing touched. */
export function invalidInput(message, code, hint) {
    return new OpenmcfError(message, { exitCode: ExitCode.invalidInput, code, origin: 'user', ...(hint ? { hint } : {}) });
}
