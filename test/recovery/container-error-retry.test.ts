// Issue 9.5: a deployment that ended in `error` for a transient cause is retried by the next
// apply (and said so), and preview reports it as a change (exit 2). Through the built binary, on
// the real engine and provider, against the local API with a fault that fires once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome, manifest, parseJson } from '../e2e/cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-retry-');
const myApi = manifest('my-api');

test('the first deployment ends in error (a fault that fires once): apply fails with the platform message', () => {
  const result = home.run(['apply', '-f', myApi, '--sandbox', '--yes'], { env: { OPENMCF_SANDBOX_FAULTS: 'status:Container=error:image pull timed out*1' } });
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /is in status "error": image pull timed out/);
  assert.equal(Object.values(home.cloud().containers)[0]?.status, 'error');
});

test('preview --detailed-exitcode reports the retry as a change (exit 2) and says why', () => {
  const result = home.run(['preview', '-f', myApi, '--sandbox', '--detailed-exitcode', '--json']);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /the container's last deployment ended in status "error": image pull timed out; apply deploys it again/);
  const entry = parseJson<ResultDocument>(result.stdout).results[0]!;
  assert.equal(entry.status, 'changes-pending');
  assert.equal(entry.changes.update, 1);
  assert.deepEqual(entry.notices, ['the container\'s last deployment ended in status "error": image pull timed out; apply deploys it again']);
});

test('apply deploys the container again, says so, and ends ready', () => {
  const result = home.run(['apply', '-f', myApi, '--sandbox', '--yes']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /my-api: the container's last deployment ended in status "error": image pull timed out; deploying it again/);
  assert.match(result.stdout, /status: +ready/);
  const container = Object.values(home.cloud().containers)[0]!;
  assert.equal(container.status, 'ready');
  assert.equal(container._deployments, 2, 'one more deployment on the platform');
});

test('after the retry nothing is left to change, and a registrySha256 of the manifest still redeploys', () => {
  const settled = home.run(['preview', '-f', myApi, '--sandbox', '--detailed-exitcode']);
  assert.equal(settled.code, 0, settled.stderr);
  const changed = home.run(['apply', '-f', myApi, '--sandbox', '--yes', '--set', 'spec.registrySha256=sha-2']);
  assert.equal(changed.code, 0, changed.stderr);
  assert.equal(Object.values(home.cloud().containers)[0]!._deployments, 3);
  const again = home.run(['preview', '-f', myApi, '--sandbox', '--detailed-exitcode', '--set', 'spec.registrySha256=sha-2']);
  assert.equal(again.code, 0, again.stderr);
});
