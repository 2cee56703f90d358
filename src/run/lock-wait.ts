// `--lock-wait <duration>`: instead of failing with exit 4 when another run holds the stack, try
// again until it is free or the time is up. The engine takes the lock as an update starts and
// refuses before it has touched anything, so trying again is safe; there is no way to be told when
// a lock goes (S3 and PostgreSQL have no notifications for it), hence polling.
import { invalidInput } from '../core/errors.js';
import { StackLockedError } from '../engine/engine-errors.js';
import { describeHolder } from '../engine/stack-lock.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Long enough for any sane CI job; a typo like `--lock-wait 3000m` should not hang for days. */
const MAX_WAIT_MS = 24 * 3_600_000;

/** `30s`, `5m`, `1h30m`, `90` (seconds); 0 (the default) means do not wait. */
export function parseLockWait(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const text = raw.trim();
  const fail = (): never => {
    throw invalidInput(`--lock-wait must be a duration such as 30s, 5m or 1h30m, got "${raw}"`, 'flag.lock-wait', 'e.g. --lock-wait 10m (at most 24h)');
  };
  if (/^\d+$/.test(text)) return checkMax(Number(text) * 1000, fail);
  if (!/^(\d+(ms|s|m|h))+$/.test(text)) fail();
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)(ms|s|m|h)/g)) total += Number(amount) * UNIT_MS[unit!]!;
  return checkMax(total, fail);
}

function checkMax(ms: number, fail: () => never): number {
  if (!Number.isFinite(ms) || ms > MAX_WAIT_MS) fail();
  return ms;
}

export interface LockWaitOptions {
  /** How long to keep trying; 0 fails at once. */
  readonly waitMs: number;
  /** The stack as the user knows it, for the progress lines. */
  readonly stackDisplay: string;
  readonly notify: (line: string) => void;
  /** Whether to stop waiting (Ctrl-C). */
  readonly cancelled: () => boolean;
  /** Injected for tests. */
  readonly pollMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The first progress line, then one every this often, so a CI log shows the wait is alive. */
const REPORT_EVERY_MS = 10_000;

/** Runs `attempt` until it does not fail with a lock or the wait is over (the last error then). */
export async function withLockWait<T>(attempt: () => Promise<T>, options: LockWaitOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pollMs = options.pollMs ?? 2000;
  const started = now();
  let lastReport: number | undefined;
  for (;;) {
    try {
      const result = await attempt();
      if (lastReport !== undefined) options.notify(`${options.stackDisplay}: lock acquired after ${seconds(now() - started)}`);
      return result;
    } catch (error) {
      const waited = now() - started;
      if (!(error instanceof StackLockedError) || waited >= options.waitMs || options.cancelled()) throw error;
      if (lastReport === undefined || now() - lastReport >= REPORT_EVERY_MS) {
        lastReport = now();
        const holder = error.holders.length > 0 ? ` held by ${error.holders.map((h) => describeHolder(h)).join('; ')}` : '';
        options.notify(`${options.stackDisplay}: waiting for the lock${holder} (${seconds(waited)} of ${seconds(options.waitMs)})`);
      }
      await sleep(Math.min(pollMs, Math.max(0, options.waitMs - waited)));
    }
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)}s`;
}
