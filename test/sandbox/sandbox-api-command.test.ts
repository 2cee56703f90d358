// `openmcf sandbox api` held by a client that is not the provider: plain HTTP requests, as the
// Scaleway CLI or a script makes them (the CLI always sends trigger_type=unknown_source_type and
// reads a 404's resource and resource_id).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenmcf, waitUntil, type Background } from '../helpers/run-openmcf.js';
import { callApi, PROJECT } from './api-client.js';

const ORGANIZATION = 'fa1e3217-dc80-42ac-85c3-3f034b78b552';

/** The built binary in a home of its own; `sandbox api` needs neither the engine nor the plugin. */
async function serve(env: Record<string, string>, args: readonly string[] = []): Promise<{ api: Background; url: string }> {
  const home = mkdtempSync(join(tmpdir(), 'openmcf-sandbox-api-'));
  // HOME too: no credentials or profile of the user's reach it.
  const api = startOpenmcf(['sandbox', 'api', ...args], { home, env: { HOME: home, ...env } });
  await waitUntil(
    () => /^http:\/\/127\.0\.0\.1:\d+\n/.test(api.stdout) || api.child.exitCode !== null,
    30_000,
    () => `no URL on stdout: ${api.stdout} ${api.stderr}`,
  );
  return { api, url: api.stdout.split('\n')[0]! };
}

test('sandbox api: lists filter per owner, domains answer as for a container without any, objects belong to SCW_DEFAULT_ORGANIZATION_ID', async () => {
  const { api, url } = await serve({ SCW_DEFAULT_ORGANIZATION_ID: ORGANIZATION });
  try {
    const namespace = await callApi(url, 'POST', '/namespaces', { name: 'cli-ns', project_id: PROJECT });
    assert.equal(namespace.status, 200, JSON.stringify(namespace.json));
    assert.equal(namespace.json.organization_id, ORGANIZATION);
    const container = await callApi(url, 'POST', '/containers', { namespace_id: namespace.json.id, name: 'cli-ctr', image: 'nginx:latest' });
    assert.equal(container.status, 200, JSON.stringify(container.json));

    const mine = await callApi(url, 'GET', `/containers?organization_id=${ORGANIZATION}&order_by=created_at_asc&page=1`);
    assert.deepEqual(
      mine.json.containers.map((c: { id: string }) => c.id),
      [container.json.id],
    );
    const others = await callApi(url, 'GET', `/containers?organization_id=${PROJECT}&page=1`);
    assert.deepEqual(others.json, { containers: [], total_count: 0 });
    const triggers = await callApi(url, 'GET', `/triggers?namespace_id=${namespace.json.id}&trigger_type=unknown_source_type&order_by=created_at_asc&page=1`);
    assert.deepEqual(triggers.json, { triggers: [], total_count: 0 });

    const domains = await callApi(url, 'GET', `/domains?container_id=${container.json.id}&order_by=created_at_asc&page=1`);
    assert.equal(domains.status, 200);
    assert.deepEqual(domains.json, { domains: [], total_count: 0 });
    await api.waitFor(/GET \/containers\/v1\/regions\/fr-par\/domains\?container_id=[0-9a-f-]{36}&order_by=created_at_asc&page=1 200/);
  } finally {
    api.signal('SIGINT');
    assert.equal(await api.done, 0, api.stderr);
  }
});

test('sandbox api: a malformed SCW_DEFAULT_ORGANIZATION_ID is invalid input, said before it listens', async () => {
  const { api } = await serve({ SCW_DEFAULT_ORGANIZATION_ID: 'my-org' });
  assert.equal(await api.done, 3, api.stderr);
  assert.equal(api.stdout, '', 'no URL: nothing listens');
  assert.match(api.stderr, /SCW_DEFAULT_ORGANIZATION_ID "my-org" is not a UUID/);
});

test('sandbox api --transitions realistic: reads after a create answer creating, as on the platform; OPENMCF_SANDBOX_TRANSITIONS when no flag', async () => {
  for (const [env, args] of [
    [{}, ['--transitions', 'realistic:60000']],
    [{ OPENMCF_SANDBOX_TRANSITIONS: 'realistic:60000' }, []],
  ] as const) {
    const { api, url } = await serve(env, args);
    try {
      const namespace = await callApi(url, 'POST', '/namespaces', { name: 'waits', project_id: PROJECT });
      assert.equal(namespace.json.status, 'creating');
      for (let read = 0; read < 3; read++) assert.equal((await callApi(url, 'GET', `/namespaces/${namespace.json.id}`)).json.status, 'creating');
      const deleted = await callApi(url, 'DELETE', `/namespaces/${namespace.json.id}`);
      assert.equal(deleted.status, 200);
      assert.equal((await callApi(url, 'GET', `/namespaces/${namespace.json.id}`)).json.status, 'deleting', 'deleting before the 404');
      assert.match(api.stderr, /transitions last 60000 ms/);
    } finally {
      api.signal('SIGINT');
      assert.equal(await api.done, 0, api.stderr);
    }
  }
});

test('sandbox api --transitions with a mode that is not one is invalid input', async () => {
  const { api } = await serve({}, ['--transitions', 'slowly']);
  assert.equal(await api.done, 3, api.stderr);
  assert.match(api.stderr, /--transitions: transitions "slowly" is not a mode/);
});
