// Container inputs (the SDK's camelCase names, deprecated twins included) -> the API request, and
// the API record -> the resource's outputs. Inputs the Terraform schema marks Computed keep the
// cloud's value when left out (the API's defaults on create); the others are cleared.
import type { ContainerRecord, LivenessProbeRecord, ScalingOptionRecord } from '../store.js';
import { hashSecrets, type ContainerRequest } from './api.js';
import { keptSecrets } from './secrets.js';
import { compact, deepEqual, num, reveal, str, stringList, stringMap, type Props } from './wire.js';

/** What the API fills on create (reference: "Defaults the API fills on create"). */
export const API_DEFAULTS = {
  port: 8080,
  minScale: 0,
  maxScale: 5,
  memoryLimitBytes: 2_048_000_000,
  cpuLimit: 1000,
  timeout: 300,
  sandbox: 'v2',
  localStorageLimitBytes: 1_000_000_000,
  httpsConnectionsOnly: false,
  environmentVariables: {} as Record<string, string>,
  scalingOption: { concurrentRequestsThreshold: 50 } as ScalingOptionRecord,
  livenessProbe: { failureThreshold: 30, interval: '10s', timeout: '1s', tcp: true } as LivenessProbeRecord,
  image: '',
} as const;

type Base = Pick<ContainerRecord, keyof typeof API_DEFAULTS>;

const MB = 1_000_000;

export function containerRequest(inputs: Props, location: { region: string; namespaceId: string }, base: Base = API_DEFAULTS): ContainerRequest {
  const v = reveal(inputs) as Props;
  const httpOption = str(v.httpOption);
  const memoryMb = num(v.memoryLimit);
  const storageMb = num(v.localStorageLimit);
  return {
    region: location.region,
    namespaceId: location.namespaceId,
    name: str(v.name) ?? '',
    description: str(v.description) ?? '',
    image: str(v.image) ?? str(v.registryImage) ?? base.image,
    port: num(v.port) ?? base.port,
    privacy: str(v.privacy) ?? 'public',
    protocol: str(v.protocol) ?? 'http1',
    minScale: num(v.minScale) ?? base.minScale,
    maxScale: num(v.maxScale) ?? base.maxScale,
    memoryLimitBytes: num(v.memoryLimitBytes) ?? (memoryMb !== undefined ? memoryMb * MB : base.memoryLimitBytes),
    cpuLimit: num(v.cpuLimit) ?? base.cpuLimit,
    timeout: num(v.timeout) ?? base.timeout,
    sandbox: str(v.sandbox) ?? base.sandbox,
    localStorageLimitBytes: num(v.localStorageLimitBytes) ?? (storageMb !== undefined ? storageMb * MB : base.localStorageLimitBytes),
    httpsConnectionsOnly: typeof v.httpsConnectionsOnly === 'boolean' ? v.httpsConnectionsOnly : httpOption !== undefined ? httpOption === 'redirected' : base.httpsConnectionsOnly,
    commands: stringList(v.commands),
    args: stringList(v.args),
    environmentVariables: v.environmentVariables === undefined ? base.environmentVariables : stringMap(v.environmentVariables),
    secretEnvironmentVariables: stringMap(v.secretEnvironmentVariables),
    scalingOption: scalingOption(v.scalingOptions) ?? base.scalingOption,
    livenessProbe: livenessProbe(v.livenessProbe) ?? base.livenessProbe,
    privateNetworkId: str(v.privateNetworkId) ?? '',
    registrySha256: str(v.registrySha256) ?? '',
    tags: stringList(v.tags),
  };
}

function scalingOption(value: unknown): ScalingOptionRecord | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const first = value[0] as Props;
  return compact({
    concurrentRequestsThreshold: num(first.concurrentRequestsThreshold),
    cpuUsageThreshold: num(first.cpuUsageThreshold),
    memoryUsageThreshold: num(first.memoryUsageThreshold),
  }) as ScalingOptionRecord;
}

function livenessProbe(value: unknown): LivenessProbeRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const probe = value as Props;
  const path = str((probe.http as Props | undefined)?.path);
  return compact({
    failureThreshold: num(probe.failureThreshold) ?? API_DEFAULTS.livenessProbe.failureThreshold,
    interval: str(probe.interval) ?? API_DEFAULTS.livenessProbe.interval,
    timeout: str(probe.timeout) ?? API_DEFAULTS.livenessProbe.timeout,
    http: path !== undefined ? { path } : undefined,
    tcp: path === undefined ? true : undefined,
  }) as unknown as LivenessProbeRecord;
}

/** The resource's outputs: every input, read back from the cloud, plus what the API computes. */
export function containerOutputs(record: ContainerRecord, inputs: Props): Props {
  return compact({
    name: record.name,
    namespaceId: `${record.region}/${record.namespaceId}`,
    region: record.region,
    description: record.description,
    image: record.image,
    registryImage: record.image,
    port: record.port,
    privacy: record.privacy,
    protocol: record.protocol,
    minScale: record.minScale,
    maxScale: record.maxScale,
    memoryLimitBytes: record.memoryLimitBytes,
    memoryLimit: Math.round(record.memoryLimitBytes / MB),
    cpuLimit: record.cpuLimit,
    timeout: record.timeout,
    sandbox: record.sandbox,
    localStorageLimitBytes: record.localStorageLimitBytes,
    localStorageLimit: Math.round(record.localStorageLimitBytes / MB),
    httpsConnectionsOnly: record.httpsConnectionsOnly,
    httpOption: record.httpsConnectionsOnly ? 'redirected' : 'enabled',
    commands: record.commands,
    args: record.args,
    environmentVariables: record.environmentVariables,
    secretEnvironmentVariables: keptSecrets(inputs.secretEnvironmentVariables, record.secretEnvironmentVariables),
    scalingOptions: [record.scalingOption],
    livenessProbe: record.livenessProbe,
    privateNetworkId: record.privateNetworkId === '' ? undefined : record.privateNetworkId,
    registrySha256: record.registrySha256 === '' ? undefined : record.registrySha256,
    tags: record.tags,
    deploy: inputs.deploy,
    domainName: record.domainName,
    publicEndpoint: `https://${record.domainName}`,
    status: record.status,
    cronStatus: record.status,
    errorMessage: record.errorMessage,
  });
}

/** Changes that make the platform deploy again (anything the running instances see). */
export function needsRedeploy(before: ContainerRecord, after: ContainerRequest): boolean {
  const deployed: (keyof ContainerRequest)[] = [
    'image', 'port', 'protocol', 'minScale', 'maxScale', 'memoryLimitBytes', 'cpuLimit', 'timeout', 'sandbox',
    'localStorageLimitBytes', 'commands', 'args', 'environmentVariables', 'scalingOption', 'livenessProbe', 'privateNetworkId', 'registrySha256',
  ];
  return deployed.some((k) => !deepEqual(before[k as keyof ContainerRecord], after[k]))
    || !deepEqual(before.secretEnvironmentVariables, hashSecrets(after.secretEnvironmentVariables));
}
