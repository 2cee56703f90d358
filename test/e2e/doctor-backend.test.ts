// `openmcf doctor` reads the backend (lists its stacks through the engine) instead of only naming
// it, and in CI refuses to call a run "ready" whose state would go to the runner's own folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, parseJson } from './cloud-run.js';
import { freePort } from '../helpers/free-port.js';
import { startPostgres } from '../helpers/postgres-server.js';

const home = new CloudHome('openmcf-doctor-backend-');

interface Report {
  ok: boolean;
  checks: Array<{ name: string; ok: boolean; summary: string; fix?: string }>;
}
const backendCheck = (stdout: string) => parseJson<Report>(stdout).checks.find((c) => c.name === 'backend');

test('a PostgreSQL backend on a port nothing listens on fails the backend check, without printing the password', async () => {
  const port = await freePort();
  const password = 'pw-doctor-7f3a9c';
  const result = home.run(['doctor', '--sandbox', '--json', '--backend', `postgres://openmcf:${password}@127.0.0.1:${port}/openmcf?sslmode=disable`]);
  assert.equal(result.code, 1, result.stderr);
  const check = backendCheck(result.stdout);
  assert.equal(check?.ok, false);
  assert.match(check?.summary ?? '', new RegExp(`cannot list the stacks of backend postgres://openmcf@127\\.0\\.0\\.1:${port}/.*connection refused`));
  assert.match(check?.fix ?? '', /reachable/);
  assert.ok(!result.stdout.includes(password) && !result.stderr.includes(password), 'the password is never printed');
  const human = home.run(['doctor', '--sandbox', '--backend', `postgres://openmcf:${password}@127.0.0.1:${port}/openmcf?sslmode=disable`]);
  assert.match(human.stderr, /^FAIL backend +cannot list the stacks/m);
  assert.match(human.stderr, /openmcf cannot apply yet/);
});

test('stacks on a backend that does not answer: exit 1, the reason in the JSON document, the password masked', async () => {
  const port = await freePort();
  const password = 'pw-stacks-5e2b1d';
  const result = home.run(['stacks', '--json', '--backend', `postgres://openmcf:${password}@127.0.0.1:${port}/openmcf?sslmode=disable`]);
  assert.equal(result.code, 1, result.stderr);
  const document = parseJson<{ apiVersion: string; exitCode: number; error?: { code: string; message: string } }>(result.stdout);
  assert.deepEqual([document.apiVersion, document.exitCode, document.error?.code], ['openmcf.org/stacks/v1', 1, 'backend-unreachable']);
  assert.match(document.error?.message ?? '', /connection refused/);
  assert.match(result.stderr, /^error: cannot list the stacks of backend postgres:\/\/openmcf@127\.0\.0\.1:/m);
  assert.ok(!result.stdout.includes(password) && !result.stderr.includes(password), 'the password is never printed');
});

test('a PostgreSQL backend that answers passes, with its stack count', async () => {
  const pg = await startPostgres();
  try {
    const result = home.run(['doctor', '--sandbox', '--json', '--backend', pg.url]);
    const check = backendCheck(result.stdout);
    assert.equal(check?.ok, true, check?.summary);
    // The password went to the engine as PGPASSWORD: the URL shown (and given to it) has none.
    assert.match(check?.summary ?? '', /postgres:\/\/openmcf@127\.0\.0\.1:\d+\/.*; answers \(0 stacks\)$/);
    assert.ok(!result.stdout.includes(pg.password), 'the password is never printed');
    assert.equal(result.code, 0, result.stderr);
  } finally {
    await pg.stop();
  }
});

test('CI=true: the default local state folder fails the check; PULUMI_BACKEND_URL set empty is no backend either', () => {
  const result = home.run(['doctor', '--json'], { env: { CI: 'true' } });
  const check = backendCheck(result.stdout);
  assert.equal(result.code, 1);
  assert.equal(check?.ok, false);
  assert.match(check?.summary ?? '', /CI is set and no backend is configured, so the state would go to a folder of this runner/);
  assert.match(check?.fix ?? '', /PULUMI_BACKEND_URL/);
  const empty = home.run(['doctor', '--json'], { env: { CI: 'true', PULUMI_BACKEND_URL: '' } });
  assert.equal(backendCheck(empty.stdout)?.ok, false);
  const state = join(home.dir, 'team-state');
  mkdirSync(state, { recursive: true });
  const explicit = home.run(['doctor', '--json'], { env: { CI: 'true', PULUMI_BACKEND_URL: `file://${state}` } });
  assert.equal(backendCheck(explicit.stdout)?.ok, true, 'a backend named explicitly is fine in CI');
  assert.match(backendCheck(explicit.stdout)?.summary ?? '', /answers \(0 stacks\)/);
  const outsideCi = home.run(['doctor', '--json'], { env: { CI: 'false' } });
  assert.equal(backendCheck(outsideCi.stdout)?.ok, true, 'CI=false is not CI');
});
