import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { describeHolder, lockHolders, type LockProbe } from '../../src/engine/stack-lock.js';

// What the engine prints when an update finds the stack locked (pkg/backend/diy/lock.go).
const MESSAGE =
  'error: the stack is currently locked by 2 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.\n' +
  '  file:///home/me/state/.pulumi/locks/organization/p/dev/0b8f.json?no_tmp_dir=true: created by me@laptop (pid 4242) at 2026-11-28T01:00:00Z\n' +
  '  postgres://u:pw@127.0.0.1:5432/db/.pulumi/locks/organization/p/dev/77aa.json?sslmode=disable: created by ci@runner-3 (pid 17) at 2026-11-28T01:04:30+01:00\n';

const probe = (alive: number[]): LockProbe => ({ hostname: 'laptop', processAlive: (pid) => alive.includes(pid) });

test('every holder is read with its place, user, host, process and time', () => {
  const holders = lockHolders(MESSAGE, probe([4242]));
  assert.deepEqual(holders, [
    { location: '/home/me/state/.pulumi/locks/organization/p/dev/0b8f.json', user: 'me', host: 'laptop', pid: 4242, since: '2026-11-28T01:00:00Z', stale: false },
    {
      location: 'postgres://u:pw@127.0.0.1:5432/db/.pulumi/locks/organization/p/dev/77aa.json',
      user: 'ci',
      host: 'runner-3',
      pid: 17,
      since: '2026-11-28T01:04:30+01:00',
      stale: false,
    },
  ]);
});

test('a lock is stale only when it was taken on this machine by a process that is gone', () => {
  const [mine, theirs] = lockHolders(MESSAGE, probe([]));
  assert.equal(mine?.stale, true, 'same host, process gone');
  assert.equal(theirs?.stale, false, 'another host cannot be checked: never called stale');
  // The real probe: this machine's name, and processes that do or do not exist.
  const line = (pid: number): string => `  file:///s/.pulumi/locks/o/p/s/1.json: created by me@${hostname()} (pid ${pid}) at 2026-11-28T01:00:00Z`;
  assert.equal(lockHolders(line(process.pid))[0]?.stale, false, 'this very process');
  assert.equal(lockHolders(line(2 ** 22 + 1))[0]?.stale, true, 'above the kernel pid limit: no such process');
});

test('a holder is described for people, with its age', () => {
  const [holder] = lockHolders(MESSAGE, probe([]));
  assert.equal(describeHolder(holder!, new Date('2026-11-28T01:05:00Z')), 'me@laptop, process 4242, since 2026-11-28T01:00:00Z (5 min ago), which has ended');
});

test('a message without holder lines gives none', () => {
  assert.deepEqual(lockHolders('error: [409] Conflict: Another update is currently in progress.'), []);
});
