import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffValues, parsePropertyPath, propertyChanges, valueAtPath } from '../../src/engine/property-changes.js';
import type { DiffKind } from '@pulumi/pulumi/automation/index.js';
import { CONTAINER, NAMESPACE, state, step } from './fixtures.js';

test('property paths: dots, indexes and quoted keys', () => {
  assert.deepEqual(parsePropertyPath('a.b[0]["c.d"].e'), ['a', 'b', 0, 'c.d', 'e']);
  assert.equal(valueAtPath({ env: { 'A.B': 'x' } }, 'env["A.B"]'), 'x');
  assert.equal(valueAtPath({ list: [{ p: 3 }] }, 'list[0].p'), 3);
  assert.equal(valueAtPath({}, 'missing.deep'), undefined);
});

test('structural diff reaches the changed leaves and ignores internal keys', () => {
  const changes = diffValues(
    { image: 'a:1', env: { A: '1', B: '2' }, __defaults: ['x'], args: ['--x'] },
    { image: 'a:2', env: { A: '1', C: '3' }, __defaults: [], args: ['--x', '--y'] },
  );
  assert.deepEqual(changes, [
    { path: 'args', kind: 'update', old: ['--x'], new: ['--x', '--y'] },
    { path: 'env.B', kind: 'delete', old: '2' },
    { path: 'env.C', kind: 'add', new: '3' },
    { path: 'image', kind: 'update', old: 'a:1', new: 'a:2' },
  ]);
});

test('without a detailed diff, replace keys mark the properties that force the replacement', () => {
  const changes = propertyChanges(
    step('replace', NAMESPACE, 'my-api', { old: state({ name: 'my-api', region: 'fr-par' }), new: state({ name: 'my-api-2', region: 'fr-par' }), keys: ['name'] }),
  );
  assert.deepEqual(changes, [{ path: 'name', kind: 'update', old: 'my-api', new: 'my-api-2', replaces: true }]);
});

test('a detailed diff is used as the provider reports it; old values from outputs unless inputDiff', () => {
  const changes = propertyChanges(
    step('update', CONTAINER, 'my-api', {
      old: state({ port: 8080, image: 'i:1' }, { port: 8080, image: 'i:1', minScale: 0 }),
      new: state({ port: 9000, image: 'i:1' }),
      detailedDiff: {
        port: { diffKind: 'update' as DiffKind, inputDiff: true },
        minScale: { diffKind: 'delete' as DiffKind, inputDiff: false },
        name: { diffKind: 'update-replace' as DiffKind, inputDiff: false },
      },
    }),
  );
  assert.deepEqual(changes, [
    { path: 'minScale', kind: 'delete', replaces: false, old: 0 },
    { path: 'name', kind: 'update', replaces: true, old: undefined, new: undefined },
    { path: 'port', kind: 'update', replaces: false, old: 8080, new: 9000 },
  ]);
});

test('a create lists its inputs; same, delete and refresh list nothing', () => {
  const created = propertyChanges(step('create', CONTAINER, 'my-api', { new: state({ port: 8080, image: 'i:1', __defaults: [] }) }));
  assert.deepEqual(
    created.map((c) => [c.path, c.new]),
    [
      ['image', 'i:1'],
      ['port', 8080],
    ],
  );
  // The bridge's bookkeeping nested in a value is not shown either.
  const nested = propertyChanges(step('create', CONTAINER, 'my-api', { new: state({ scalingOptions: [{ __defaults: [], concurrentRequestsThreshold: 40 }] }) }));
  assert.deepEqual(
    nested.map((c) => [c.path, c.new]),
    [['scalingOptions', [{ concurrentRequestsThreshold: 40 }]]],
  );
  assert.deepEqual(propertyChanges(step('same', CONTAINER, 'my-api', { old: state({ a: 1 }), new: state({ a: 2 }) })), []);
  assert.deepEqual(propertyChanges(step('delete', CONTAINER, 'my-api', { old: state({ a: 1 }) })), []);
});
