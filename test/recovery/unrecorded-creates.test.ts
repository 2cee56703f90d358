// Issue 16.4: creates whose readiness poll failed. The API made the object, the provider's poll
// then got an error, and the engine recorded nothing: the rerun created the three triggers again
// (six in the cloud, three in the state, every job firing twice), and a container came back as
// 409 "already exists" forever. Now the rerun finds what the failed run made, through the owner
// tag (namespace, container) or its container (triggers), and takes it in: state == cloud, nothing
// made twice. Through the built binary, on the real engine and provider, against the local API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome } from '../e2e/cloud-run.js';
import { cloudIds, stackOf, stateIds, writeManifest } from './recovery-kit.js';

const home = new CloudHome('openmcf-unrecorded-');

test('read:Cron=500 on create: exit 1, then the rerun keeps the three triggers the failed run made (no duplicate)', async () => {
  const shape = { name: 'poll-cron', env: 'dev', crons: ['a', 'b', 'c'] };
  const file = writeManifest(home, shape);
  const failed = home.run(['apply', '-f', file, '--sandbox', '--yes'], { env: { OPENMCF_SANDBOX_FAULTS: 'read:Cron=500' } });
  assert.equal(failed.code, 1, failed.stderr);
  assert.equal(cloudIds(home, shape).triggers.length, 3, 'the failed run made the triggers');

  const rerun = home.run(['apply', '-f', file, '--sandbox', '--yes']);
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.match(rerun.stderr, /the cloud has the cron trigger a \(fr-par\/[0-9a-f-]+\) that a failed or interrupted run made without recording it: taken into the state/);
  const cloud = cloudIds(home, shape);
  assert.equal(cloud.triggers.length, 3, 'three triggers, not six');
  assert.deepEqual(stateIds(home, stackOf(shape)), cloud, 'state == cloud');
  const settled = home.run(['preview', '-f', file, '--sandbox', '--detailed-exitcode']);
  assert.equal(settled.code, 0, settled.stdout + settled.stderr);
});

test('read:Container=500 on create: exit 1, then the rerun keeps the container the failed run made (no 409, one container)', async () => {
  const shape = { name: 'poll-container', env: 'dev', crons: ['nightly'] };
  const file = writeManifest(home, shape);
  const failed = home.run(['apply', '-f', file, '--sandbox', '--yes'], { env: { OPENMCF_SANDBOX_FAULTS: 'read:Container=500' } });
  assert.equal(failed.code, 1, failed.stderr);
  assert.equal(cloudIds(home, shape).containers.length, 1, 'the failed run made the container');

  const rerun = home.run(['apply', '-f', file, '--sandbox', '--yes']);
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.doesNotMatch(rerun.stderr, /already exists/);
  const cloud = cloudIds(home, shape);
  assert.equal(cloud.containers.length, 1);
  assert.equal(cloud.triggers.length, 1);
  assert.deepEqual(stateIds(home, stackOf(shape)), cloud, 'state == cloud');
  const outputs = home.run(['outputs', '-f', file, '--sandbox', '--json']);
  assert.equal(outputs.code, 0, outputs.stderr);
  assert.match(outputs.stdout, new RegExp(`fr-par/${cloud.containers[0]}`), 'the outputs name the container kept');
});
