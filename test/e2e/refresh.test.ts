// refresh through the built binary: drift made in the simulated cloud is read back and shown
// property by property, and the next preview offers to undo it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { updateCloud } from '../../src/sandbox/store.js';
import { CloudHome, manifest, parseJson } from './cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-refresh-');

test('a stack never deployed has nothing to refresh', () => {
  const result = home.run(['refresh', '-f', manifest('my-api'), '--sandbox']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /does not exist; nothing to refresh/);
});

test('refresh records drift and shows each changed property; preview then plans to undo it', async () => {
  assert.equal(home.run(['apply', '-f', manifest('my-api'), '--sandbox', '--yes']).code, 0);
  await updateCloud(home.storeDir, (cloud) => {
    Object.values(cloud.containers)[0]!.max_scale = 3;
  });

  const refreshed = home.run(['refresh', '-f', manifest('my-api'), '--sandbox', '--json']);
  assert.equal(refreshed.code, 0, refreshed.stderr);
  assert.match(refreshed.stderr, /Drift in my-api/);
  assert.match(refreshed.stderr, /~ spec\.maxScale: 20 -> 3/);
  const [stack] = parseJson<ResultDocument>(refreshed.stdout).results;
  assert.equal(stack?.status, 'succeeded');
  assert.equal(stack?.changes.update, 1);

  const previewed = home.run(['preview', '-f', manifest('my-api'), '--sandbox', '--detailed-exitcode']);
  assert.equal(previewed.code, 2, previewed.stderr);
  assert.match(previewed.stdout, /~ spec\.maxScale: 3 -> 20/);
});
