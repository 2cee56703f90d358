// Typed manifests for program and target tests: the specification's defaults filled in, as the
// validation layer hands them over.
import type { ManifestMetadata, ScalewayServerlessContainerManifest, ScalewayServerlessContainerSpec } from '../../src/validation/spec-types.js';
import { SPEC_DEFAULTS } from '../../src/validation/defaults.js';

export const LABELS_OK = {
  'openmcf.org/provisioner': 'pulumi',
  'pulumi.openmcf.org/organization': 'my-org',
  'pulumi.openmcf.org/project': 'my-project',
  'pulumi.openmcf.org/stack.name': 'dev.ScalewayServerlessContainer.order-api',
} as const;

export function baseSpec(): ScalewayServerlessContainerSpec {
  return {
    ...SPEC_DEFAULTS,
    region: 'fr-par',
    image: { registryEndpoint: { value: 'rg.fr-par.scw.cloud/my-registry' }, name: 'order-api', tag: 'v1.4.0' },
    privacy: 'public',
    env: { variables: [], secrets: [] },
  };
}

export function manifest(spec: Partial<ScalewayServerlessContainerSpec> = {}, metadata: Partial<ManifestMetadata> = {}): ScalewayServerlessContainerManifest {
  return {
    apiVersion: 'scaleway.openmcf.org/v1',
    kind: 'ScalewayServerlessContainer',
    metadata: { ...metadata, name: metadata.name ?? 'order-api', labels: metadata.labels ?? { ...LABELS_OK } },
    spec: { ...baseSpec(), ...spec },
  };
}

/** Every optional field set, each to a value distinct from its default. */
export function fullManifest(): ScalewayServerlessContainerManifest {
  return manifest(
    {
      region: 'nl-ams',
      image: { registryEndpoint: { value: 'ghcr.io/my-org/' }, name: 'inference-service', tag: 'sha-7f3a2b1' },
      privacy: 'private',
      port: 50051,
      description: 'gRPC inference',
      memoryLimitMb: 2048,
      cpuLimit: 1120,
      minScale: 2,
      maxScale: 15,
      timeoutSeconds: 120,
      httpOption: 'redirected',
      protocol: 'h2c',
      commands: ['python', '-m', 'pipeline.main'],
      args: ['--workers', '4'],
      env: {
        variables: [
          { name: 'LOG_LEVEL', value: 'info' },
          { name: 'MODEL_CACHE_DIR', value: '/tmp/models' },
        ],
        secrets: [
          { name: 'DATABASE_URL', value: 'postgres://user:pass@db.example.com:5432/orders' },
          { name: 'API_KEY', value: 'sk-abc123secret' },
        ],
      },
      privateNetworkId: { value: '11111111-1111-1111-1111-111111111111' },
      sandbox: 'v1',
      healthCheck: { path: '/grpc.health.v1.Health/Check', failureThreshold: 3, intervalSeconds: 15 },
      scalingOption: { concurrentRequestsThreshold: 50 },
      localStorageLimitMb: 1024,
      deploy: false,
      registrySha256: 'sha256:abcdef1234567890',
      cronTriggers: [
        { name: 'hourly-sync', schedule: '0 * * * *', args: '{"task": "sync", "source": "s3://input-bucket"}' },
        { schedule: '0 2 * * *', args: '{ "format":"pdf", "task":"report" }' },
      ],
    },
    { name: 'inference-grpc', org: 'acme', env: 'prod', id: 'scwsc-01abc' },
  );
}
