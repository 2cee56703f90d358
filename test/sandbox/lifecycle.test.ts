// The real engine and the real provider against the local API, one stack through a whole life:
// create, no-op, in-place update, drift + refresh, rename (replacement), destroy. Fails if the
// engine, the plugin or the API breaks; both binaries must exist (CI builds them first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readCloud, updateCloud } from '../../src/sandbox/store.js';
import { tempHome } from '../helpers/engine.js';
import { sandboxStack } from './sandbox-stack.js';

const SECRET = 'sk-sandbox-test-secret-1234';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('a stack lives and dies on the real engine against the sandbox cloud', { timeout: 300_000 }, async (t) => {
  const home = tempHome(t);
  const app = { name: 'order-api', maxScale: 3 };
  const sandbox = await sandboxStack(home, 'lifecycle', app);
  const { stack, storeDir } = sandbox;
  t.after(() => sandbox.close());

  await t.test('create', async () => {
    const result = await stack.up();
    assert.equal(result.summary.result, 'succeeded');
    assert.equal(result.summary.resourceChanges?.create, 4, 'stack + namespace + container + cron');
    const cloud = readCloud(storeDir);
    const [namespace] = Object.values(cloud.namespaces);
    const [container] = Object.values(cloud.containers);
    const [cron] = Object.values(cloud.triggers);
    assert.ok(namespace && container && cron, 'one of each in the simulated cloud');
    assert.match(result.outputs.containerId!.value, new RegExp(`^fr-par/${UUID}$`));
    assert.equal(result.outputs.containerId!.value, `fr-par/${container.id}`);
    assert.equal(result.outputs.domainName!.value, `orderapi${namespace.id.slice(0, 8)}-order-api.functions.fnc.fr-par.scw.cloud`);
    assert.equal(result.outputs.status!.value, 'ready');
    assert.equal(container.status, 'ready');
    assert.equal(container.max_scale, 3);
    // The API's defaults for what the program left out.
    assert.equal(container.min_scale, 0);
    assert.equal(container.memory_limit_bytes, 2_048_000_000);
    assert.equal(container.mvcpu_limit, 1000);
    assert.equal(container.sandbox, 'v2');
    assert.deepEqual(container.scaling_option, { concurrent_requests_threshold: 50 });
    assert.equal(cron.container_id, container.id);
    // What the real provider sends: the args as the trigger's body, in the Console's time zone.
    assert.equal(cron.cron_config.body, JSON.stringify({ task: 'report' }));
    assert.equal(cron.cron_config.schedule, '0 2 * * *');
    assert.equal(cron.cron_config.timezone, 'Europe/Paris');
  });

  await t.test('secrets are neither in the state nor in the simulated cloud in plain text', () => {
    for (const file of [...filesUnder(sandbox.backendDir), ...filesUnder(storeDir)]) {
      assert.ok(!readFileSync(file, 'utf8').includes(SECRET), `plain secret found in ${file}`);
    }
    const [container] = Object.values(readCloud(storeDir).containers);
    assert.match(container!.secret_environment_variables.API_KEY!, /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
  });

  await t.test('a second run with no changes changes nothing', async () => {
    const before = readCloud(storeDir);
    const preview = await stack.preview();
    assert.deepEqual(preview.changeSummary, { same: 4 });
    const result = await stack.up();
    assert.deepEqual(result.summary.resourceChanges, { same: 4 });
    assert.deepEqual(readCloud(storeDir).containers, before.containers, 'no API write at all');
  });

  await t.test('an in-place update keeps the ids and redeploys', async () => {
    const [before] = Object.values(readCloud(storeDir).containers);
    sandbox.setApp({ ...app, maxScale: 7, env: { LOG_LEVEL: 'debug' } });
    const result = await stack.up();
    assert.equal(result.summary.resourceChanges?.update, 1);
    assert.equal(result.summary.resourceChanges?.replace, undefined);
    const [after] = Object.values(readCloud(storeDir).containers);
    assert.equal(after!.id, before!.id);
    assert.equal(after!.max_scale, 7);
    assert.deepEqual(after!.environment_variables, { LOG_LEVEL: 'debug' });
    assert.equal(after!._deployments, before!._deployments! + 1);
    assert.equal(after!.secret_environment_variables.API_KEY, before!.secret_environment_variables.API_KEY, 'an unchanged secret is kept, not sent again');
  });

  await t.test('refresh reports drift made in the cloud, and the next up repairs it', async () => {
    await updateCloud(storeDir, (cloud) => {
      Object.values(cloud.containers)[0]!.max_scale = 9;
    });
    const refresh = await stack.refresh();
    assert.equal(refresh.summary.resourceChanges?.update, 1, 'refresh saw the container change');
    const preview = await stack.preview();
    assert.equal(preview.changeSummary.update, 1, 'the program still says 7');
    await stack.up();
    assert.equal(Object.values(readCloud(storeDir).containers)[0]!.max_scale, 7);
  });

  await t.test('a rename replaces namespace, container and cron', async () => {
    const before = readCloud(storeDir);
    sandbox.setApp({ ...app, name: 'orders', maxScale: 7, env: { LOG_LEVEL: 'debug' } });
    const preview = await stack.preview();
    assert.equal(preview.changeSummary.replace, 3);
    const result = await stack.up();
    assert.equal(result.summary.resourceChanges?.replace, 3);
    const after = readCloud(storeDir);
    assert.equal(Object.keys(after.namespaces).length, 1, 'the old namespace is gone');
    assert.equal(Object.keys(after.containers).length, 1);
    assert.equal(Object.keys(after.triggers).length, 1);
    const [container] = Object.values(after.containers);
    const [cron] = Object.values(after.triggers);
    assert.equal(container!.name, 'orders');
    assert.notEqual(container!.id, Object.values(before.containers)[0]!.id);
    assert.equal(cron!.container_id, container!.id, 'the cron follows the new container');
    assert.match(String(result.outputs.domainName!.value), /^orders[0-9a-f]{8}-orders\.functions\.fnc\.fr-par\.scw\.cloud$/);
  });

  await t.test('destroy removes everything', async () => {
    const result = await stack.destroy();
    assert.equal(result.summary.resourceChanges?.delete, 4);
    const cloud = readCloud(storeDir);
    assert.deepEqual([Object.keys(cloud.namespaces), Object.keys(cloud.containers), Object.keys(cloud.triggers)], [[], [], []]);
  });
});
