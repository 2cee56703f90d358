// The order of one run's stacks when manifests read each other through valueFrom: the reader after
// the stack it reads, the rest as given; a cycle is invalid input naming each valueFrom.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dependencyOrder, readWithinRun, runDependencies, type OrderedStack } from '../../src/program/value-from-order.js';
import { resolveStackTarget } from '../../src/stack/stack-target.js';
import type { LoadedManifest } from '../../src/validation/load-manifests.js';
import { manifest, LABELS_OK } from './manifest-fixture.js';
import { inputError } from '../helpers/input-error.js';

const BACKEND = { url: 'file:///tmp/state', kind: 'file' as const };

/** A manifest named `name`; with `reads`, its image endpoint reads that container's domainName. */
function stack(name: string, reads?: string, line = 10): OrderedStack {
  const registryEndpoint =
    reads === undefined ? { value: 'rg.fr-par.scw.cloud/team' } : { valueFrom: { kind: 'ScalewayServerlessContainer', name: reads, fieldPath: 'status.outputs.domainName' } };
  const m = manifest(
    { image: { registryEndpoint, name, tag: 'v1' } },
    { name, labels: { ...LABELS_OK, 'pulumi.openmcf.org/stack.name': `dev.ScalewayServerlessContainer.${name}` } },
  );
  const loaded: LoadedManifest = {
    origin: { file: `${name}.yaml`, line: 1, column: 1, documentIndex: 0 },
    manifest: m,
    secretValues: [],
    ignoredFields: [],
    ...(reads !== undefined ? { valueFromPositions: { 'spec.image.registryEndpoint': { file: `${name}.yaml`, line, column: 7 } } } : {}),
  };
  return { loaded, target: resolveStackTarget(m, { backend: BACKEND, sandbox: false }) };
}

test('a reader runs after the stack it reads; the others keep their order', () => {
  const stacks = [stack('frontend', 'backend'), stack('other'), stack('backend')];
  assert.deepEqual(runDependencies(stacks), [[2], [], []]);
  assert.deepEqual(dependencyOrder(stacks), [1, 2, 0]);
  assert.deepEqual([...readWithinRun(stacks)], ['organization/my-project/dev.ScalewayServerlessContainer.backend']);
});

test('chains are ordered through: c reads b reads a', () => {
  assert.deepEqual(dependencyOrder([stack('c', 'b'), stack('b', 'a'), stack('a')]), [2, 1, 0]);
});

test('a reference to a stack outside the run orders nothing', () => {
  const stacks = [stack('frontend', 'elsewhere'), stack('backend')];
  assert.deepEqual(runDependencies(stacks), [[], []]);
  assert.deepEqual(dependencyOrder(stacks), [0, 1]);
  assert.equal(readWithinRun(stacks).size, 0);
});

test('a cycle is invalid input naming each valueFrom at its file, line and column', () => {
  assert.throws(
    () => dependencyOrder([stack('a', 'b', 12), stack('b', 'a', 14), stack('c')]),
    inputError('value-from-cycle', /a\.yaml:12:7: a reads stack my-org\/my-project\/dev\.ScalewayServerlessContainer\.b \(b\)/, (error) => {
      assert.match(error.message, /b\.yaml:14:7: b reads stack my-org\/my-project\/dev\.ScalewayServerlessContainer\.a \(a\)/);
      assert.doesNotMatch(error.message, /c\.yaml/);
    }),
  );
});
