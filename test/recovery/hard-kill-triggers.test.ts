// Issue 16.4 (second half): kill -9 while many triggers are being created leaves triggers the state
// knows nothing of (no pending operation reached it), and recovery used to create them again. Now
// the next apply finds them among the triggers of this stack's container and adopts them: as many
// triggers in the cloud as the manifest declares, each once, the same ones as in the state.
// Through the built binary, on the real engine and provider, against the local API made slow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome, waitUntil } from '../e2e/cloud-run.js';
import { cloudIds, stackOf, stateIds, suggestedCommands, waitForStaleLock, writeManifest } from './recovery-kit.js';

const home = new CloudHome('openmcf-hard-kill-triggers-');
const CRONS = Array.from({ length: 24 }, (_, i) => `job-${i}`);

test('kill -9 during the creation of 24 triggers: the next apply adopts the ones made, creates the rest, none twice', async () => {
  const shape = { name: 'many-crons', env: 'dev', crons: CRONS };
  const file = writeManifest(home, shape);
  const run = home.start(['apply', '-f', file, '--sandbox', '--yes'], { env: { OPENMCF_SANDBOX_FAULTS: 'delay:Cron=700' } });
  await waitUntil(
    () => Object.keys(home.cloud().triggers).length >= 3,
    120_000,
    () => `no trigger was made:\n${run.stderr}`,
  );
  run.signal('SIGKILL');
  await run.done;
  await waitForStaleLock(home);

  // Follow the tool: the locked run names the cancel command, then apply again.
  const locked = home.run(['apply', '-f', file, '--sandbox', '--yes']);
  assert.equal(locked.code, 4, locked.stderr);
  const [cancel] = suggestedCommands(locked.stderr).filter((c) => c[0] === 'cancel');
  assert.ok(cancel, locked.stderr);
  assert.equal(home.run(cancel).code, 0);
  const applied = home.run(['apply', '-f', file, '--sandbox', '--yes']);
  assert.equal(applied.code, 0, applied.stderr);

  const cloud = cloudIds(home, shape);
  const names = Object.values(home.cloud().triggers)
    .map((t) => t.name)
    .sort();
  assert.deepEqual(names, [...CRONS].sort(), 'each declared trigger exactly once');
  assert.deepEqual(stateIds(home, stackOf(shape)), cloud, 'state == cloud');
});
