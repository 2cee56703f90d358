// `stacks`, `--stack` alone and `apply --prune` on a real PostgreSQL backend (started on loopback
// by test/helpers/postgres-server.ts), where only the engine can list the stacks: the same answers
// as on a folder, and the password never printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, manifest, parseJson, type CloudRun } from './cloud-run.js';
import { startPostgres, type PostgresServer } from '../helpers/postgres-server.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-stacks-pg-');
const folder = join(home.dir, 'fleet');
const base = readFileSync(manifest('my-api'), 'utf8');
const write = (name: string): void => writeFileSync(join(folder, `${name}.yaml`), base.replaceAll('my-api', name));
const engineName = (name: string): string => `organization/my-project/dev.ScalewayServerlessContainer.${name}`;
let pg: PostgresServer;
const runs: CloudRun[] = [];
const run = (args: string[]): CloudRun => {
  const result = home.run([...args, '--sandbox', '--backend', pg.url]);
  runs.push(result);
  return result;
};

interface StacksDocument {
  backend: string;
  stacks: Array<{ stack: string; resourceCount?: number; lastOperation?: string; result?: string; orphan?: boolean }>;
  orphans?: string[];
}

test.before(async () => {
  pg = await startPostgres();
  mkdirSync(folder, { recursive: true });
  write('pg-a');
  write('pg-b');
  const applied = run(['apply', '-f', folder, '--yes']);
  assert.equal(applied.code, 0, applied.stderr);
  rmSync(join(folder, 'pg-b.yaml'));
});
test.after(async () => {
  await pg?.stop();
});

test('postgres: stacks lists the stacks with counts and results, and marks the orphan with -f', () => {
  const all = run(['stacks', '--json']);
  assert.equal(all.code, 0, all.stderr);
  const document = parseJson<StacksDocument>(all.stdout);
  assert.match(document.backend, /^postgres:\/\/openmcf@127\.0\.0\.1:\d+\//, 'the password is not in the document (it goes to the engine as PGPASSWORD)');
  assert.deepEqual(
    document.stacks.map((s) => [s.stack, s.lastOperation, s.result]),
    [
      [engineName('pg-a'), 'update', 'succeeded'],
      [engineName('pg-b'), 'update', 'succeeded'],
    ],
  );
  assert.ok(document.stacks.every((s) => (s.resourceCount ?? 0) >= 2));
  const withManifests = run(['stacks', '-f', folder, '--json']);
  assert.deepEqual(parseJson<StacksDocument>(withManifests.stdout).orphans, [engineName('pg-b')]);
});

test('postgres: outputs --stack reads the orphan without its manifest, with when its status was recorded', () => {
  const result = run(['outputs', '--stack', `my-org/my-project/dev.ScalewayServerlessContainer.pg-b`, '--json']);
  assert.equal(result.code, 0, result.stderr);
  const [entry] = parseJson<ResultDocument>(result.stdout).results;
  assert.match(String(entry?.outputs?.url), /-pg-b\.functions\.fnc\.fr-par\.scw\.cloud$/);
  assert.ok(!Number.isNaN(Date.parse(entry?.statusAsOf ?? '')), `statusAsOf from the stack's history: ${entry?.statusAsOf}`);
});

test('postgres: preview of the folder lists the orphan; apply --prune destroys it and removes its stack', () => {
  const preview = run(['preview', '-f', folder, '--json']);
  assert.equal(preview.code, 0, preview.stderr);
  assert.deepEqual(
    parseJson<ResultDocument>(preview.stdout).orphans?.map((o) => o.stack),
    [engineName('pg-b')],
  );
  const pruned = run(['apply', '-f', folder, '--yes', '--prune']);
  assert.equal(pruned.code, 0, pruned.stderr);
  assert.match(pruned.stderr, /Prune destroys 1 orphaned stack/);
  assert.match(pg.query('SELECT key FROM pulumi_state ORDER BY key'), /pg-a\.json/);
  assert.doesNotMatch(
    pg.query('SELECT key FROM pulumi_state ORDER BY key'),
    /stacks\/my-project\/dev\.ScalewayServerlessContainer\.pg-b\.json$/m,
    'the stack is removed (the engine keeps a .bak)',
  );
  assert.deepEqual(
    Object.values(home.cloud().containers).map((c) => c.name),
    ['pg-a'],
  );
});

test('postgres: destroy --stack destroys a stack from its state alone; nothing printed the password', () => {
  const result = run(['destroy', '--stack', 'my-org/my-project/dev.ScalewayServerlessContainer.pg-a', '--yes']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /2 deleted/);
  assert.deepEqual(Object.values(home.cloud().containers), []);
  for (const [index, r] of runs.entries()) assert.ok(!r.stdout.includes(pg.password) && !r.stderr.includes(pg.password), `run ${index} printed the password`);
});
