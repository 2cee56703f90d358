// A run without --sandbox, with credentials of the real format and SCW_API_URL pointing at the
// local API (`openmcf sandbox api`), goes through the normal code path: credentials checked,
// the chosen backend, the real plugin resolved and started. The API serves other tools the same
// simulated cloud `--sandbox` runs use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, manifest, parseJson, waitUntil } from './cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-plain-');
const CREDENTIALS = {
  SCW_ACCESS_KEY: 'SCWPLAINPATH0000TEST',
  SCW_SECRET_KEY: '5e1f0a9c-2b3d-4e5f-8a9b-0c1d2e3f4a5b',
  SCW_DEFAULT_PROJECT_ID: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
};

test('openmcf sandbox api prints its URL first, serves the containers API, and stops on Ctrl-C', async () => {
  const api = home.start(['sandbox', 'api']);
  await waitUntil(
    () => /^http:\/\/127\.0\.0\.1:\d+\n/.test(api.stdout),
    30_000,
    () => `no URL on stdout: ${api.stdout} ${api.stderr}`,
  );
  const url = api.stdout.split('\n')[0]!;
  const unauthenticated = await fetch(`${url}/containers/v1/regions/fr-par/namespaces`);
  assert.equal(unauthenticated.status, 401, 'X-Auth-Token is required');
  assert.deepEqual(await unauthenticated.json(), { message: 'authentication is denied', method: 'api_key', reason: 'not_found', type: 'denied_authentication' });
  const listed = await fetch(`${url}/containers/v1/regions/fr-par/namespaces`, { headers: { 'X-Auth-Token': CREDENTIALS.SCW_SECRET_KEY } });
  assert.equal(listed.status, 200);
  assert.deepEqual(await listed.json(), { namespaces: [], total_count: 0 });
  await api.waitFor(/GET \/containers\/v1\/regions\/fr-par\/namespaces 200/);
  api.signal('SIGINT');
  assert.equal(await api.done, 0, api.stderr);
});

test('a plain apply against SCW_API_URL deploys through the normal path, and preview then sees no change', async () => {
  const api = home.start(['sandbox', 'api']);
  try {
    await waitUntil(
      () => /^http:\/\/127\.0\.0\.1:\d+\n/.test(api.stdout),
      30_000,
      () => `no URL on stdout: ${api.stdout} ${api.stderr}`,
    );
    const url = api.stdout.split('\n')[0]!;
    const state = join(home.dir, 'plain-state');
    mkdirSync(state);
    const env = { ...CREDENTIALS, SCW_API_URL: url };
    const args = ['-f', manifest('order-api'), '--backend', `file://${state}`];

    const applied = home.run(['apply', ...args, '--yes', '--json'], { env });
    assert.equal(applied.code, 0, applied.stderr);
    const document = parseJson<ResultDocument>(applied.stdout);
    assert.equal(document.sandbox, false, 'not a sandbox run');
    assert.ok(!applied.stderr.includes('sandbox: nothing real was deployed'), 'no sandbox notice: this is the normal path');
    const [stack] = document.results;
    assert.equal(stack?.status, 'succeeded');
    assert.equal(stack?.backend, `file://${state}`);
    assert.match(String(stack?.outputs?.url), /^https:\/\/orderapi[0-9a-f]{8}-order-api\.functions\.fnc\.fr-par\.scw\.cloud$/);

    // The API saw the provider's calls, authenticated with the secret key, in the given project.
    await api.waitFor(/POST \/containers\/v1\/regions\/fr-par\/containers 200/);
    const [namespace] = Object.values(home.cloud().namespaces);
    assert.equal(namespace?.project_id, CREDENTIALS.SCW_DEFAULT_PROJECT_ID);
    assert.ok(!applied.stderr.includes(CREDENTIALS.SCW_SECRET_KEY) && !applied.stdout.includes(CREDENTIALS.SCW_SECRET_KEY), 'the secret key is never printed');

    const previewed = home.run(['preview', ...args, '--detailed-exitcode'], { env });
    assert.equal(previewed.code, 0, `no perpetual diff through the real provider:\n${previewed.stderr}`);

    const destroyed = home.run(['destroy', ...args, '--yes'], { env });
    assert.equal(destroyed.code, 0, destroyed.stderr);
    assert.deepEqual(Object.keys(home.cloud().containers), []);
  } finally {
    api.signal('SIGINT');
    await api.done;
  }
});
