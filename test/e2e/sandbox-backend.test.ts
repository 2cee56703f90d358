// `--sandbox --backend <url>`: the simulated cloud with the state on the backend given (here a
// folder; PostgreSQL and S3 in state-postgres/state-s3.test.ts), --lock-wait on a file backend,
// and a --shard part that happens to be empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, manifest, parseJson, waitUntil } from './cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';
import { documentKey, shardOf } from '../../src/manifest/shard.js';
import { REPO_ROOT } from '../helpers/run-openmcf.js';
import { Hold } from '../helpers/hold.js';

const home = new CloudHome('openmcf-sandbox-backend-');
const state = join(home.dir, 'team-state');
mkdirSync(state);
const STACK_FILE = join('.pulumi', 'stacks', 'my-project', 'dev.ScalewayServerlessContainer.my-api.json');

test('the sandbox keeps its state on the backend given, not in its own folder', () => {
  const applied = home.run(['apply', '-f', manifest('my-api'), '--sandbox', '--backend', `file://${state}`, '--yes', '--json']);
  assert.equal(applied.code, 0, applied.stderr);
  const document = parseJson<ResultDocument>(applied.stdout);
  assert.equal(document.sandbox, true);
  assert.equal(document.results[0]?.backend, `file://${state}`);
  assert.match(applied.stderr, /sandbox: nothing real was deployed/);
  assert.ok(existsSync(join(state, STACK_FILE)), 'the stack is in the given folder');
  assert.equal(existsSync(join(home.dir, 'sandbox', 'state', STACK_FILE)), false, 'and not in the sandbox folder');
  assert.equal(Object.keys(home.cloud().containers).length, 1, 'the resources are in the simulated cloud');

  const own = home.run(['preview', '-f', manifest('my-api'), '--sandbox', '--detailed-exitcode']);
  assert.equal(own.code, 2, 'without --backend the sandbox uses its own (empty) state again');
});

test('--lock-wait on a file backend: the second run waits for the first, both succeed', async () => {
  const backend = ['--sandbox', '--backend', `file://${state}`];
  // The holder stops in its update, holding the lock, until the waiter says it waits.
  const hold = new Hold(home.storeDir, 'file-backend-lock-wait', 'Container', 'update');
  const holder = home.start(['apply', '-f', manifest('my-api'), ...backend, '--yes', '--set', 'spec.port=8091'], { env: hold.env });
  await hold.waitHeld(120_000, () => holder.stderr);
  const lockDir = join(state, '.pulumi', 'locks');
  await waitUntil(
    () => existsSync(lockDir) && readdirDeep(lockDir).some((f) => f.endsWith('.json')),
    60_000,
    () => `no lock appeared:\n${holder.stderr}`,
  );
  const waiter = home.start(['apply', '-f', manifest('my-api'), ...backend, '--yes', '--set', 'spec.port=8092', '--lock-wait', '90s']);
  try {
    await waiter.waitFor(/waiting for the lock held by/, 90_000);
  } finally {
    hold.release();
  }
  assert.equal(await holder.done, 0, holder.stderr);
  assert.equal(await waiter.done, 0, waiter.stderr);
  assert.match(waiter.stderr, /waiting for the lock held by \S+, process \d+, since \S+ \(\d+s ago\) \(\d+s of 90s\)/);
  // It updated from the state the first run left: the cloud ends with its port.
  const container = Object.values(home.cloud().containers).find((c) => c.name === 'my-api');
  assert.equal(container?.port, 8092, waiter.stderr);
  assert.match(waiter.stdout, /my-api: 1 updated/);
});

test('a --shard part with no manifest in it is not an error', () => {
  const folder = join(home.dir, 'one');
  mkdirSync(folder);
  writeFileSync(join(folder, 'my-api.yaml'), readFileSync(manifest('my-api'), 'utf8'));
  // Which of two parts the file falls in, as the CLI (run from the repository root) names it.
  const full = shardOf(documentKey(join(folder, 'my-api.yaml'), 0, REPO_ROOT), 2);
  const empty = full === 1 ? 2 : 1;
  const result = home.run(['preview', '-f', folder, '--sandbox', '--shard', `${empty}/2`, '--json']);
  assert.equal(result.code, 0, result.stderr);
  const document = parseJson<ResultDocument>(result.stdout);
  assert.deepEqual(document.results, []);
  assert.deepEqual(document.shard, { index: empty, count: 2, documents: 0, totalDocuments: 1 });
  assert.match(result.stderr, new RegExp(`shard ${empty}/2 \\(0 of 1 document\\): no manifest falls in this part, nothing to do`));

  const other = home.run(['validate', '-f', folder, '--shard', `${full}/2`]);
  assert.equal(other.code, 0, other.stderr);
  assert.match(other.stderr, new RegExp(`shard ${full}/2 \\(1 of 1 document\\): 1 manifest valid in 1 file`));
});

function readdirDeep(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? readdirDeep(path) : [path];
  });
}
