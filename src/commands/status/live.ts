// One stack's live objects: the ids come from the state (what the last run created), everything
// else from the API now: status, error message, image, scale, URL, when it last changed. A problem
// is what makes `status` exit 1: a container (or its namespace, or a trigger) missing from the
// cloud or in `error`, a stack with nothing deployed, a probe nobody answered.
import { readLiveObject, splitRegionalId, type LiveCollection } from '../../engine/cloud-read.js';
import type { CloudLookupSettings } from '../../engine/cloud-lookup.js';
import type { StackState, StateResource } from '../../engine/stack-state.js';
import type { LiveContainer, LiveObject, LiveStack, ProbeResult } from '../../render/status-report.js';
import { probeUrl } from './probe-url.js';

const TYPES = {
  namespace: 'scaleway:containers/namespace:Namespace',
  container: 'scaleway:containers/container:Container',
  cron: 'scaleway:containers/cron:Cron',
} as const;

export interface ReadLiveOptions {
  readonly settings: CloudLookupSettings;
  /** --probe: request the container's URL once. */
  readonly probe: boolean;
  /** The sandbox's local API, which answers for the containers' domains. */
  readonly probeVia?: string;
}

export async function readLiveStack(state: StackState, options: ReadLiveOptions): Promise<LiveStack> {
  const problems: string[] = [];
  const namespaceState = state.resources.find((r) => r.type === TYPES.namespace);
  const containerState = state.resources.find((r) => r.type === TYPES.container);
  const cronStates = state.resources.filter((r) => r.type === TYPES.cron);
  if (!containerState?.id) {
    return { triggers: [], problems: ['nothing is deployed: the state holds no container (never applied, or destroyed)'] };
  }
  const region = String(containerState.outputs?.region ?? containerState.inputs?.region ?? '') || undefined;
  const [namespace, container, triggers] = await Promise.all([
    namespaceState?.id ? readObject(options.settings, 'namespaces', namespaceState, region) : Promise.resolve(undefined),
    readObject(options.settings, 'containers', containerState, region),
    Promise.all(cronStates.filter((c) => c.id).map((c) => readObject(options.settings, 'triggers', c, region))),
  ]);
  if (namespace) problems.push(...objectProblems('namespace', namespace.live));
  problems.push(...objectProblems('container', container.live));
  for (const trigger of triggers) problems.push(...objectProblems(`cron trigger ${trigger.live.name}`, trigger.live));

  const liveContainer = containerOf(container.live, container.raw);
  const liveTriggers = triggers.map((t) => ({
    ...t.live,
    ...(typeof (t.raw?.cron_config as { schedule?: unknown } | undefined)?.schedule === 'string' ? { schedule: (t.raw!.cron_config as { schedule: string }).schedule } : {}),
  }));
  let probe: ProbeResult | undefined;
  if (options.probe) {
    if (liveContainer.url === undefined) {
      problems.push('probe: the container has no URL to request');
    } else {
      probe = await probeUrl(liveContainer.url, options.probeVia !== undefined ? { via: options.probeVia } : {});
      if (!probe.answering)
        problems.push(`probe: ${liveContainer.url} ${probe.httpStatus !== undefined ? `answered HTTP ${probe.httpStatus}` : `did not answer (${probe.error ?? 'no answer'})`}`);
    }
  }
  return { ...(namespace ? { namespace: namespace.live } : {}), container: liveContainer, triggers: liveTriggers, ...(probe ? { probe } : {}), problems };
}

interface ReadObject {
  readonly live: LiveObject;
  readonly raw?: Readonly<Record<string, unknown>>;
}

async function readObject(settings: CloudLookupSettings, collection: LiveCollection, resource: StateResource, region: string | undefined): Promise<ReadObject> {
  const id = resource.id!;
  const name = String(resource.outputs?.name ?? resource.inputs?.name ?? resource.urn.slice(resource.urn.lastIndexOf('::') + 2));
  const where = splitRegionalId(id, region);
  if (!where) return { live: { id, name, status: 'unknown', errorMessage: `the id ${id} names no region` } };
  const read = await readLiveObject(settings, collection, where.region, where.id);
  if (read.kind === 'missing') return { live: { id, name, status: 'missing' } };
  const object = read.object;
  const errorMessage = typeof object.error_message === 'string' && object.error_message !== '' ? object.error_message : undefined;
  return {
    live: {
      id,
      name: typeof object.name === 'string' ? object.name : name,
      status: typeof object.status === 'string' ? object.status : 'unknown',
      ...(errorMessage !== undefined ? { errorMessage } : {}),
      ...(typeof object.updated_at === 'string' ? { updatedAt: object.updated_at } : {}),
    },
    raw: object,
  };
}

function containerOf(live: LiveObject, raw: Readonly<Record<string, unknown>> | undefined): LiveContainer {
  if (!raw) return live;
  const image = typeof raw.image === 'string' ? raw.image : typeof raw.registry_image === 'string' ? raw.registry_image : undefined;
  const endpoint =
    typeof raw.public_endpoint === 'string' && raw.public_endpoint !== ''
      ? raw.public_endpoint
      : typeof raw.domain_name === 'string' && raw.domain_name !== ''
        ? `https://${raw.domain_name}`
        : undefined;
  return {
    ...live,
    ...(image !== undefined ? { image } : {}),
    ...(typeof raw.min_scale === 'number' ? { minScale: raw.min_scale } : {}),
    ...(typeof raw.max_scale === 'number' ? { maxScale: raw.max_scale } : {}),
    ...(endpoint !== undefined ? { url: endpoint } : {}),
  };
}

function objectProblems(what: string, live: LiveObject): string[] {
  if (live.status === 'missing') return [`${what} ${live.name} (${live.id}) is missing from the cloud: deleted outside openmcf?`];
  if (live.status === 'error') return [`${what} ${live.name} is in error${live.errorMessage ? `: ${live.errorMessage}` : ''}`];
  if (live.status === 'unknown') return [`${what} ${live.name}: ${live.errorMessage ?? 'unknown status'}`];
  return [];
}
