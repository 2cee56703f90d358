// Issue 16.2: `openmcf cancel --yes` must not release the lock of a run that is still going (a
// second apply would then run beside it and one's result would be lost). It refuses (exit 4) while
// the holder's process runs on this machine, or while a holder on another machine took the lock or
// renewed its heartbeat less than 2 minutes ago; an older one is stale and released, with its age.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, manifest, parseJson, waitUntil } from '../e2e/cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';
import { Hold } from '../helpers/hold.js';

const home = new CloudHome('openmcf-cancel-live-');
const myApi = manifest('my-api');
const STACK = ['organization', 'my-project', 'dev.ScalewayServerlessContainer.my-api'];
const lockFolder = (): string => join(home.dir, 'sandbox', 'state', '.pulumi', 'locks', ...STACK);

/** A lock as the engine writes it, taken on another machine `minutesAgo` minutes ago. */
function plantForeignLock(minutesAgo: number): void {
  mkdirSync(lockFolder(), { recursive: true });
  const timestamp = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  writeFileSync(join(lockFolder(), 'b6f1c2de-0000-4000-8000-000000000001.json'), JSON.stringify({ pid: 4242, username: 'ci', hostname: 'ci-runner-7', timestamp }));
}

test('set-up: my-api is deployed', () => {
  const result = home.run(['apply', '-f', myApi, '--sandbox', '--yes']);
  assert.equal(result.code, 0, result.stderr);
});

test('cancel --yes while an apply of this machine holds the lock: exit 4, the lock stays, the apply finishes', async () => {
  // The apply stops in its update, holding the lock, until cancel has answered.
  const hold = new Hold(home.storeDir, 'cancel-live-holder', 'Container', 'update');
  const holder = home.start(['apply', '-f', myApi, '--sandbox', '--yes', '--set', 'spec.port=8081'], { env: hold.env });
  await hold.waitHeld(120_000, () => holder.stderr);
  await waitUntil(
    () => home.lockFiles().length > 0,
    60_000,
    () => `no lock appeared:\n${holder.stderr}`,
  );
  const locksBeforeCancel = home.lockFiles();
  const refused = home.run(['cancel', '-f', myApi, '--sandbox', '--yes', '--json']);
  const locksAfterCancel = home.lockFiles();
  hold.release();
  assert.deepEqual(locksAfterCancel, locksBeforeCancel, 'the lock is still there after cancel');
  assert.equal(refused.code, 4, refused.stderr);
  assert.match(
    refused.stderr,
    /stack my-org\/my-project\/dev\.ScalewayServerlessContainer\.my-api is held by a run that is still going \((its process \d+ is running on this machine|openmcf process \d+ is running on this machine)\); its lock was not released/,
  );
  assert.equal(parseJson<ResultDocument>(refused.stdout).results[0]?.error?.code, 'stack-locked');
  assert.equal(await holder.done, 0, holder.stderr);
  assert.match(holder.stdout, /my-api: 1 updated/);
  assert.deepEqual(home.lockFiles(), [], 'the apply released its lock (and its heartbeat) itself');
});

test('a lock taken on another machine a minute ago is not released; one taken 10 minutes ago is stale and released, with its age', () => {
  plantForeignLock(1);
  const refused = home.run(['cancel', '-f', myApi, '--sandbox', '--yes']);
  assert.equal(refused.code, 4, refused.stderr);
  assert.match(refused.stderr, /held by a run that is still going \(it took the lock 1 min ago on ci-runner-7\)/);
  assert.match(refused.stderr, /has not renewed its heartbeat for 2 minutes counts as stale/);

  plantForeignLock(10);
  const released = home.run(['cancel', '-f', myApi, '--sandbox', '--yes']);
  assert.equal(released.code, 0, released.stderr);
  assert.match(released.stderr, /released the lock of stack \S+my-api \(held by ci@ci-runner-7, process 4242, since \S+ \(10 min ago\)/);
  assert.deepEqual(home.lockFiles(), []);
});

test('a foreign lock whose holder renewed its heartbeat just now is not released', () => {
  plantForeignLock(10);
  const beats = join(home.dir, 'sandbox', 'state', '.pulumi', 'openmcf-heartbeats', ...STACK);
  mkdirSync(beats, { recursive: true });
  const now = new Date().toISOString();
  writeFileSync(join(beats, 'a1b2c3d4e5f6.json'), JSON.stringify({ host: 'ci-runner-7', pid: 777, since: new Date(Date.now() - 600_000).toISOString(), renewedAt: now }));
  const refused = home.run(['cancel', '-f', myApi, '--sandbox', '--yes']);
  assert.equal(refused.code, 4, refused.stderr);
  assert.match(refused.stderr, /openmcf process 777 on ci-runner-7 renewed its heartbeat \d+s ago/);
});
