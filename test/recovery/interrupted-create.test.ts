// Issue 9.4: a create interrupted hard (kill -9, two Ctrl-C) converges. The killed run leaves the
// stack locked and the container half-made: in the cloud, pending in the state. The next run says
// the lock is stale and how to release it with openmcf; after `openmcf cancel`, apply (or refresh)
// takes the half-made container into the state instead of failing with 409 "already exists".
// Through the built binary, on the real engine and provider, against the local API, which holds
// the run where the test kills it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CloudHome, manifest, waitUntil, type Background } from '../e2e/cloud-run.js';
import { processAlive } from '../../src/core/process-alive.js';
import { Hold } from '../helpers/hold.js';

const home = new CloudHome('openmcf-interrupted-');
const myApi = manifest('my-api');
/** Holds the first container read of a run: the provider's wait for the container it created
 * (a fresh stack reads no container before), so the run is stopped with the create half-made. */
const afterCreate = (name: string): Hold => new Hold(home.storeDir, name, 'Container', 'read');

/** Waits until the container create has reached the cloud and the run is held polling for it. */
async function waitForHalfMadeContainer(run: Background, hold: Hold): Promise<string> {
  await hold.waitHeld(120_000, () => run.stderr);
  await run.waitFor(/creating container\.\.\./);
  await waitUntil(
    () => Object.keys(home.cloud().containers).length > 0,
    60_000,
    () => `the create never reached the cloud:\n${run.stderr}`,
  );
  return Object.keys(home.cloud().containers)[0]!;
}

/** Once the engine holding the lock has gone (it dies with the run, without releasing it). */
async function waitForStaleLock(): Promise<void> {
  const pids = (): number[] =>
    home
      .lockFiles()
      .filter((f) => f.endsWith('.json'))
      .map((f) => (JSON.parse(readFileSync(f, 'utf8')) as { pid: number }).pid);
  await waitUntil(
    () => pids().length > 0 && pids().every((pid) => !processAlive(pid)),
    30_000,
    () => `the lock holder is still running: ${pids().join(', ')}`,
  );
}

test('kill -9 during a container create: stale lock named, released with openmcf cancel, then apply takes the container in', async () => {
  const hold = afterCreate('kill-9-create');
  const run = home.start(['apply', '-f', myApi, '--sandbox', '--yes'], { env: hold.env });
  const halfMade = await waitForHalfMadeContainer(run, hold);
  run.signal('SIGKILL');
  await run.done;
  await waitForStaleLock();

  const locked = home.run(['apply', '-f', myApi, '--sandbox', '--yes']);
  assert.equal(locked.code, 4, locked.stderr);
  assert.match(
    locked.stderr,
    /The run that took the lock has ended without releasing it \(it ran on this machine\), so the lock is stale: release it with `openmcf cancel -f \S+my-api\.yaml --sandbox --yes`/,
  );

  const released = home.run(['cancel', '-f', myApi, '--sandbox', '--yes']);
  assert.equal(released.code, 0, released.stderr);
  assert.match(released.stderr, /released the lock of stack/);

  const preview = home.run(['preview', '-f', myApi, '--sandbox']);
  assert.equal(preview.code, 0, preview.stderr);
  assert.match(preview.stdout, /an interrupted run left a create unfinished: `openmcf apply -f \S+my-api\.yaml --sandbox` first takes in what the cloud has of it/);

  const applied = home.run(['apply', '-f', myApi, '--sandbox', '--yes']);
  assert.equal(applied.code, 0, applied.stderr);
  assert.match(applied.stderr, new RegExp(`my-api: an interrupted run had created the container \\(fr-par/${halfMade}\\) without recording it: taken into the state`));
  assert.doesNotMatch(applied.stdout + applied.stderr, /409 Conflict|already exists/);
  assert.match(applied.stdout, new RegExp(`containerId: +fr-par/${halfMade}`));
  assert.deepEqual(Object.keys(home.cloud().containers), [halfMade], 'the half-made container is the one kept; no second one');

  const settled = home.run(['preview', '-f', myApi, '--sandbox', '--detailed-exitcode']);
  assert.equal(settled.code, 0, settled.stderr);
  assert.doesNotMatch(settled.stdout + settled.stderr, /interrupted run/);
});

test('two Ctrl-C during a create: the documented refresh --clear-pending-creates takes the container in, and apply converges', async () => {
  const destroyed = home.run(['destroy', '-f', myApi, '--sandbox', '--yes']);
  assert.equal(destroyed.code, 0, destroyed.stderr);
  const hold = afterCreate('two-ctrl-c-create');
  const run = home.start(['apply', '-f', myApi, '--sandbox', '--yes', '--set', 'spec.port=9000'], { env: hold.env });
  const halfMade = await waitForHalfMadeContainer(run, hold);
  run.signal('SIGINT');
  await run.waitFor(/cancelling/);
  run.signal('SIGINT');
  assert.equal(await run.done, 130, run.stderr);
  assert.match(run.stderr, /release the lock with `openmcf cancel -f \S+my-api\.yaml --set spec\.port=9000 --sandbox --yes`/);

  assert.equal(home.run(['cancel', '-f', myApi, '--sandbox', '--yes']).code, 0);
  const refreshed = home.run(['refresh', '-f', myApi, '--sandbox', '--clear-pending-creates']);
  assert.equal(refreshed.code, 0, refreshed.stderr);
  assert.match(refreshed.stderr, new RegExp(`an interrupted run had created the container \\(fr-par/${halfMade}\\) without recording it: taken into the state`));

  const applied = home.run(['apply', '-f', myApi, '--sandbox', '--yes', '--set', 'spec.port=9000']);
  assert.equal(applied.code, 0, applied.stderr);
  assert.deepEqual(
    Object.values(home.cloud().containers).map((c) => [c.id, c.port]),
    [[halfMade, 9000]],
  );
  const settled = home.run(['preview', '-f', myApi, '--sandbox', '--detailed-exitcode', '--set', 'spec.port=9000']);
  assert.equal(settled.code, 0, settled.stderr);
});
