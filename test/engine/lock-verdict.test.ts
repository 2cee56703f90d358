// Whether a lock's holder is still going (engine/stack-lock.ts lockVerdict), as `openmcf cancel`
// decides before releasing: a process of this machine that exists, or a holder elsewhere that took
// the lock or renewed its heartbeat less than the staleness time ago.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lockVerdict, type LockHolder, type LockProbe } from '../../src/engine/stack-lock.js';
import { parseHeartbeat, type Heartbeat } from '../../src/engine/lock-heartbeat.js';

const NOW = new Date('2026-12-07T03:00:00Z');
const STALE = 120_000;
const probe = (alive: number[]): LockProbe => ({ hostname: 'laptop', processAlive: (pid) => alive.includes(pid) });
const holder = (host: string, pid: number, since: string): LockHolder => ({ location: '/l.json', user: 'me', host, pid, since, stale: false });
const beat = (host: string, pid: number, renewedAt: string): Heartbeat => ({ host, pid, since: '2026-12-07T02:00:00Z', renewedAt });

test('a holder of this machine is alive while its process exists, whatever its age', () => {
  const old = holder('laptop', 4242, '2026-12-07T01:00:00Z');
  assert.match(lockVerdict([old], [], NOW, STALE, probe([4242])).alive ?? '', /its process 4242 is running on this machine/);
  assert.equal(lockVerdict([old], [], NOW, STALE, probe([])).alive, undefined);
});

test('a holder on another machine without a heartbeat is alive for the staleness time after taking the lock', () => {
  assert.match(lockVerdict([holder('runner-3', 17, '2026-12-07T02:59:00Z')], [], NOW, STALE, probe([])).alive ?? '', /took the lock 1 min ago on runner-3/);
  const stale = lockVerdict([holder('runner-3', 17, '2026-12-07T02:50:00Z')], [], NOW, STALE, probe([]));
  assert.equal(stale.alive, undefined);
  assert.match(stale.described.join(), /ci|me@runner-3, process 17, since 2026-12-07T02:50:00Z \(10 min ago\)/);
});

test('a heartbeat renewed within the staleness time keeps an old foreign lock alive; an older one does not', () => {
  const old = holder('runner-3', 17, '2026-12-07T02:00:00Z');
  assert.match(
    lockVerdict([old], [beat('runner-3', 900, '2026-12-07T02:59:40Z')], NOW, STALE, probe([])).alive ?? '',
    /openmcf process 900 on runner-3 renewed its heartbeat 20s ago/,
  );
  assert.equal(lockVerdict([old], [beat('runner-3', 900, '2026-12-07T02:55:00Z')], NOW, STALE, probe([])).alive, undefined);
});

test('on S3 and PostgreSQL (no lock objects read) the heartbeats alone decide; one of a dead process here is ignored', () => {
  assert.match(lockVerdict(undefined, [beat('laptop', 321, '2026-12-07T02:59:59Z')], NOW, STALE, probe([321])).alive ?? '', /openmcf process 321 is running on this machine/);
  assert.equal(lockVerdict(undefined, [beat('laptop', 321, '2026-12-07T02:59:59Z')], NOW, STALE, probe([])).alive, undefined);
  assert.equal(lockVerdict(undefined, [], NOW, STALE, probe([])).alive, undefined);
});

test('a heartbeat is read back only when whole', () => {
  assert.deepEqual(parseHeartbeat('{"host":"h","pid":1,"since":"a","renewedAt":"b"}'), { host: 'h', pid: 1, since: 'a', renewedAt: 'b' });
  assert.equal(parseHeartbeat('{"host":"h"}'), undefined);
  assert.equal(parseHeartbeat('not json'), undefined);
  assert.equal(parseHeartbeat(undefined), undefined);
});
