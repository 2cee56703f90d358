// /containers/v1/regions/{region}/containers: create (which deploys), get, list, update (which
// redeploys), delete (which deletes the container's triggers). Defaults and formats as the
// recorded responses show them.
import { randomUUID } from 'node:crypto';
import { startFailure } from './faults.js';
import { beginContainerDeletion } from './cascade.js';
import { nowText, type CallContext } from './context.js';
import { checkContainer } from './container-rules.js';
import { conflict, notFound, transientState } from './api-errors.js';
import { BodyReader, formatDuration } from './fields.js';
import { begin, TRANSIENT } from './lifecycle.js';
import { containerFilter } from './list-filters.js';
import { getNamespace } from './namespaces.js';
import { nextSecrets } from './secret-hashes.js';
import type { Cloud } from './store.js';
import type { Body, ContainerWire, NamespaceWire, ProbeWire, ScalingOptionWire } from './wire.js';

/** What the API fills in on create (recorded in container-basic and others). */
const DEFAULTS = {
  min_scale: 0,
  max_scale: 5,
  memory_limit_bytes: 2_048_000_000,
  mvcpu_limit: 1000,
  timeout: '300s',
  privacy: 'public',
  protocol: 'http1',
  port: 8080,
  https_connections_only: false,
  sandbox: 'v2',
  local_storage_limit_bytes: 1_000_000_000,
  scaling_option: { concurrent_requests_threshold: 50 },
  liveness_probe: { failure_threshold: 30, interval: '10s', timeout: '1s', tcp: {} },
} as const;

/** `https://{first 20 alphanumerics of the namespace}{8 hex of its id}-{container}.functions.fnc.{region}.scw.cloud` */
export function publicEndpoint(namespace: NamespaceWire, name: string): string {
  const prefix = namespace.name
    .replace(/[^a-zA-Z0-9]/g, '')
    .slice(0, 20)
    .toLowerCase();
  return `https://${prefix}${namespace.id.slice(0, 8)}-${name}.functions.fnc.${namespace.region}.scw.cloud`;
}

export function createContainer(cloud: Cloud, ctx: CallContext, body: Body, secretHashes: Record<string, string>): ContainerWire {
  const read = new BodyReader(body);
  const namespaceId = read.string('namespace_id');
  if (namespaceId === undefined || namespaceId === '') {
    read.problem('namespace_id', 'a namespace id is required', 'required');
    read.check();
  }
  const namespace = getNamespace(cloud, ctx, namespaceId!);
  if (TRANSIENT.has(namespace.status)) throw transientState('namespace', namespace.id, namespace.status);
  const name = read.string('name') ?? '';
  const container: ContainerWire = {
    id: randomUUID(),
    name,
    namespace_id: namespace.id,
    description: read.string('description') ?? '',
    status: 'creating',
    created_at: nowText(ctx.now),
    updated_at: nowText(ctx.now),
    min_scale: read.integer('min_scale') ?? DEFAULTS.min_scale,
    max_scale: read.integer('max_scale') ?? DEFAULTS.max_scale,
    memory_limit_bytes: read.integer('memory_limit_bytes') ?? DEFAULTS.memory_limit_bytes,
    mvcpu_limit: read.integer('mvcpu_limit') ?? DEFAULTS.mvcpu_limit,
    timeout: durationOr(read, DEFAULTS.timeout),
    privacy: enumValue(read, 'privacy', ['public', 'private']) ?? DEFAULTS.privacy,
    image: read.string('image') ?? '',
    protocol: enumValue(read, 'protocol', ['http1', 'h2c']) ?? DEFAULTS.protocol,
    port: read.integer('port') ?? DEFAULTS.port,
    https_connections_only: read.boolean('https_connections_only') ?? DEFAULTS.https_connections_only,
    sandbox: enumValue(read, 'sandbox', ['v1', 'v2']) ?? DEFAULTS.sandbox,
    local_storage_limit_bytes: read.integer('local_storage_limit_bytes') ?? DEFAULTS.local_storage_limit_bytes,
    scaling_option: scalingOption(read) ?? { ...DEFAULTS.scaling_option },
    tags: read.strings('tags') ?? [],
    command: read.strings('command') ?? [],
    args: read.strings('args') ?? [],
    environment_variables: read.stringMap('environment_variables') ?? {},
    public_endpoint: publicEndpoint(namespace, name),
    liveness_probe: probe(read, 'liveness_probe') ?? structuredClone(DEFAULTS.liveness_probe),
    startup_probe: probe(read, 'startup_probe') ?? null,
    secret_environment_variables: nextSecrets({}, read.stringMap('secret_environment_variables') ?? {}, secretHashes),
    region: ctx.region,
  };
  const privateNetwork = read.string('private_network_id');
  if (privateNetwork !== undefined && privateNetwork !== '') container.private_network_id = privateNetwork;
  checkContainer(container, read);
  read.check();
  const clash = Object.values(cloud.containers).find((c) => c.namespace_id === namespace.id && c.name === name && c.status !== 'deleting');
  if (clash) throw conflict(`container with name ${name} already exists in namespace ${namespace.id} (${clash.id})`);

  container._deployments = 1;
  beginDeployment(container, 'creating', ctx);
  cloud.containers[container.id] = container;
  return container;
}

export function getContainer(cloud: Cloud, ctx: CallContext, id: string): ContainerWire {
  const container = cloud.containers[id];
  if (!container || container.region !== ctx.region) throw notFound('container', id);
  return container;
}

export function listContainers(cloud: Cloud, ctx: CallContext, query: URLSearchParams): ContainerWire[] {
  const wanted = containerFilter(cloud, query);
  return Object.values(cloud.containers).filter((c) => c.region === ctx.region && wanted(c));
}

/** Every PATCH is a new deployment: `updating` until it ends `ready` (or `error`). */
export function updateContainer(cloud: Cloud, ctx: CallContext, id: string, body: Body, secretHashes: Record<string, string>): ContainerWire {
  const current = getContainer(cloud, ctx, id);
  if (TRANSIENT.has(current.status)) throw transientState('container', id, current.status);
  const read = new BodyReader(body);
  const next: ContainerWire = structuredClone(current);
  const set = <K extends keyof ContainerWire>(key: K, value: ContainerWire[K] | undefined): void => {
    if (value !== undefined) next[key] = value;
  };
  set('environment_variables', read.stringMap('environment_variables'));
  if (read.has('secret_environment_variables')) {
    next.secret_environment_variables = nextSecrets(current.secret_environment_variables, read.stringMap('secret_environment_variables'), secretHashes);
  }
  set('min_scale', read.integer('min_scale'));
  set('max_scale', read.integer('max_scale'));
  set('memory_limit_bytes', read.integer('memory_limit_bytes'));
  set('mvcpu_limit', read.integer('mvcpu_limit'));
  if (read.has('timeout')) next.timeout = durationOr(read, current.timeout);
  set('privacy', enumValue(read, 'privacy', ['public', 'private']));
  set('description', read.string('description'));
  set('image', read.string('image'));
  set('protocol', enumValue(read, 'protocol', ['http1', 'h2c']));
  set('port', read.integer('port'));
  // The SDK's UpdateContainerRequest spells it `https_connection_only` (create: `https_connections_only`).
  set('https_connections_only', read.boolean('https_connection_only') ?? read.boolean('https_connections_only'));
  set('sandbox', enumValue(read, 'sandbox', ['v1', 'v2']));
  set('local_storage_limit_bytes', read.integer('local_storage_limit_bytes'));
  set('scaling_option', scalingOption(read));
  set('liveness_probe', probe(read, 'liveness_probe'));
  if (read.has('startup_probe')) next.startup_probe = probe(read, 'startup_probe') ?? null;
  set('tags', read.strings('tags'));
  set('command', read.strings('command'));
  set('args', read.strings('args'));
  const privateNetwork = read.string('private_network_id');
  if (privateNetwork === '') delete next.private_network_id;
  else if (privateNetwork !== undefined) next.private_network_id = privateNetwork;
  checkContainer(next, read);
  read.check();

  next.updated_at = nowText(ctx.now);
  next._deployments = (current._deployments ?? 1) + 1;
  beginDeployment(next, 'updating', ctx);
  cloud.containers[id] = next;
  return next;
}

/** A (re)deployment: ends `ready`, or `error` when a status fault fired for it. */
function beginDeployment(container: ContainerWire, status: 'creating' | 'updating', ctx: CallContext): void {
  const failure = ctx.deployFailure;
  if (failure === undefined) begin(container, status, ctx.now, ctx.transitionMs, 'ready');
  else {
    const httpPath = (container.liveness_probe.http ?? container.startup_probe?.http)?.path;
    begin(container, status, ctx.now, ctx.transitionMs, 'error', failure.message ?? startFailure(container.port, httpPath));
  }
}

/** POST .../containers/{id}/redeploy: deploy the same settings again (how a container in `error` is retried). */
export function redeployContainer(cloud: Cloud, ctx: CallContext, id: string): ContainerWire {
  return updateContainer(cloud, ctx, id, {}, {});
}

export function deleteContainer(cloud: Cloud, ctx: CallContext, id: string): ContainerWire {
  const container = getContainer(cloud, ctx, id);
  if (container.status === 'deleting') throw transientState('container', id, container.status);
  beginContainerDeletion(cloud, ctx, container);
  return container;
}

/** `unknown_<field>` (what the SDK sends for an enum it does not change) and absence both mean "leave as is". */
function enumValue<T extends string>(read: BodyReader, key: string, allowed: readonly T[]): T | undefined {
  const value = read.string(key);
  if (value === undefined || value === '' || value === `unknown_${key}`) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    read.problem(key, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`, 'format');
    return undefined;
  }
  return value as T;
}

function durationOr(read: BodyReader, fallback: string): string {
  const seconds = read.duration('timeout');
  return seconds === undefined ? fallback : formatDuration(seconds);
}

function scalingOption(read: BodyReader): ScalingOptionWire | undefined {
  const option = read.object('scaling_option');
  if (option === undefined) return undefined;
  const inner = new BodyReader(option);
  const result: ScalingOptionWire = {};
  for (const key of ['concurrent_requests_threshold', 'cpu_usage_threshold', 'memory_usage_threshold'] as const) {
    const value = inner.integer(key);
    if (value !== undefined) result[key] = value;
  }
  for (const p of inner.problems) read.problem(`scaling_option.${p.argument}`, p.help, p.reason);
  return result;
}

function probe(read: BodyReader, key: string): ProbeWire | undefined {
  const sent = read.object(key);
  if (sent === undefined) return undefined;
  const inner = new BodyReader(sent);
  const interval = inner.duration('interval');
  const timeout = inner.duration('timeout');
  const http = inner.object('http');
  const result: ProbeWire = {
    failure_threshold: inner.integer('failure_threshold') ?? DEFAULTS.liveness_probe.failure_threshold,
    interval: formatDuration(interval ?? 10),
    timeout: formatDuration(timeout ?? 1),
  };
  if (http !== undefined) result.http = { path: new BodyReader(http).string('path') ?? '/' };
  else result.tcp = {};
  for (const p of inner.problems) read.problem(`${key}.${p.argument}`, p.help, p.reason);
  return result;
}
