// A bad deploy and its rollback, rehearsed in the sandbox through the built binary on the real
// engine and provider: an image that fails to start (status:Container@<image>=error) fails the
// apply with the platform's message, and an apply of the previous image recovers the container.
// Run with realistic transitions (OPENMCF_SANDBOX_TRANSITIONS), which the provider waits out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome, manifest } from '../e2e/cloud-run.js';

const home = new CloudHome('openmcf-rehearsal-');
const BAD = 'rg.fr-par.scw.cloud/my-registry/my-api:v2';
const env = { OPENMCF_SANDBOX_FAULTS: `status:Container@${BAD}=error`, OPENMCF_SANDBOX_TRANSITIONS: 'realistic:1000' };

function container(): { image: string; status: string; error_message?: string; created_at: string; updated_at: string } {
  const [only] = Object.values(home.cloud().containers);
  assert.ok(only, 'the container exists in the simulated cloud');
  return only;
}

test('an image that does not start fails the apply with the platform message; the previous image recovers it', { timeout: 300_000 }, () => {
  const bad = home.run(['apply', '-f', manifest('my-api'), '--sandbox', '--yes', '--set', 'spec.image.tag=v2'], { env });
  assert.equal(bad.code, 1, bad.stderr);
  assert.match(bad.stderr, /Container is unable to start OR is not listening on port 8080/);
  assert.deepEqual([container().image, container().status], [BAD, 'error']);
  // Realistic transitions: the deployment was `creating` for a second before it ended (the store
  // stamps the end of a transition as the container's updated_at).
  assert.ok(Date.parse(container().updated_at) - Date.parse(container().created_at) >= 1000, 'the transition lasted');

  const rollback = home.run(['apply', '-f', manifest('my-api'), '--sandbox', '--yes', '--set', 'spec.image.tag=v1'], { env });
  assert.equal(rollback.code, 0, rollback.stderr);
  assert.deepEqual([container().image, container().status, container().error_message], ['rg.fr-par.scw.cloud/my-registry/my-api:v1', 'ready', '']);
});
