// Confirmation before changing the cloud. `--yes` pre-answers it; without a terminal there is
// nobody to ask, so the run is refused before anything starts rather than hanging on a prompt.
import { ExitCode, OpenmcfError, invalidInput } from '../core/errors.js';
import { askOnce } from './prompt.js';

export type ConfirmDecision = 'proceed' | 'ask' | 'refuse';

export function confirmDecision(options: { readonly yes: boolean; readonly interactive: boolean }): ConfirmDecision {
  if (options.yes) return 'proceed';
  return options.interactive ? 'ask' : 'refuse';
}

/** Throws (exit 3) when the run needs --yes and has none; called before the engine starts. */
export function requireConfirmationPossible(command: string, options: { readonly yes: boolean; readonly interactive: boolean }): void {
  if (confirmDecision(options) === 'refuse') {
    throw invalidInput(
      `${command} changes the cloud and needs confirmation, but this is not a terminal`,
      'confirmation-required',
      `Rerun with --yes to confirm non-interactively (e.g. in CI): openmcf ${command} --yes ...`,
    );
  }
}

/** `yes`/`y` (any case) confirms; anything else, including an empty answer, declines. */
export function isAffirmative(answer: string): boolean {
  return /^(y|yes)$/i.test(answer.trim());
}

/** Asks on stderr/stdin. Ctrl-C at the prompt is an interruption (exit 130); Ctrl-D (end of
 * input) declines, as an empty answer does. */
export async function askConfirmation(question: string): Promise<boolean> {
  const answer = await askOnce(`${question} [y/N] `, 'nothing was changed');
  return answer.kind === 'answer' && isAffirmative(answer.text);
}

/**
 * The deliberate confirmation for what cannot be undone in production: the user types the stack
 * name (as GitHub and Pulumi ask before a deletion). Anything else, Ctrl-D included, declines.
 */
export async function askTypedConfirmation(question: string, expected: string): Promise<boolean> {
  const answer = await askOnce(`${question}\n  Type the stack name ${expected} to confirm: `, 'nothing was changed');
  return answer.kind === 'answer' && answer.text.trim() === expected;
}

/** A declined confirmation: nothing changed, and the run says so with exit 1, as Terraform and
 * Pulumi do, so that a script never takes "not applied" for "applied". */
export function declinedError(command: string): OpenmcfError {
  return new OpenmcfError(`${command} cancelled: the confirmation was declined; nothing was changed`, { exitCode: ExitCode.failed, code: 'declined', origin: 'user' });
}
