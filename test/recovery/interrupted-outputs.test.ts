// Issue 16.7: outputs lost after an interrupted create. SIGTERM while the container is being
// created, then the documented recovery: `outputs` said nothing was deployed, and apply (an empty
// plan) never recorded them again, so valueFrom readers of the stack broke. Now apply records
// outputs that are missing or stale even when there is nothing to change. The recovery follows the
// commands the tool's own message prints. Through the built binary, on the real engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome, parseJson } from '../e2e/cloud-run.js';
import { Hold } from '../helpers/hold.js';
import { cloudIds, stackOf, stateIds, suggestedCommands, writeManifest } from './recovery-kit.js';

const home = new CloudHome('openmcf-interrupted-outputs-');

test('SIGTERM during a create, then the documented recovery: outputs are recorded again', async () => {
  const shape = { name: 'term-create', env: 'dev', crons: ['nightly'] };
  const file = writeManifest(home, shape);
  // SIGTERM while the container create is held; the engine, stopping cleanly, lets it finish.
  const hold = new Hold(home.storeDir, 'term-container-create', 'Container', 'create');
  const run = home.start(['apply', '-f', file, '--sandbox', '--yes'], { env: hold.env });
  await hold.waitHeld(120_000, () => run.stderr);
  await run.waitFor(/creating container/);
  run.signal('SIGTERM');
  try {
    await run.waitFor(/cancelling/);
  } finally {
    hold.release();
  }
  assert.equal(await run.done, 130, run.stderr);
  const steps = suggestedCommands(run.stderr);
  assert.ok(steps.length > 0, `the message suggests what to run:\n${run.stderr}`);
  for (const step of steps) {
    const args = step[0] === 'apply' && !step.includes('--yes') ? [...step, '--yes'] : step;
    const result = home.run(args);
    assert.equal(result.code, 0, `openmcf ${args.join(' ')}:\n${result.stderr}`);
  }
  const cloud = cloudIds(home, shape);
  assert.equal(cloud.containers.length, 1);
  assert.deepEqual(stateIds(home, stackOf(shape)), cloud, 'state == cloud');
  const outputs = home.run(['outputs', '-f', file, '--sandbox', '--json']);
  assert.equal(outputs.code, 0, outputs.stderr);
  const document = parseJson<{ results: Array<{ outputs?: Record<string, unknown> }> }>(outputs.stdout);
  assert.equal(document.results[0]?.outputs?.containerId, `fr-par/${cloud.containers[0]}`, outputs.stdout);
});
