// Confirmation before changing the cloud. `--yes` pre-answers it; without a terminal there is
// nobody to ask, so the run is refused before anything starts rather than hanging on a prompt.
import { createInterface } from 'node:readline/promises';
import { ExitCode, OpenmcfError, invalidInput } from '../errors.js';
export function confirmDecision(options) {
    if (options.yes)
        return 'proceed';
    return options.interactive ? 'ask' : 'refuse';
}
/** Throws (exit 3) when the run needs --yes and has none; called before the engine starts. */
export function requireConfirmationPossible(command, options) {
    if (confirmDecision(options) === 'refuse') {
        throw invalidInput(`${command} changes the cloud and needs confirmation, but this is not a terminal`, 'confirmation-required', `Rerun with --yes to confirm non-interactively (e.g. in CI): openmcf ${command} --yes ...`);
    }
}
/** `yes`/`y` (any case) confirms; anything else, including an empty answer, declines. */
export function isAffirmative(answer) {
    return /^(y|yes)$/i.test(answer.trim());
}
/** Asks on stderr/stdin. Ctrl-C at the prompt is an interruption (exit 130). */
export async function askConfirmation(question) {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const controller = new AbortController();
    let interrupted = false;
    rl.on('SIGINT', () => {
        interrupted = true;
        controller.abort();
    });
    try {
        const answer = await rl.question(`${question} [y/N] `, { signal: controller.signal });
        return isAffirmative(answer);
    }
    catch (error) {
        if (interrupted) {
            process.stderr.write('\n');
            throw new OpenmcfError('interrupted at the confirmation prompt; nothing was changed', { exitCode: ExitCode.interrupted, code: 'interrupted', origin: 'user' });
        }
        throw error;
    }
    finally {
        rl.close();
    }
}
