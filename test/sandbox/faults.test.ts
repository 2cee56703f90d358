// Each fault of OPENMCF_SANDBOX_FAULTS, injected under the real engine: the run fails (or not)
// the way the real cloud would make it, with the real provider's wording, and the simulated cloud
// is left as the real one would be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCloud } from '../../src/sandbox/store.js';
import { tempHome } from '../helpers/engine.js';
import { sandboxStack } from './sandbox-stack.js';
import { Hold } from '../helpers/hold.js';

async function rejection(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return String((error as Error).message);
  }
  assert.fail('the engine run was expected to fail');
}

test('injected faults under the real engine', { timeout: 300_000 }, async (t) => {
  const home = tempHome(t);

  await t.test('409 on container create fails the run with the transient-state error', async () => {
    const sandbox = await sandboxStack(home, 'fault-create-409', { name: 'conflict-api' }, { OPENMCF_SANDBOX_FAULTS: 'create:Container=409' });
    t.after(() => sandbox.close());
    const message = await rejection(sandbox.stack.up());
    assert.match(message, /creation container error: scaleway-sdk-go: resource namespace with ID [0-9a-f-]{36} is in a transient state: pending/);
    const cloud = readCloud(sandbox.storeDir);
    assert.equal(Object.values(cloud.namespaces).filter((n) => n.name === 'conflict-api').length, 1, 'the namespace was created');
    assert.equal(Object.values(cloud.containers).filter((c) => c.name === 'conflict-api').length, 0, 'the container was not');
  });

  await t.test('a counted 409 on cron create fails once, then the rerun succeeds', async () => {
    const sandbox = await sandboxStack(home, 'fault-cron-once', { name: 'retry-api' }, { OPENMCF_SANDBOX_FAULTS: 'create:Cron=409*1' });
    t.after(() => sandbox.close());
    const message = await rejection(sandbox.stack.up());
    assert.match(message, /scaleway-sdk-go: resource container with ID [0-9a-f-]{36} is in a transient state: updating/);
    const result = await sandbox.stack.up();
    assert.equal(result.summary.result, 'succeeded');
    const cloud = readCloud(sandbox.storeDir);
    assert.equal(cloud.faultHits['create:Cron=409*1'], 1);
    // The failed run left no cron behind, and the rerun created it once.
    const container = Object.values(cloud.containers).find((c) => c.name === 'retry-api');
    assert.deepEqual(
      Object.values(cloud.triggers)
        .filter((trigger) => trigger.container_id === container?.id)
        .map((trigger) => trigger.name),
      ['nightly'],
    );
  });

  await t.test('500 on update and on refresh fail those runs and change nothing', async () => {
    const sandbox = await sandboxStack(home, 'fault-500', { name: 'flaky-api', maxScale: 2 });
    t.after(() => sandbox.close());
    await sandbox.stack.up();
    await sandbox.setFaults('update:Container=500');
    sandbox.setApp({ name: 'flaky-api', maxScale: 4 });
    const updateMessage = await rejection(sandbox.stack.up());
    assert.match(updateMessage, /scaleway-sdk-go: http error 500 Internal Server Error/);
    const container = Object.values(readCloud(sandbox.storeDir).containers).find((c) => c.name === 'flaky-api');
    assert.equal(container?.max_scale, 2, 'the failed update changed nothing in the cloud');

    await sandbox.setFaults('read:Container=500');
    const refreshMessage = await rejection(sandbox.stack.refresh());
    assert.match(refreshMessage, /http error 500 Internal Server Error/);
  });

  await t.test('a container that ends in error is created (as upstream does), with its status and message', async () => {
    // The rule after the message with commas is read and applied too: the create waits for its release.
    const sandbox = await sandboxStack(
      home,
      'fault-status',
      { name: 'broken-api' },
      {
        OPENMCF_SANDBOX_FAULTS: 'status:Container=error:image not found: rg.fr-par.scw.cloud/demo/api:v1, check the tag,hold:Container@create=status-create',
      },
    );
    t.after(() => sandbox.close());
    const hold = new Hold(sandbox.storeDir, 'status-create', 'Container', 'create');
    let finished = false;
    const up = sandbox.stack.up().finally(() => (finished = true));
    await hold.waitHeld(120_000);
    assert.equal(finished, false, 'the run waits on the held create');
    assert.equal(Object.values(readCloud(sandbox.storeDir).containers).filter((c) => c.name === 'broken-api').length, 0, 'the held create has not reached the cloud');
    hold.release();
    const result = await up;
    assert.equal(result.summary.result, 'succeeded');
    const container = Object.values(readCloud(sandbox.storeDir).containers).find((c) => c.name === 'broken-api');
    assert.equal(container?.status, 'error', 'the simulated cloud holds it in error');
    assert.equal(result.outputs.status!.value, 'error');
    assert.equal(result.outputs.errorMessage!.value, 'image not found: rg.fr-par.scw.cloud/demo/api:v1, check the tag');
  });
});
