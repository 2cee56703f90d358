import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBounded } from '../../src/run/run-bounded.js';

test('never runs more than the limit at once and keeps input order', async () => {
  let running = 0;
  let peak = 0;
  const outcomes = await runBounded([30, 10, 20, 5, 15], 2, async (ms, index) => {
    running += 1;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, ms));
    running -= 1;
    return index;
  });
  assert.equal(peak, 2);
  assert.deepEqual(
    outcomes.map((o) => (o.ok ? o.value : -1)),
    [0, 1, 2, 3, 4],
  );
});

test('one failure does not stop the others', async () => {
  const outcomes = await runBounded(['a', 'b', 'c'], 3, async (item) => {
    if (item === 'b') throw new Error('boom');
    return item;
  });
  assert.deepEqual(
    outcomes.map((o) => o.ok),
    [true, false, true],
  );
  await assert.rejects(
    runBounded([], 0, async () => 1),
    RangeError,
  );
});
