// --json through the built binary: one versioned document on stdout, human text on stderr, for
// several manifests from standard input (multi-document YAML), and for preview and outputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CloudHome, manifest, parseJson } from './cloud-run.js';
import { RESULT_API_VERSION, type ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-json-');
const OUTPUT_NAMES = ['containerId', 'domainName', 'errorMessage', 'namespaceId', 'status', 'url'];
const twoDocuments = `${readFileSync(manifest('order-api'), 'utf8')}\n---\n${readFileSync(manifest('my-api'), 'utf8')}`;

test('apply --json: one document for two manifests read from stdin, in input order', () => {
  const result = home.run(['apply', '-f', '-', '--sandbox', '--yes', '--json', '--parallel', '2'], { input: twoDocuments });
  assert.equal(result.code, 0, result.stderr);
  const document = parseJson<ResultDocument>(result.stdout);
  assert.equal(document.apiVersion, RESULT_API_VERSION);
  assert.equal(document.command, 'apply');
  assert.equal(document.exitCode, 0);
  assert.equal(document.sandbox, true);
  assert.deepEqual(document.summary, { create: 4, update: 0, replace: 0, delete: 0, same: 0 });
  assert.deepEqual(
    document.results.map((r) => [r.manifest.file, r.manifest.document, r.manifest.name, r.stack]),
    [
      ['<stdin>', 0, 'order-api', 'my-org/my-project/dev.ScalewayServerlessContainer.order-api'],
      ['<stdin>', 1, 'my-api', 'my-org/my-project/dev.ScalewayServerlessContainer.my-api'],
    ],
  );
  for (const stack of document.results) {
    assert.equal(stack.status, 'succeeded');
    assert.equal(stack.engineStack, stack.stack.replace(/^my-org\//, 'organization/'));
    assert.match(stack.backend, /^file:\/\/.*\/sandbox\/state$/);
    assert.deepEqual(stack.changes, { create: 2, update: 0, replace: 0, delete: 0, same: 0 });
    assert.deepEqual(
      stack.resources.map((r) => [r.type, r.change]),
      [
        ['scaleway:containers/namespace:Namespace', 'create'],
        ['scaleway:containers/container:Container', 'create'],
      ],
    );
    assert.deepEqual(Object.keys(stack.outputs ?? {}).sort(), OUTPUT_NAMES);
    assert.equal(stack.outputs?.status, 'ready');
    assert.equal(stack.outputs?.url, `https://${String(stack.outputs?.domainName)}`);
    assert.equal(typeof stack.durationMs, 'number');
    assert.equal(stack.error, undefined);
  }
  // Human text stays on stderr, stdout is only the document.
  assert.match(result.stderr, /\[order-api\] creating container\.\.\./);
  assert.match(result.stderr, /✓ my-api: 2 created/);
});

test('preview --json lists planned property changes and the cron triggers next runs in UTC', () => {
  const result = home.run(['preview', '-f', manifest('data-pipeline'), '--sandbox', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const [stack] = parseJson<ResultDocument>(result.stdout).results;
  assert.equal(stack?.status, 'changes-pending');
  assert.deepEqual(stack?.changes, { create: 4, update: 0, replace: 0, delete: 0, same: 0 });
  const container = stack?.resources.find((r) => r.name === 'container');
  assert.deepEqual(
    container?.properties.find((p) => p.path === 'memoryLimitBytes'),
    { path: 'memoryLimitBytes', kind: 'add', replaces: false, new: 4_096_000_000 },
  );
  assert.deepEqual(
    stack?.cronSchedules?.map((c) => [c.name, c.schedule, c.timeZone, c.nextRuns.length]),
    [
      ['hourly-sync', '0 * * * *', 'Europe/Paris', 3],
      ['nightly-report', '0 2 * * *', 'Europe/Paris', 3],
    ],
  );
  // 02:00 in Paris is 01:00 UTC in winter and 00:00 UTC in summer.
  for (const run of stack?.cronSchedules?.[1]?.nextRuns ?? []) assert.match(run, /^\d{4}-\d\d-\d\dT0[01]:00:00\.000Z$/);
  assert.match(result.stderr, /next runs \(Europe\/Paris time, as the platform runs them\)/);
  assert.match(result.stderr, /nightly-report "0 2 \* \* \*": \d{4}-\d\d-\d\d 02:00 \(0[01]:00 UTC\)/);
});

test('outputs reads the stack outputs without the engine touching the cloud: values on stdout, or as JSON', () => {
  const json = home.run(['outputs', '-f', manifest('order-api'), '--sandbox', '--json']);
  assert.equal(json.code, 0, json.stderr);
  const [stack] = parseJson<ResultDocument>(json.stdout).results;
  assert.deepEqual(Object.keys(stack?.outputs ?? {}).sort(), OUTPUT_NAMES);
  const container = Object.values(home.cloud().containers).find((c) => c.name === 'order-api');
  assert.equal(stack?.outputs?.containerId, `${container?.region}/${container?.id}`);

  const human = home.run(['outputs', '-f', manifest('order-api'), '--sandbox']);
  assert.equal(human.code, 0, human.stderr);
  assert.match(human.stdout, new RegExp(`^containerId: +${container?.region}/${container?.id}$`, 'm'));
  assert.match(human.stdout, /^url: +https:\/\/orderapi[0-9a-f]{8}-order-api\.functions\.fnc\.fr-par\.scw\.cloud$/m);
});

test('outputs of a manifest never deployed fails (exit 1) and says to apply first', () => {
  const result = home.run(['outputs', '-f', manifest('data-pipeline'), '--sandbox', '--json']);
  assert.equal(result.code, 1);
  const [stack] = parseJson<ResultDocument>(result.stdout).results;
  assert.equal(stack?.error?.code, 'stack-not-found');
  assert.match(stack?.error?.hint ?? '', /openmcf apply -f \S+data-pipeline\.yaml --sandbox/);
});
