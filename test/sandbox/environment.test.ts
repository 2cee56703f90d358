// What a sandbox run hands the engine, and the stand-in plugin's refusal to run outside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { SANDBOX_PLUGIN, SANDBOX_PLUGIN_DIR, sandboxSettings } from '../../src/sandbox/environment.js';
import { tempHome } from '../helpers/engine.js';

test('sandbox settings: own state and store under the home, stand-in plugin first on PATH', (t) => {
  const { home } = tempHome(t);
  const settings = sandboxSettings(home, { PATH: '/usr/bin:/bin', PULUMI_BACKEND_URL: 'https://api.pulumi.com' });
  assert.equal(settings.backendUrl, `file://${join(home, 'sandbox', 'state')}`);
  assert.equal(settings.storeDir, join(home, 'sandbox', 'cloud'));
  assert.ok(statSync(join(home, 'sandbox', 'state')).isDirectory());
  assert.equal(settings.engineEnv.PATH, [SANDBOX_PLUGIN_DIR, '/usr/bin', '/bin'].join(delimiter));
  assert.equal(settings.engineEnv.PULUMI_BACKEND_URL, settings.backendUrl, "the user's backend is overridden");
  assert.equal(settings.engineEnv.OPENMCF_SANDBOX_STORE, settings.storeDir);
  assert.equal(settings.engineEnv.PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION, 'true');
  assert.equal(settings.engineEnv.OPENMCF_SANDBOX_NODE, process.execPath);
  assert.equal(settings.engineEnv.GOGC, 'off', 'no garbage collection in the short sandbox engine runs');
  assert.match(settings.engineEnv.GOMEMLIMIT ?? '', /^\d+MiB$/, 'unless the heap grows');
});

test('the stand-in plugin refuses to start outside sandbox mode', () => {
  const result = spawnSync(SANDBOX_PLUGIN, ['127.0.0.1:1'], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 10_000 });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /OPENMCF_SANDBOX_STORE is not set\. This plugin is the simulated Scaleway cloud of `openmcf --sandbox` and only runs in sandbox mode/);
});

test('in sandbox mode the stand-in starts and announces its port to the engine', (t) => {
  const { home } = tempHome(t);
  const env = { PATH: process.env.PATH ?? '', OPENMCF_SANDBOX_STORE: home, OPENMCF_SANDBOX_NODE: process.execPath };
  // No engine listens: the plugin prints its port, then keeps serving until killed by the timeout.
  const result = spawnSync(SANDBOX_PLUGIN, ['127.0.0.1:1'], { env, encoding: 'utf8', timeout: 2_000, killSignal: 'SIGKILL' });
  assert.match(result.stdout, /^\d+\n/);
});
