import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BYTES_PER_MB,
  LIVENESS_DEFAULTS,
  canonicalJson,
  containerArgs,
  cronArgs,
  imageAddress,
  namespaceArgs,
  regionalPrivateNetworkId,
} from '../../src/program/container-args.js';
import { deployNotice } from '../../src/program/deploy-notice.js';
import { OpenmcfError } from '../../src/core/errors.js';
import { fullManifest, manifest } from './manifest-fixture.js';
import { resourceTags } from '../../src/program/tags.js';

/** fullManifest() sets metadata.org, env and id. */
const FULL_TAGS = [
  'planton-ai_resource=true',
  'planton-ai_name=inference-grpc',
  'planton-ai_kind=ScalewayServerlessContainer',
  'planton-ai_organization=acme',
  'planton-ai_environment=prod',
  'planton-ai_id=scwsc-01abc',
];

test('every spec field maps to its non-deprecated container argument', () => {
  assert.deepEqual(containerArgs(fullManifest()), {
    name: 'inference-grpc',
    region: 'nl-ams',
    image: 'ghcr.io/my-org/inference-service:sha-7f3a2b1',
    privacy: 'private',
    port: 50051,
    description: 'gRPC inference',
    memoryLimitBytes: 2_048_000_000,
    cpuLimit: 1120,
    minScale: 2,
    maxScale: 15,
    timeout: 120,
    httpsConnectionsOnly: true,
    protocol: 'h2c',
    commands: ['python', '-m', 'pipeline.main'],
    args: ['--workers', '4'],
    environmentVariables: { LOG_LEVEL: 'info', MODEL_CACHE_DIR: '/tmp/models' },
    secretEnvironmentVariables: { DATABASE_URL: 'postgres://user:pass@db.example.com:5432/orders', API_KEY: 'sk-abc123secret' },
    privateNetworkId: 'nl-ams/11111111-1111-1111-1111-111111111111',
    sandbox: 'v1',
    livenessProbe: { http: { path: '/grpc.health.v1.Health/Check' }, failureThreshold: 3, interval: '15s', timeout: '1s' },
    scalingOptions: [{ concurrentRequestsThreshold: 50 }],
    localStorageLimitBytes: 1_024_000_000,
    registrySha256: 'sha256:abcdef1234567890',
    tags: FULL_TAGS,
  });
});

test('defaults map to the documented values and unset optional fields are left out', () => {
  const args = containerArgs(manifest());
  assert.deepEqual(args, {
    name: 'order-api',
    region: 'fr-par',
    image: 'rg.fr-par.scw.cloud/my-registry/order-api:v1.4.0',
    privacy: 'public',
    port: 8080,
    memoryLimitBytes: 256 * BYTES_PER_MB,
    minScale: 0,
    maxScale: 20,
    timeout: 300,
    httpsConnectionsOnly: false,
    protocol: 'http1',
    tags: ['planton-ai_resource=true', 'planton-ai_name=order-api', 'planton-ai_kind=ScalewayServerlessContainer'],
  });
  // Deprecated arguments never appear.
  for (const deprecated of ['memoryLimit', 'localStorageLimit', 'httpOption', 'healthChecks', 'registryImage', 'deploy']) {
    assert.equal(deprecated in args, false, deprecated);
  }
});

test('a health check with only a path gets the platform defaults for the other probe settings', () => {
  const args = containerArgs(manifest({ healthCheck: { path: '/healthz' } }));
  assert.deepEqual(args.livenessProbe, {
    http: { path: '/healthz' },
    failureThreshold: LIVENESS_DEFAULTS.failureThreshold,
    interval: `${LIVENESS_DEFAULTS.intervalSeconds}s`,
    timeout: `${LIVENESS_DEFAULTS.timeoutSeconds}s`,
  });
  assert.equal(args.livenessProbe?.failureThreshold, 30);
  assert.equal(args.livenessProbe?.interval, '10s');
});

test('the scaling option carries exactly the one metric given', () => {
  assert.deepEqual(containerArgs(manifest({ minScale: 1, scalingOption: { cpuUsageThreshold: 70 } })).scalingOptions, [{ cpuUsageThreshold: 70 }]);
  assert.deepEqual(containerArgs(manifest({ minScale: 1, scalingOption: { memoryUsageThreshold: 80 } })).scalingOptions, [{ memoryUsageThreshold: 80 }]);
});

test('valueFrom fields are left for the program to fill from a stack reference', () => {
  const args = containerArgs(
    manifest({
      image: { registryEndpoint: { valueFrom: { name: 'my-registry' } }, name: 'order-api', tag: 'v1' },
      privateNetworkId: { valueFrom: { name: 'my-network' } },
    }),
  );
  assert.equal('image' in args, false);
  assert.equal('privateNetworkId' in args, false);
});

test('namespace is named after the manifest, in its region, described and tagged like the container', () => {
  assert.deepEqual(namespaceArgs(fullManifest()), { name: 'inference-grpc', region: 'nl-ams', description: 'gRPC inference', tags: FULL_TAGS });
  assert.equal('description' in namespaceArgs(manifest()), false, 'no description: none sent');
});

test("tags are the original module's key=value strings, in its order; org, env and id only when set", () => {
  assert.deepEqual(resourceTags({ name: 'my-api', labels: {} }), ['planton-ai_resource=true', 'planton-ai_name=my-api', 'planton-ai_kind=ScalewayServerlessContainer']);
  assert.deepEqual(resourceTags({ name: 'my-api', labels: {}, env: 'dev', org: '' }), [
    'planton-ai_resource=true',
    'planton-ai_name=my-api',
    'planton-ai_kind=ScalewayServerlessContainer',
    'planton-ai_environment=dev',
  ]);
  assert.deepEqual(namespaceArgs(fullManifest()).tags, containerArgs(fullManifest()).tags);
});

test('one cron per trigger: named by the trigger name or its index, args as canonical JSON', () => {
  assert.deepEqual(cronArgs(fullManifest()), [
    { resourceName: 'cron-hourly-sync', name: 'hourly-sync', schedule: '0 * * * *', args: '{"source":"s3://input-bucket","task":"sync"}', region: 'nl-ams' },
    { resourceName: 'cron-1', originalResourceName: 'cron-cron-1', name: 'cron-1', schedule: '0 2 * * *', args: '{"format":"pdf","task":"report"}', region: 'nl-ams' },
  ]);
  assert.deepEqual(cronArgs(manifest()), []);
});

test("an unnamed trigger keeps the original CLI's resource name as an alias, unless a named trigger has it", () => {
  const triggers = [
    { schedule: '@daily', args: '{}' },
    { name: 'cron-0', schedule: '@hourly', args: '{}' },
    { schedule: '@weekly', args: '{}' },
  ];
  const crons = cronArgs(manifest({ cronTriggers: triggers }));
  assert.deepEqual(
    crons.map((c) => [c.resourceName, c.originalResourceName]),
    [
      ['cron-0', undefined], // `cron-cron-0` is the named trigger's own resource
      ['cron-cron-0', undefined],
      ['cron-2', 'cron-cron-2'],
    ],
  );
});

test('canonical JSON sorts keys at every depth and passes non-JSON through', () => {
  assert.equal(canonicalJson('{"b": {"d": 1, "c": [ {"z": 1, "y": 2} ]}, "a": true}'), '{"a":true,"b":{"c":[{"y":2,"z":1}],"d":1}}');
  assert.equal(canonicalJson('not json'), 'not json');
});

test('image address joins endpoint, name and tag without doubling slashes', () => {
  assert.equal(imageAddress('rg.fr-par.scw.cloud/ns', { name: 'backend/api', tag: 'v1' }), 'rg.fr-par.scw.cloud/ns/backend/api:v1');
  assert.equal(imageAddress('docker.io/mycompany//', { name: 'app', tag: 'latest' }), 'docker.io/mycompany/app:latest');
});

test('private network ids are regional: a bare uuid gets the region, another region is refused', () => {
  const uuid = '11111111-1111-1111-1111-111111111111';
  assert.equal(regionalPrivateNetworkId(uuid, 'pl-waw', 'spec.privateNetworkId'), `pl-waw/${uuid}`);
  assert.equal(regionalPrivateNetworkId(`pl-waw/${uuid}`, 'pl-waw', 'spec.privateNetworkId'), `pl-waw/${uuid}`);
  assert.throws(
    () => regionalPrivateNetworkId(`fr-par/${uuid}`, 'nl-ams', 'spec.privateNetworkId'),
    (error: unknown) => error instanceof OpenmcfError && error.exitCode === 3 && /fr-par.*nl-ams/.test(error.message),
  );
});

test('deploy: false earns a notice that it has no effect; the default does not', () => {
  assert.equal(deployNotice({ deploy: true }), undefined);
  const notice = deployNotice({ deploy: false });
  assert.ok(notice);
  assert.match(notice, /no effect/);
  assert.match(notice, /will be deployed/);
});
