// apply / preview / destroy through the built binary, on the real engine and the sandbox cloud.
// The steps share one home and run in order, as a user would: apply the four manifests, apply
// again (nothing changes), change a field (updated in place), preview a rename (a replacement),
// destroy (the cloud is empty).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome, MANIFESTS, manifest, parseJson } from './cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-apply-');

test('the four manifests apply in one run and print their outputs', () => {
  const result = home.run(['apply', '-f', MANIFESTS, '--sandbox', '--yes']);
  assert.equal(result.code, 0, result.stderr);
  for (const name of ['my-api', 'order-api', 'inference-grpc', 'data-pipeline']) {
    assert.match(result.stdout, new RegExp(`✓ ${name}: \\d+ created`), `${name} not reported as created`);
  }
  // Each stack's outputs, with the platform's domain-name format.
  assert.equal(result.stdout.match(/containerId: +\w+-\w+\/[0-9a-f-]{36}/g)?.length, 4);
  assert.equal(result.stdout.match(/namespaceId: +\w+-\w+\/[0-9a-f-]{36}/g)?.length, 4);
  assert.match(result.stdout, /domainName: +orderapi[0-9a-f]{8}-order-api\.functions\.fnc\.fr-par\.scw\.cloud/);
  assert.match(result.stdout, /url: +https:\/\/datapipeline[0-9a-f]{8}-data-pipeline\.functions\.fnc\.pl-waw\.scw\.cloud/);
  assert.equal(result.stdout.match(/status: +ready/g)?.length, 4);
  assert.match(result.stderr, /creating cron trigger hourly-sync\.\.\./);
  assert.match(result.stderr, /\+ created container \(\d+\.\d+s\)/);
  assert.match(result.stderr, /sandbox: nothing real was deployed/);
  // The plan and results on stdout; progress and notes on stderr only.
  assert.doesNotMatch(result.stdout, /creating cron trigger|created container|sandbox: nothing real/);
  assert.ok(!(result.stdout + result.stderr).includes('\u001b'), 'NO_COLOR: no escape codes');

  const cloud = home.cloud();
  assert.equal(Object.keys(cloud.namespaces).length, 4);
  assert.equal(Object.keys(cloud.containers).length, 4);
  assert.deepEqual(
    Object.values(cloud.triggers)
      .map((c) => c.name)
      .sort(),
    ['hourly-sync', 'nightly-report'],
  );
});

test('a second apply changes nothing', () => {
  const before = home.cloud();
  const result = home.run(['apply', '-f', MANIFESTS, '--sandbox', '--yes', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const document = parseJson<ResultDocument>(result.stdout);
  assert.equal(document.results.length, 4);
  for (const stack of document.results) {
    assert.equal(stack.status, 'unchanged', stack.manifest.name);
    assert.deepEqual({ ...stack.changes, same: 0 }, { create: 0, update: 0, replace: 0, delete: 0, same: 0 });
    assert.ok(stack.changes.same >= 2);
  }
  assert.deepEqual(Object.keys(home.cloud().containers).sort(), Object.keys(before.containers).sort());
  assert.match(result.stderr, /no changes/);
});

test('a changed field updates the container in place', () => {
  const before = Object.values(home.cloud().containers).find((c) => c.name === 'order-api')!;
  const result = home.run(['apply', '-f', manifest('order-api'), '--sandbox', '--yes', '--json', '--set', 'spec.memoryLimitMb=1024']);
  assert.equal(result.code, 0, result.stderr);
  const [stack] = parseJson<ResultDocument>(result.stdout).results;
  assert.deepEqual(stack?.changes, { create: 0, update: 1, replace: 0, delete: 0, same: 1 });
  assert.deepEqual(
    stack?.resources.map((r) => [r.name, r.change, r.properties.map((p) => p.path)]),
    [['container', 'update', ['memoryLimitBytes']]],
  );
  // With --yes the plan is printed first, in the manifest's terms.
  assert.match(result.stderr, /Preview of order-api[^\n]*\n {2}~ {2}update +container\n {6}~ spec\.memoryLimitMb: 512 -> 1024 {2}\(memoryLimitBytes\)/);
  assert.match(result.stderr, /~ updated container \(\d+\.\d+s\)/);
  const after = Object.values(home.cloud().containers).find((c) => c.name === 'order-api')!;
  assert.equal(after.id, before.id, 'same container: updated, not replaced');
  assert.equal(after.memory_limit_bytes, 1_024_000_000);
});

test('a rename is shown as a replacement in preview, which changes nothing', () => {
  const before = home.cloud();
  const result = home.run([
    'preview',
    '-f',
    manifest('order-api'),
    '--sandbox',
    '--detailed-exitcode',
    '--json',
    '--set',
    'spec.memoryLimitMb=1024',
    '--set',
    'metadata.name=order-api-v2',
  ]);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /\+- REPLACE +namespace \(replaced because metadata\.name changed\)/);
  assert.match(result.stderr, /~ metadata\.name: "order-api" -> "order-api-v2" +\(forces replacement\)/);
  assert.match(result.stderr, /! \d resources are REPLACED/);
  const [stack] = parseJson<ResultDocument>(result.stdout).results;
  assert.equal(stack?.status, 'changes-pending');
  assert.ok((stack?.changes.replace ?? 0) >= 2, JSON.stringify(stack?.changes));
  assert.ok(stack?.resources.some((r) => r.change === 'replace' && r.properties.some((p) => p.path === 'name' && p.replaces)));
  assert.deepEqual(home.cloud().namespaces, before.namespaces, 'a preview touches nothing');
});

test('--replace takes a resource name; replacements are red when colour is on', () => {
  const result = home.run(['preview', '-f', manifest('my-api'), '--sandbox', '--json', '--replace', 'container'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
  assert.equal(result.code, 0, result.stderr);
  const [stack] = parseJson<ResultDocument>(result.stdout).results;
  assert.deepEqual(
    stack?.resources.map((r) => [r.name, r.change]),
    [['container', 'replace']],
  );
  assert.match(result.stderr, /\u001b\[31m[^\n]*REPLACE/);
});

test('preview of an unchanged stack exits 0 even with --detailed-exitcode', () => {
  const result = home.run(['preview', '-f', manifest('my-api'), '--sandbox', '--detailed-exitcode']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /no changes/);
});

test('destroy leaves the simulated cloud empty', () => {
  const result = home.run(['destroy', '-f', MANIFESTS, '--sandbox', '--yes']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /- deleted container/);
  assert.match(result.stdout, /✓ data-pipeline: 4 deleted/);
  const cloud = home.cloud();
  assert.deepEqual([Object.keys(cloud.namespaces), Object.keys(cloud.containers), Object.keys(cloud.triggers)], [[], [], []]);

  const again = home.run(['destroy', '-f', manifest('my-api'), '--sandbox', '--yes', '--remove']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /no changes/);
});
