// Issue 9.6: every resource has a name fixed by the manifest and the platform refuses a second one
// of that name (409 "already exists"), so replacements must delete the old resource first. Through
// the built binary, on the real engine, the real provider and the local API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome, manifest, parseJson } from '../e2e/cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-replace-');
const pipeline = manifest('data-pipeline');

test('set-up: the data pipeline (namespace, container, two crons) is applied', () => {
  const result = home.run(['apply', '-f', pipeline, '--sandbox', '--yes']);
  assert.equal(result.code, 0, result.stderr);
});

test('--replace container deletes the old container first and ends with one container, its crons moved over', () => {
  const before = Object.values(home.cloud().containers)[0]!;
  const preview = home.run(['preview', '-f', pipeline, '--sandbox', '--replace', 'container']);
  assert.equal(preview.code, 0, preview.stderr);
  assert.match(preview.stdout, /\+- REPLACE +container \(deleted first, then created again\)/);
  // The engine plans the two crons in either order.
  assert.match(
    preview.stdout,
    /! 3 resources are REPLACED delete-first \(their names are fixed.*\): container, cron trigger (hourly-sync|nightly-report), cron trigger (hourly-sync|nightly-report)\n/,
  );

  const result = home.run(['apply', '-f', pipeline, '--sandbox', '--yes', '--replace', 'container']);
  assert.equal(result.code, 0, result.stderr);
  assert.doesNotMatch(result.stdout + result.stderr, /409 Conflict|already exists/);
  const cloud = home.cloud();
  const containers = Object.values(cloud.containers);
  assert.equal(containers.length, 1, 'the old container is gone, the new one is there');
  assert.notEqual(containers[0]!.id, before.id);
  assert.deepEqual(
    Object.values(cloud.triggers).map((t) => t.container_id),
    [containers[0]!.id, containers[0]!.id],
  );
});

test('--replace namespace replaces the namespace and everything in it, delete-first, in --json too', () => {
  const before = Object.values(home.cloud().namespaces)[0]!;
  const preview = home.run(['preview', '-f', pipeline, '--sandbox', '--replace', 'namespace', '--json']);
  assert.equal(preview.code, 0, preview.stderr);
  const planned = parseJson<ResultDocument>(preview.stdout).results[0]!.resources;
  assert.deepEqual(planned.map((r) => [r.name, r.change, r.deleteFirst]).sort(), [
    ['container', 'replace', true],
    ['cron-hourly-sync', 'replace', true],
    ['cron-nightly-report', 'replace', true],
    ['namespace', 'replace', true],
  ]);

  const result = home.run(['apply', '-f', pipeline, '--sandbox', '--yes', '--replace', 'namespace']);
  assert.equal(result.code, 0, result.stderr);
  const cloud = home.cloud();
  assert.equal(Object.keys(cloud.namespaces).length, 1);
  assert.notEqual(Object.values(cloud.namespaces)[0]!.id, before.id);
  assert.equal(Object.keys(cloud.containers).length, 1);
  assert.equal(Object.keys(cloud.triggers).length, 2);
});

test('a replacement caused by a change (a rename) is delete-first too, and converges', () => {
  const rename = ['--set', 'metadata.name=pipeline-two'];
  const preview = home.run(['preview', '-f', pipeline, '--sandbox', ...rename]);
  assert.equal(preview.code, 0, preview.stderr);
  assert.match(preview.stdout, /\+- REPLACE +namespace \(replaced because metadata\.name changed\) \(deleted first, then created again\)/);
  const result = home.run(['apply', '-f', pipeline, '--sandbox', '--yes', ...rename]);
  assert.equal(result.code, 0, result.stderr);
  const cloud = home.cloud();
  assert.deepEqual(
    Object.values(cloud.namespaces).map((n) => n.name),
    ['pipeline-two'],
  );
  assert.deepEqual(
    Object.values(cloud.containers).map((c) => c.name),
    ['pipeline-two'],
  );
  const again = home.run(['preview', '-f', pipeline, '--sandbox', '--detailed-exitcode', ...rename]);
  assert.equal(again.code, 0, again.stderr);
});
