import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settlePendingCreates } from '../../src/engine/pending-creates.js';
import { stackStateOf, stateFingerprint } from '../../src/engine/stack-state.js';

const NS = 'urn:pulumi:s::p::scaleway:containers/namespace:Namespace::namespace';
const CT = 'urn:pulumi:s::p::scaleway:containers/container:Container::container';
const container = { urn: CT, type: 'scaleway:containers/container:Container', custom: true, inputs: { name: 'my-api', region: 'fr-par' }, dependencies: [NS] };

test('a pending create the cloud has becomes a resource with its id; one it lacks is dropped; other operations stay', () => {
  const exported = {
    version: 3,
    deployment: {
      manifest: { time: 't' },
      resources: [{ urn: NS, type: 'scaleway:containers/namespace:Namespace', id: 'fr-par/n' }],
      pending_operations: [
        { type: 'creating', resource: container },
        { type: 'creating', resource: { ...container, urn: `${CT}-gone` } },
        { type: 'updating', resource: { urn: NS, type: 'scaleway:containers/namespace:Namespace' } },
      ],
    },
  };
  const settled = settlePendingCreates(exported, [
    { urn: CT, type: container.type, name: 'container', resource: container, cloudId: 'fr-par/c-1' },
    { urn: `${CT}-gone`, type: container.type, name: 'container-gone', resource: container },
  ]);
  const { resources, pending_operations: pending, manifest } = settled.deployment as { resources: Array<Record<string, unknown>>; pending_operations: Array<{ type: string }>; manifest: unknown };
  assert.deepEqual(resources.map((r) => [r.urn, r.id]), [[NS, 'fr-par/n'], [CT, 'fr-par/c-1']]);
  assert.deepEqual(resources[1]!.dependencies, [NS], 'kept as the create recorded it');
  assert.equal((resources[1]!.outputs as Record<string, unknown>).id, 'fr-par/c-1');
  assert.deepEqual(pending.map((op) => op.type), ['updating']);
  assert.deepEqual(manifest, { time: 't' });
  assert.equal((exported.deployment.pending_operations as unknown[]).length, 3, 'the export itself is not changed');
});

test('the state fingerprint ignores the checkpoint header and sees any resource change', () => {
  const base = { manifest: { time: 'a' }, resources: [{ urn: CT, type: container.type, outputs: { port: 8080 } }] };
  const same = stateFingerprint(stackStateOf({ ...base, manifest: { time: 'b' } }));
  assert.equal(stateFingerprint(stackStateOf(base)), same);
  assert.notEqual(stateFingerprint(stackStateOf({ ...base, resources: [{ urn: CT, type: container.type, outputs: { port: 7000 } }] })), same);
  assert.notEqual(stateFingerprint(stackStateOf({ ...base, pending_operations: [{ type: 'creating', resource: container }] })), same);
});
