// What a sandbox run sets up: its own state and store under the home, and a local API that the
// real provider is pointed at through SCW_API_URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sandboxSettings, startSandbox } from '../../src/stack/sandbox-environment.js';
import { tempHome } from '../helpers/engine.js';

test('sandbox settings: own state and store under the home', (t) => {
  const { home } = tempHome(t);
  const settings = sandboxSettings(home);
  assert.equal(settings.backendUrl, `file://${join(home, 'sandbox', 'state')}`);
  assert.equal(settings.storeDir, join(home, 'sandbox', 'api'));
  assert.ok(statSync(join(home, 'sandbox', 'state')).isDirectory());
  assert.ok(statSync(settings.storeDir).isDirectory());
});

test('a running sandbox points the provider at its local API on loopback', async (t) => {
  const { home } = tempHome(t);
  const running = await startSandbox(sandboxSettings(home), {});
  t.after(() => running.api.close());
  assert.match(running.api.url, /^http:\/\/127\.0\.0\.1:\d+$/, 'no trailing slash: the provider appends paths');
  assert.equal(running.env.SCW_API_URL, running.api.url);
  assert.equal(running.env.GOGC, 'off', 'no garbage collection in the short sandbox engine runs');
  const answer = await fetch(`${running.api.url}/containers/v1/regions/fr-par/namespaces`, { headers: { 'X-Auth-Token': '00000000-0000-4000-8000-000000000000' } });
  assert.equal(answer.status, 200);
  assert.deepEqual(await answer.json(), { namespaces: [], total_count: 0 });
});

test('a malformed OPENMCF_SANDBOX_FAULTS stops the sandbox before it listens', async (t) => {
  const { home } = tempHome(t);
  await assert.rejects(
    startSandbox(sandboxSettings(home), { OPENMCF_SANDBOX_FAULTS: 'explode:Container=409' }),
    /OPENMCF_SANDBOX_FAULTS: cannot read rule "explode:Container=409": unknown operation/,
  );
});
