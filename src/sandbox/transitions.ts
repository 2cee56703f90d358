// How long the sandbox cloud's objects stay in their transient status: `creating` after a
// create, `updating` after an update, `deleting` (then 404) after a delete. Read from
// `openmcf sandbox api --transitions <mode>` or OPENMCF_SANDBOX_TRANSITIONS (sandbox runs):
//
//   instant              (default) the answer to the call says `creating`/`updating`/`deleting`,
//                        and every later read sees the end state: sandbox runs never wait, since
//                        the provider polls every 5 s while a status is transient.
//   realistic            the transient status lasts REALISTIC_MS on every read, as on the
//                        platform (its recordings show several reads in `creating` before `ready`
//                        or `error`, `updating` after a PATCH, `deleting` before the 404); a
//                        script that does not wait for `ready` fails here as it would there.
//   realistic:<ms>       the same, lasting <ms> milliseconds.
//
// The trade-off: each transient status the provider meets costs a sandbox run one 5-second poll
// in realistic mode.

export const TRANSITIONS_ENV = 'OPENMCF_SANDBOX_TRANSITIONS';
/** One poll of the provider: long enough that every create, update and delete is seen transient. */
export const REALISTIC_MS = 5_000;
const MAX_MS = 3_600_000;

/** The transition duration in milliseconds (0 = instant); a text that is not a mode throws, saying which. */
export function parseTransitions(text: string | undefined): number {
  const mode = (text ?? '').trim();
  if (mode === '' || mode === 'instant') return 0;
  if (mode === 'realistic') return REALISTIC_MS;
  const timed = /^realistic:(\d+)$/.exec(mode);
  if (timed && Number(timed[1]) <= MAX_MS) return Number(timed[1]);
  throw new Error(`transitions "${mode}" is not a mode: use instant, realistic (${REALISTIC_MS / 1000} s) or realistic:<milliseconds> (up to ${MAX_MS})`);
}
