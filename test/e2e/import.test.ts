// `openmcf import` through the built binary, real engine and provider, sandbox cloud: a namespace
// and container that exist without a stack (made by hand, or a state lost) make apply fail with a
// 409 that names the import, once; import takes them in and previews the difference with the
// manifest; apply then makes them match, in place. Objects another openmcf stack owns are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, manifest, parseJson } from './cloud-run.js';
import { updateCloud } from '../../src/sandbox/store.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-import-');
const myApi = manifest('my-api');

/** Creates the manifest's objects through another stack, then forgets that stack and takes its
 * ownership tag off them: what is left in the cloud belongs to no stack, as if made by hand. */
async function madeByHand(file: string, ...flags: string[]): Promise<void> {
  const made = home.run(['apply', '-f', file, '--sandbox', '--yes', '--stack', 'my-org/my-project/by-hand', ...flags]);
  assert.equal(made.code, 0, made.stderr);
  const stacks = join(home.dir, 'sandbox', 'state', '.pulumi', 'stacks', 'my-project');
  for (const entry of readdirSync(stacks)) if (entry.startsWith('by-hand.json')) rmSync(join(stacks, entry));
  await updateCloud(home.storeDir, (cloud) => {
    for (const object of [...Object.values(cloud.namespaces), ...Object.values(cloud.containers)]) object.tags = object.tags.filter((tag) => !tag.startsWith('openmcf.org/stack='));
  });
}

test('apply over objects of the same names fails with the 409 once, naming import', async () => {
  await madeByHand(myApi, '--set', 'spec.minScale=1');
  const result = home.run(['apply', '-f', myApi, '--sandbox', '--yes']);
  assert.equal(result.code, 1, result.stderr);
  assert.equal(result.stderr.match(/already exists/g)?.length, 1, `the conflict is printed once:\n${result.stderr}`);
  assert.match(result.stderr, /Take it into the stack with `openmcf import -f \S+my-api\.yaml --sandbox`/);
});

test('import takes the namespace and the container in and previews what differs from the manifest', () => {
  const before = Object.values(home.cloud().containers).find((c) => c.name === 'my-api')!;
  const result = home.run(['import', '-f', myApi, '--sandbox', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const entry = parseJson<ResultDocument>(result.stdout).results[0]!;
  assert.equal(entry.status, 'changes-pending');
  assert.ok(
    entry.notices?.some((n) => n === `imported namespace (fr-par/${before.namespace_id}), container (fr-par/${before.id})`),
    JSON.stringify(entry.notices),
  );
  const container = entry.resources.find((r) => r.name === 'container')!;
  assert.equal(container.change, 'update');
  assert.ok(
    container.manifestChanges?.some((c) => c.path === 'spec.minScale' && c.old === 1 && c.new === 0),
    JSON.stringify(container.manifestChanges),
  );
  assert.match(result.stderr, /spec\.minScale: 1 -> 0/);
  const unchanged = Object.values(home.cloud().containers).find((c) => c.name === 'my-api')!;
  assert.deepEqual([unchanged.min_scale, unchanged._deployments, unchanged.updated_at], [1, before._deployments, before.updated_at], 'import changes nothing in the cloud');

  const applied = home.run(['apply', '-f', myApi, '--sandbox', '--yes']);
  assert.equal(applied.code, 0, applied.stderr);
  const after = Object.values(home.cloud().containers).filter((c) => c.name === 'my-api');
  assert.deepEqual(
    after.map((c) => [c.id, c.min_scale]),
    [[before.id, 0]],
    'the same container, updated in place',
  );
  const again = home.run(['import', '-f', myApi, '--sandbox']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /already in the stack: namespace, container/);
});

test("objects tagged as another openmcf stack's are refused, naming that stack", async () => {
  const file = home.file(
    'owned-api.yaml',
    (await import('node:fs'))
      .readFileSync(myApi, 'utf8')
      .replace(/name: my-api$/m, 'name: owned-api')
      .replaceAll('.my-api', '.owned-api'),
  );
  await madeByHand(file);
  await updateCloud(home.storeDir, (cloud) => {
    for (const c of Object.values(cloud.containers))
      if (c.name === 'owned-api') c.tags = [...c.tags, 'openmcf.org/stack=my-org/other-project/prod.ScalewayServerlessContainer.owned-api'];
  });
  const result = home.run(['import', '-f', file, '--sandbox', '--json']);
  assert.equal(result.code, 1, result.stderr);
  const entry = parseJson<ResultDocument>(result.stdout).results[0]!;
  assert.equal(entry.error?.code, 'import-owned');
  assert.match(
    entry.error?.message ?? '',
    /the container "owned-api" \(fr-par\/[0-9a-f-]+\) in fr-par belongs to stack my-org\/other-project\/prod\.ScalewayServerlessContainer\.owned-api/,
  );
  const stacks = join(home.dir, 'sandbox', 'state', '.pulumi', 'stacks', 'my-project');
  assert.ok(!readdirSync(stacks).some((f) => f.startsWith('dev.ScalewayServerlessContainer.owned-api.json')), 'nothing was imported');
});

test('cron triggers are found by name and imported with their container; the manifest then applies in place', async () => {
  const pipeline = manifest('data-pipeline');
  await madeByHand(pipeline, '--set', 'spec.cronTriggers[0].schedule=5 * * * *');
  const triggersBefore = Object.values(home.cloud().triggers)
    .filter((t) => t.name === 'hourly-sync' || t.name === 'nightly-report')
    .map((t) => t.id)
    .sort();
  const result = home.run(['import', '-f', pipeline, '--sandbox', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const entry = parseJson<ResultDocument>(result.stdout).results[0]!;
  assert.match(
    entry.notices?.[0] ?? '',
    /^imported namespace \(pl-waw\/[0-9a-f-]+\), container \(pl-waw\/[0-9a-f-]+\), cron-hourly-sync \(pl-waw\/[0-9a-f-]+\), cron-nightly-report \(pl-waw\/[0-9a-f-]+\)$/,
  );
  assert.ok(
    entry.resources.some((r) => r.name === 'cron-hourly-sync' && r.change === 'update'),
    JSON.stringify(entry.resources.map((r) => [r.name, r.change])),
  );
  const applied = home.run(['apply', '-f', pipeline, '--sandbox', '--yes']);
  assert.equal(applied.code, 0, applied.stderr);
  const triggers = Object.values(home.cloud().triggers).filter((t) => t.name === 'hourly-sync' || t.name === 'nightly-report');
  assert.deepEqual(triggers.map((t) => t.id).sort(), triggersBefore, 'the same triggers, updated in place');
  assert.ok(triggers.some((t) => t.name === 'hourly-sync' && JSON.stringify(t).includes('0 * * * *')));
});
