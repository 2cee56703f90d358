// Issue 16.8: recovery on the plain path (no --sandbox, SCW_API_URL pointing at another endpoint)
// looked pending creates up at api.scaleway.com instead of SCW_API_URL, so after a kill -9 every
// run failed with "fetch failed". The lookups now use the endpoint the provider uses. Through the
// built binary, on the real engine and provider, against `openmcf sandbox api`, which holds the
// provider's first read after its create: the run is killed with the container half-made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, waitUntil } from '../e2e/cloud-run.js';
import { waitForStaleLock, writeManifest } from './recovery-kit.js';
import { Hold } from '../helpers/hold.js';

const home = new CloudHome('openmcf-plain-recovery-');
const CREDENTIALS = {
  SCW_ACCESS_KEY: 'SCWPLAINRECOVERY0000',
  SCW_SECRET_KEY: '6e1f0a9c-2b3d-4e5f-8a9b-0c1d2e3f4a5b',
  SCW_DEFAULT_PROJECT_ID: '7a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
};

test('kill -9 during a create on the plain path: after cancel, apply takes the container in through SCW_API_URL', async () => {
  // A fresh stack reads no container before its create: the first container read is the provider's
  // wait for the one it created.
  const afterCreate = new Hold(home.storeDir, 'plain-kill-create', 'Container', 'read');
  const api = home.start(['sandbox', 'api'], { env: afterCreate.env });
  try {
    await api.waitFor(/sandbox API on/);
    const url = api.stdout.split('\n')[0]!;
    const state = join(home.dir, 'plain-state');
    mkdirSync(state);
    const env = { ...CREDENTIALS, SCW_API_URL: url };
    const file = writeManifest(home, { name: 'plain-kill', env: 'dev' });
    const args = ['-f', file, '--backend', `file://${state}`];

    const run = home.start(['apply', ...args, '--yes'], { env });
    await afterCreate.waitHeld(120_000, () => run.stderr);
    await run.waitFor(/creating container/);
    await waitUntil(
      () => Object.keys(home.cloud().containers).length > 0,
      60_000,
      () => `the create never reached the cloud:\n${run.stderr}`,
    );
    run.signal('SIGKILL');
    await run.done;
    afterCreate.release();
    await waitForStaleLock(home, join(state, '.pulumi', 'locks'));

    const released = home.run(['cancel', ...args, '--yes'], { env });
    assert.equal(released.code, 0, released.stderr);
    const applied = home.run(['apply', ...args, '--yes'], { env });
    assert.equal(applied.code, 0, applied.stderr);
    assert.doesNotMatch(applied.stderr, /fetch failed/);
    const [container] = Object.keys(home.cloud().containers);
    // Killed while the provider waits for its create: the container is taken in as a pending create
    // (or adopted as unrecorded, had the engine not written its pending operation); either way once.
    assert.match(
      applied.stderr,
      new RegExp(
        `(an interrupted run had created the container \\(fr-par/${container}\\) without recording it|the cloud has the container \\(fr-par/${container}\\) that a failed or interrupted run made without recording it): taken into the state`,
      ),
    );
    assert.equal(Object.keys(home.cloud().containers).length, 1);
  } finally {
    api.signal('SIGINT');
    await api.done;
  }
});
