// Concurrent runs on a real PostgreSQL backend (test/helpers/postgres-server.ts).
// Issue 16.9: four stacks applied at once on an empty database all succeed (every engine finds no
// `pulumi_state` table and creates it; the ones that lose that race try again), on fresh databases
// a few times over. Issue 16.6: three `apply --yes` of one stack at once each print exactly what
// they apply (plan and update under one hold of the lock).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome, MANIFESTS, manifest, parseJson } from './cloud-run.js';
import { startPostgres, type PostgresServer } from '../helpers/postgres-server.js';
import type { ResultDocument } from '../../src/render/result-document.js';

// A simulated cloud of its own for each case: each starts from nothing, as a fresh database does.
const freshHome = (): CloudHome => new CloudHome('openmcf-pg-concurrent-');
const PASSPHRASE = 'team-passphrase-pg-concurrent';
let pg: PostgresServer;

before(async () => {
  pg = await startPostgres();
});
after(async () => {
  await pg?.stop();
});

/** A database of its own, empty: no `pulumi_state` table yet. */
function freshDatabase(name: string): string {
  pg.query(`CREATE DATABASE ${name}`);
  return pg.url.replace(/\/openmcf\?/, `/${name}?`);
}

for (const round of [1, 2, 3]) {
  test(`fresh database ${round}: four stacks applied at once all succeed`, () => {
    const url = freshDatabase(`fresh_${round}`);
    const home = freshHome();
    const result = home.run(['apply', '-f', MANIFESTS, '--sandbox', '--backend', url, '--yes', '--parallel', '4', '--json'], { env: { PULUMI_CONFIG_PASSPHRASE: PASSPHRASE } });
    assert.equal(result.code, 0, result.stderr);
    const statuses = parseJson<ResultDocument>(result.stdout).results.map((r) => [r.manifest.name, r.status, r.error?.message ?? '']);
    assert.equal(statuses.length, 4);
    for (const [name, status, error] of statuses) assert.ok(status === 'succeeded', `${name}: ${status} ${error}`);
    assert.doesNotMatch(result.stderr, /failed to create table/);
  });
}

test('three apply --yes of one stack at once: each prints exactly what it applies', async () => {
  const url = freshDatabase('three_at_once');
  const home = freshHome();
  const env = { PULUMI_CONFIG_PASSPHRASE: PASSPHRASE };
  const args = (...extra: string[]) => ['apply', '-f', manifest('my-api'), '--sandbox', '--backend', url, '--yes', ...extra];
  const first = home.run(args(), { env });
  assert.equal(first.code, 0, first.stderr);
  const runs = ['8081', '8082', '8083'].map((port) => home.start(args('--json', '--lock-wait', '3m', '--set', `spec.port=${port}`), { env }));
  const codes = await Promise.all(runs.map((r) => r.done));
  assert.deepEqual(codes, [0, 0, 0], runs.map((r) => r.stderr).join('\n----\n'));
  const olds: string[] = [];
  for (const run of runs) {
    const printed = [...run.stderr.matchAll(/^ {6}~ spec\.port: (\d+) -> (\d+)$/gm)].map(([, old, now]) => `${old}->${now}`);
    const [stack] = parseJson<ResultDocument>(run.stdout).results;
    const applied = (stack?.resources ?? []).flatMap((r) => r.manifestChanges.filter((c) => c.path === 'spec.port').map((c) => `${String(c.old)}->${String(c.new)}`));
    assert.deepEqual(applied, printed, `printed ${printed.join(', ')} but applied ${applied.join(', ')}:\n${run.stderr}`);
    assert.equal(printed.length, 1, run.stderr);
    olds.push(printed[0]!.split('->')[0]!);
  }
  // One after the other: each started from the port the previous one left (the first from 8080).
  assert.ok(olds.includes('8080'), `one of them started from the deployed 8080: ${olds.join(', ')}`);
  assert.equal(new Set(olds).size, 3, `each started from a different state: ${olds.join(', ')}`);
});
