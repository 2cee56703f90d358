import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadManifests } from '../../src/validation/load-manifests.js';
import { parseDocuments } from '../../src/manifest/parse.js';
import { normaliseProtoNames, protoName } from '../../src/validation/proto-names.js';

const LABELS = `  labels:
    pulumi.openmcf.org/organization: my-org
    pulumi.openmcf.org/project: my-project
    pulumi.openmcf.org/stack.name: dev.ScalewayServerlessContainer.my-api
`;

/** One manifest in the given spelling of every field (the same values). */
function manifestText(spell: (jsonName: string) => string): string {
  const k = spell;
  return `${k('apiVersion')}: scaleway.openmcf.org/v1
kind: ScalewayServerlessContainer
metadata:
  name: my-api
${LABELS}spec:
  region: fr-par
  image:
    ${k('registryEndpoint')}:
      ${k('valueFrom')}:
        kind: ScalewayContainerRegistry
        name: main-registry
        ${k('fieldPath')}: status.outputs.endpoint
    name: my-api
    tag: v1
  privacy: private
  ${k('memoryLimitMb')}: 512
  ${k('minScale')}: 1
  ${k('registrySha256')}: abc
  ${k('privateNetworkId')}:
    value: fr-par/11111111-1111-1111-1111-111111111111
  ${k('healthCheck')}:
    path: /healthz
    ${k('failureThreshold')}: 2
  ${k('scalingOption')}:
    ${k('cpuUsageThreshold')}: 60
  ${k('cronTriggers')}:
    - schedule: "@daily"
      args: '{}'
`;
}

test('proto names are the JSON names in snake_case, digits staying with their word', () => {
  assert.equal(protoName('memoryLimitMb'), 'memory_limit_mb');
  assert.equal(protoName('registrySha256'), 'registry_sha256');
  assert.equal(protoName('concurrentRequestsThreshold'), 'concurrent_requests_threshold');
  assert.equal(protoName('apiVersion'), 'api_version');
  assert.equal(protoName('name'), 'name');
});

test('a manifest written with proto names loads to exactly the manifest written with JSON names', async () => {
  const snake = await loadManifests({ files: ['-'], variables: {}, readStdin: async () => manifestText(protoName) });
  const camel = await loadManifests({ files: ['-'], variables: {}, readStdin: async () => manifestText((name) => name) });
  assert.deepEqual(snake.diagnostics, []);
  assert.deepEqual(camel.diagnostics, []);
  assert.deepEqual(snake.manifests[0]?.manifest, camel.manifests[0]?.manifest);
  assert.equal(snake.manifests[0]?.manifest.spec.memoryLimitMb, 512);
});

test('renamed keys keep their source position: a later error points at the key the user wrote', async () => {
  const text = manifestText(protoName).replace('memory_limit_mb: 512', 'memory_limit_mb: 64');
  const { diagnostics } = await loadManifests({ files: ['-'], variables: {}, readStdin: async () => text });
  const line = text.split('\n').findIndex((l) => l.includes('memory_limit_mb')) + 1;
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.path, d.line, d.column]),
    [['schema.minimum', 'spec.memoryLimitMb', line, 20]],
  );
});

test('${VAR} and --set reach a field written with its proto name', async () => {
  const text = manifestText(protoName).replace('min_scale: 1', 'min_scale: ${MIN}');
  const result = await loadManifests({ files: ['-'], variables: { MIN: '2' }, sets: ['spec.memory_limit_mb=1024'], readStdin: async () => text });
  assert.deepEqual(result.diagnostics, []);
  assert.equal(result.manifests[0]?.manifest.spec.minScale, 2, 'the substituted value is typed by the schema as an integer');
  assert.equal(result.manifests[0]?.manifest.spec.memoryLimitMb, 1024);
});

test('privacy given by its proto enum names reads as public and private, also when substituted', async () => {
  for (const [written, read] of [
    ['privacy_public', 'public'],
    ['privacy_private', 'private'],
    ['${P}', 'private'],
  ] as const) {
    const text = manifestText((n) => n).replace('privacy: private', `privacy: ${written}`);
    const result = await loadManifests({ files: ['-'], variables: { P: 'privacy_private' }, readStdin: async () => text });
    assert.deepEqual(result.diagnostics, [], written);
    assert.equal(result.manifests[0]?.manifest.spec.privacy, read, written);
  }
});

test('keys of free maps (labels, annotations) are never renamed, and merge keys are followed', () => {
  const text = `apiVersion: v
metadata:
  labels: {pulumi_org: a}
  annotations: {field_path: b}
base: &base
  memory_limit_mb: 1
spec:
  <<: *base
  min_scale: 1
`;
  const [doc] = parseDocuments({ file: 'm.yaml', text }).documents;
  assert.ok(doc);
  assert.deepEqual(normaliseProtoNames(doc), []);
  const data = doc.document.toJS() as { metadata: Record<string, unknown>; spec: Record<string, unknown>; base: Record<string, unknown> };
  assert.deepEqual(data.metadata, { labels: { pulumi_org: 'a' }, annotations: { field_path: 'b' } });
  assert.deepEqual(data.spec, { memoryLimitMb: 1, minScale: 1 });
});
