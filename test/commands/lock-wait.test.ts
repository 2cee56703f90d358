import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLockWait, withLockWait } from '../../src/run/lock-wait.js';
import { StackLockedError } from '../../src/engine/engine-errors.js';
import { inputError } from '../helpers/input-error.js';

test('--lock-wait takes durations in ms, s, m and h (combined too), or bare seconds; 0 by default', () => {
  assert.equal(parseLockWait(undefined), 0);
  assert.equal(parseLockWait('30s'), 30_000);
  assert.equal(parseLockWait('5m'), 300_000);
  assert.equal(parseLockWait('1h30m'), 5_400_000);
  assert.equal(parseLockWait('1500ms'), 1500);
  assert.equal(parseLockWait('90'), 90_000);
  for (const bad of ['', 'soon', '5 m', '-1s', '1.5m', '25h', 'm5']) {
    assert.throws(() => parseLockWait(bad), inputError('flag.lock-wait', /^--lock-wait must be a duration/), bad);
  }
});

const locked = (): StackLockedError =>
  new StackLockedError('stack o/p/s is locked by another run', [{ location: '/l.json', user: 'ci', host: 'runner-2', pid: 7, since: '2026-11-28T01:00:00Z', stale: false }], {
    hint: 'wait',
    cause: undefined,
  });

/** A clock that only moves when the waiter sleeps. */
function fakeTime(): { now: () => number; sleep: (ms: number) => Promise<void>; slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return { now: () => t, sleep: async (ms) => void (slept.push(ms), (t += ms)), slept };
}

test('a held lock is polled until it is free, with progress lines naming the holder', async () => {
  const time = fakeTime();
  const lines: string[] = [];
  let attempts = 0;
  const result = await withLockWait(
    async () => {
      attempts += 1;
      if (attempts < 8) throw locked();
      return 'done';
    },
    { waitMs: 60_000, stackDisplay: 'o/p/s', notify: (l) => lines.push(l), cancelled: () => false, now: time.now, sleep: time.sleep },
  );
  assert.equal(result, 'done');
  assert.equal(attempts, 8);
  assert.deepEqual(time.slept, [2000, 2000, 2000, 2000, 2000, 2000, 2000]);
  assert.match(lines[0] ?? '', /^o\/p\/s: waiting for the lock held by ci@runner-2, process 7, since 2026-11-28T01:00:00Z .*\(0s of 60s\)$/);
  assert.equal(lines.length, 3, `one line at first, one every 10 s, one when acquired: ${lines.join(' | ')}`);
  assert.match(lines.at(-1) ?? '', /^o\/p\/s: lock acquired after 14s$/);
});

test('the wait ends with the lock error when the time is up, and at once for other errors or when cancelled', async () => {
  const time = fakeTime();
  await assert.rejects(
    withLockWait(() => Promise.reject(locked()), { waitMs: 5000, stackDisplay: 'o/p/s', notify: () => undefined, cancelled: () => false, now: time.now, sleep: time.sleep }),
    StackLockedError,
  );
  assert.deepEqual(time.slept, [2000, 2000, 1000], 'the last sleep stops at the deadline');

  let calls = 0;
  await assert.rejects(
    withLockWait(
      () => {
        calls += 1;
        return Promise.reject(new Error('boom'));
      },
      { waitMs: 5000, stackDisplay: 'o/p/s', notify: () => undefined, cancelled: () => false, now: time.now, sleep: time.sleep },
    ),
    /boom/,
  );
  assert.equal(calls, 1);
  await assert.rejects(
    withLockWait(() => Promise.reject(locked()), { waitMs: 5000, stackDisplay: 'o/p/s', notify: () => undefined, cancelled: () => true, now: time.now, sleep: time.sleep }),
    StackLockedError,
  );
});
