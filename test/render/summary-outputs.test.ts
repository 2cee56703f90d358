import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Chalk } from 'chalk';
import { changeSummaryText } from '../../src/render/summary.js';
import { outputValues, renderOutputChanges, renderOutputs } from '../../src/render/output-lines.js';
import { outputChanges } from '../../src/engine/run-operation.js';

const plain = new Chalk({ level: 0 });

test('summaries leave out zero counts and read in the right tense', () => {
  assert.equal(changeSummaryText(plain, { create: 3, update: 0, replace: 1, delete: 0, same: 2 }, 'planned'), '3 to create, 1 to replace, 2 unchanged');
  assert.equal(changeSummaryText(plain, { create: 0, update: 1, replace: 0, delete: 0, same: 0 }, 'done'), '1 updated');
  assert.equal(changeSummaryText(plain, { create: 0, update: 0, replace: 0, delete: 0, same: 3 }, 'done'), 'no changes (3 unchanged)');
});

test('secret outputs are masked unless asked for', () => {
  const outputs = { url: { value: 'https://x', secret: false }, token: { value: 'tok-123', secret: true } };
  assert.deepEqual(outputValues(outputs, false), { token: '[secret]', url: 'https://x' });
  assert.deepEqual(outputValues(outputs, true), { token: 'tok-123', url: 'https://x' });
  assert.deepEqual(renderOutputs(outputs, false), ['  url:   https://x', '  token: [secret]']);
});

test('human output lists the container outputs in reading order and leaves out empty ones', () => {
  const value = (v: string) => ({ value: v, secret: false });
  const outputs = {
    url: value('https://a'),
    status: value('ready'),
    errorMessage: value(''),
    namespaceId: value('fr-par/n'),
    domainName: value('a'),
    containerId: value('fr-par/c'),
  };
  assert.deepEqual(
    renderOutputs(outputs, false).map((line) => line.trim().split(':')[0]),
    ['containerId', 'namespaceId', 'domainName', 'url', 'status'],
  );
});

test('output changes list new, changed and removed outputs, and none for a new stack', () => {
  const changes = outputChanges({ container_id: 'fr-par/1', url: 'https://a', status: 'ready' }, { containerId: 'fr-par/1', url: 'https://b', status: 'ready' });
  assert.deepEqual(changes, [
    { name: 'containerId', new: 'fr-par/1' },
    { name: 'container_id', old: 'fr-par/1' },
    { name: 'url', old: 'https://a', new: 'https://b' },
  ]);
  assert.deepEqual(renderOutputChanges(plain, changes, 'done'), [
    '  outputs that changed:',
    '    containerId: (none) -> fr-par/1',
    '    container_id: fr-par/1 -> (removed)',
    '    url: https://a -> https://b',
  ]);
  assert.deepEqual(outputChanges({}, { url: 'https://a' }), []);
  assert.deepEqual(outputChanges(undefined, { url: 'https://a' }), []);
});
