// The reverse of container-args.ts: provider arguments back to manifest fields, value by value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestChanges, resourceManifestChanges } from '../../src/render/manifest-terms.js';
import { UNKNOWN_VALUE } from '../../src/engine/property-changes.js';
import { containerArgs, namespaceArgs } from '../../src/program/container-args.js';
import type { PropertyChange } from '../../src/engine/events.js';
import { fullManifest } from '../program/manifest-fixture.js';

const container = { urn: 'urn:pulumi:s::p::scaleway:containers/container:Container::container', type: 'scaleway:containers/container:Container', name: 'container' };
const namespace = { urn: 'urn:pulumi:s::p::scaleway:containers/namespace:Namespace::namespace', type: 'scaleway:containers/namespace:Namespace', name: 'namespace' };
const cron = { urn: 'urn:pulumi:s::p::scaleway:containers/cron:Cron::cron-hourly', type: 'scaleway:containers/cron:Cron', name: 'cron-hourly' };

const update = (path: string, old: unknown, value: unknown, replaces = false): PropertyChange => ({ path, kind: 'update', replaces, old, new: value });

test("units and names are the manifest's, with the provider argument beside them where it differs", () => {
  assert.deepEqual(manifestChanges(container, update('memoryLimitBytes', 2_048_000_000, 4_096_000_000)), [
    { path: 'spec.memoryLimitMb', providerPath: 'memoryLimitBytes', kind: 'update', replaces: false, old: 2048, new: 4096, secret: false },
  ]);
  assert.deepEqual(manifestChanges(container, update('httpsConnectionsOnly', false, true)), [
    { path: 'spec.httpOption', providerPath: 'httpsConnectionsOnly', kind: 'update', replaces: false, old: 'enabled', new: 'redirected', secret: false },
  ]);
  assert.deepEqual(
    manifestChanges(container, update('timeout', 300, 60)).map((c) => [c.path, c.providerPath, c.old, c.new]),
    [['spec.timeoutSeconds', 'timeout', 300, 60]],
  );
  assert.deepEqual(manifestChanges(container, update('port', 8080, 9000)), [{ path: 'spec.port', kind: 'update', replaces: false, old: 8080, new: 9000, secret: false }]);
  assert.deepEqual(
    manifestChanges(container, update('name', 'a', 'b', true)).map((c) => [c.path, c.replaces]),
    [['metadata.name', true]],
  );
  assert.deepEqual(
    manifestChanges(namespace, update('region', 'fr-par', 'nl-ams', true)).map((c) => c.path),
    ['spec.region'],
  );
  assert.deepEqual(
    manifestChanges(namespace, update('description', 'a', 'b')).map((c) => c.path),
    ['spec.description'],
  );
  // A stack the original OpenMCF CLI created has `deploy: true`, which openmcf no longer sends.
  assert.deepEqual(
    manifestChanges(container, { path: 'deploy', kind: 'delete', replaces: false, old: true }).map((c) => [c.path, c.kind, c.old]),
    [['spec.deploy', 'delete', true]],
  );
});

test('every argument namespaceArgs produces maps back to a manifest field, tags aside', () => {
  const created = resourceManifestChanges(
    namespace,
    Object.entries(namespaceArgs(fullManifest())).map(([path, value]) => ({ path, kind: 'add' as const, replaces: false, new: value })),
  );
  assert.deepEqual(
    created.filter((c) => !c.path.startsWith('spec.') && !c.path.startsWith('metadata.')).map((c) => c.path),
    ['tags'],
  );
});

test('environment maps entry by entry: added, removed and changed variables each named', () => {
  const changes = manifestChanges(container, update('environmentVariables', { LOG_LEVEL: 'info', OLD: 'x', SAME: '1' }, { LOG_LEVEL: 'debug', NEW: 'y', SAME: '1' }));
  assert.deepEqual(
    changes.map((c) => [c.path, c.kind, c.old, c.new]),
    [
      ['spec.env.variables.LOG_LEVEL', 'update', 'info', 'debug'],
      ['spec.env.variables.NEW', 'add', undefined, 'y'],
      ['spec.env.variables.OLD', 'delete', 'x', undefined],
    ],
  );
  // A whole map added (none before) is its entries.
  assert.deepEqual(
    manifestChanges(container, { path: 'environmentVariables', kind: 'add', replaces: false, new: { A: '1' } }).map((c) => [c.path, c.kind, c.new]),
    [['spec.env.variables.A', 'add', '1']],
  );
  // The real provider's detailed diff names the entry itself; odd names are quoted.
  assert.deepEqual(
    manifestChanges(container, update('environmentVariables["a.b"]', '1', '2')).map((c) => c.path),
    ['spec.env.variables["a.b"]'],
  );
});

test('secrets: which one changed, never a value', () => {
  const entry = manifestChanges(container, update('secretEnvironmentVariables.API_KEY', '[secret]', '[secret]'));
  assert.deepEqual(entry, [{ path: 'spec.env.secrets.API_KEY', kind: 'update', replaces: false, secret: true }]);
  const whole = manifestChanges(container, update('secretEnvironmentVariables', '[secret]', '[secret]'));
  assert.deepEqual(
    whole.map((c) => [c.path, c.secret, 'old' in c, 'new' in c]),
    [['spec.env.secrets', true, false, false]],
  );
  // Even if a plaintext value reached here, it would not be carried on.
  const plain = manifestChanges(container, update('secretEnvironmentVariables', { DB: 'plain-old' }, { DB: 'plain-new' }));
  assert.equal(JSON.stringify(plain).includes('plain-'), false);
});

test('an image change names the part that changed', () => {
  assert.deepEqual(manifestChanges(container, update('image', 'rg.fr-par.scw.cloud/reg/my-api:v1', 'rg.fr-par.scw.cloud/reg/my-api:v2')), [
    { path: 'spec.image.tag', providerPath: 'image', kind: 'update', replaces: false, old: 'v1', new: 'v2', secret: false },
  ]);
  assert.deepEqual(
    manifestChanges(container, update('image', 'rg.fr-par.scw.cloud/a/x:v1', 'rg.nl-ams.scw.cloud/b/y:v1')).map((c) => c.path),
    ['spec.image.registryEndpoint.value', 'spec.image.name'],
  );
  assert.deepEqual(
    manifestChanges(container, update('image', 'weird', 'other')).map((c) => [c.path, c.old, c.new]),
    [['spec.image', 'weird', 'other']],
  );
});

test('health check, scaling option, lists and cron triggers map to their fields', () => {
  const probe = resourceManifestChanges(container, [
    update(
      'livenessProbe',
      { http: { path: '/a' }, failureThreshold: 30, interval: '10s', timeout: '1s' },
      { http: { path: '/b' }, failureThreshold: 5, interval: '20s', timeout: '1s' },
    ),
  ]);
  assert.deepEqual(
    probe.map((c) => [c.path, c.old, c.new]),
    [
      ['spec.healthCheck.failureThreshold', 30, 5],
      ['spec.healthCheck.intervalSeconds', 10, 20],
      ['spec.healthCheck.path', '/a', '/b'],
    ],
  );
  assert.deepEqual(
    manifestChanges(container, update('scalingOptions', [{ cpuUsageThreshold: 50 }], [{ cpuUsageThreshold: 70 }])).map((c) => [c.path, c.old, c.new]),
    [['spec.scalingOption.cpuUsageThreshold', 50, 70]],
  );
  assert.deepEqual(
    manifestChanges(container, update('args', ['a', 'b'], ['a', 'c'])).map((c) => [c.path, c.old, c.new]),
    [['spec.args[1]', 'b', 'c']],
  );
  assert.deepEqual(
    manifestChanges(container, update('args', ['a'], ['a', 'c'])).map((c) => c.path),
    ['spec.args'],
  );
  assert.deepEqual(
    manifestChanges(cron, update('schedule', '0 * * * *', '*/5 * * * *')).map((c) => c.path),
    ['spec.cronTriggers.hourly.schedule'],
  );
});

test("arguments not in the mapping keep the provider's name and value", () => {
  assert.deepEqual(manifestChanges(container, update('status', 'pending', 'ready')), [
    { path: 'status', kind: 'update', replaces: false, old: 'pending', new: 'ready', secret: false },
  ]);
  assert.deepEqual(
    manifestChanges(container, update('livenessProbe.timeout', '1s', '2s')).map((c) => c.path),
    ['livenessProbe.timeout'],
  );
  const other = { urn: 'u', type: 'random:index/randomId:RandomId', name: 'r' };
  assert.deepEqual(
    manifestChanges(other, update('byteLength', 4, 8)).map((c) => [c.path, c.old, c.new]),
    [['byteLength', 4, 8]],
  );
});

test('unknown values stay unknown, not converted', () => {
  assert.deepEqual(
    manifestChanges(container, update('memoryLimitBytes', 256_000_000, UNKNOWN_VALUE)).map((c) => c.new),
    [UNKNOWN_VALUE],
  );
});

test('every argument container-args.ts produces maps back to a manifest field', () => {
  const args = containerArgs(fullManifest());
  const created = resourceManifestChanges(
    container,
    Object.entries(args).map(([path, value]) => ({ path, kind: 'add' as const, replaces: false, new: value })),
  );
  const unmapped = created.filter((c) => !c.path.startsWith('spec.') && !c.path.startsWith('metadata.'));
  // The probe's timeout has no manifest field (the platform's default is used); the tags are made
  // from several metadata fields (the original CLI's key=value tags), so they keep their own name.
  assert.deepEqual(
    unmapped.map((c) => c.path),
    ['livenessProbe.timeout', 'tags'],
  );
});
