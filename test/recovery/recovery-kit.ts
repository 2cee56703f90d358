// What the recovery tests share: manifests written on the fly (twin stacks, many triggers, planted
// secrets), the state of a sandbox stack read from its checkpoint file, the cloud objects a stack
// owns, the commands the tool's own messages suggest, and a stale lock waited for.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { processAlive } from '../../src/core/process-alive.js';
import { waitUntil, type CloudHome } from '../e2e/cloud-run.js';

export interface ManifestShape {
  readonly name: string;
  readonly env: string;
  readonly region?: string;
  readonly port?: number;
  readonly tag?: string;
  readonly minScale?: number;
  readonly crons?: readonly string[];
  readonly secrets?: Readonly<Record<string, string>>;
}

export const PROJECT = 'my-project';
export const ORG = 'my-org';

export function stackOf(shape: Pick<ManifestShape, 'name' | 'env'>): string {
  return `${shape.env}.ScalewayServerlessContainer.${shape.name}`;
}

export function fqdnOf(shape: Pick<ManifestShape, 'name' | 'env'>): string {
  return `${ORG}/${PROJECT}/${stackOf(shape)}`;
}

export function manifestText(shape: ManifestShape): string {
  const lines = [
    'apiVersion: scaleway.openmcf.org/v1',
    'kind: ScalewayServerlessContainer',
    'metadata:',
    `  name: ${shape.name}`,
    '  labels:',
    `    pulumi.openmcf.org/organization: ${ORG}`,
    `    pulumi.openmcf.org/project: ${PROJECT}`,
    `    pulumi.openmcf.org/stack.name: ${stackOf(shape)}`,
    'spec:',
    `  region: ${shape.region ?? 'fr-par'}`,
    '  image:',
    '    registryEndpoint:',
    '      value: rg.fr-par.scw.cloud/my-registry',
    `    name: ${shape.name}`,
    `    tag: ${shape.tag ?? 'v1'}`,
    '  privacy: public',
    `  port: ${shape.port ?? 8080}`,
    `  minScale: ${shape.minScale ?? 0}`,
  ];
  const secrets = Object.entries(shape.secrets ?? {});
  if (secrets.length > 0) {
    lines.push('  env:', '    secrets:');
    for (const [name, value] of secrets) lines.push(`      - name: ${name}`, `        value: ${JSON.stringify(value)}`);
  }
  if ((shape.crons ?? []).length > 0) {
    lines.push('  cronTriggers:');
    for (const cron of shape.crons!) lines.push(`    - name: ${cron}`, '      schedule: "0 3 * * *"', `      args: '{"job": "${cron}"}'`);
  }
  return `${lines.join('\n')}\n`;
}

export function writeManifest(home: CloudHome, shape: ManifestShape, file = `${stackOf(shape)}.yaml`): string {
  return home.file(file, manifestText(shape));
}

export interface CheckpointResource {
  readonly urn: string;
  readonly type: string;
  readonly id?: string;
  readonly outputs?: Record<string, unknown>;
  readonly delete?: boolean;
}

/** The sandbox stack's checkpoint (file backend): resources and pending operations. */
export function checkpointOf(home: CloudHome, stack: string): { resources: CheckpointResource[]; pending: Array<{ type: string; resource: CheckpointResource }> } {
  const file = home.stateFiles().find((f) => f.path.endsWith(`/.pulumi/stacks/${PROJECT}/${stack}.json`));
  if (!file) return { resources: [], pending: [] };
  const latest = (
    JSON.parse(file.text) as { checkpoint?: { latest?: { resources?: CheckpointResource[]; pending_operations?: Array<{ type: string; resource: CheckpointResource }> } } }
  ).checkpoint?.latest;
  return { resources: latest?.resources ?? [], pending: latest?.pending_operations ?? [] };
}

/** Bare UUIDs of the state's objects, by kind (resources marked for deletion left out). */
export function stateIds(home: CloudHome, stack: string): { namespaces: string[]; containers: string[]; triggers: string[] } {
  const { resources } = checkpointOf(home, stack);
  const ids = (type: string): string[] =>
    resources
      .filter((r) => r.type === type && r.delete !== true && r.id)
      .map((r) => r.id!.slice(r.id!.indexOf('/') + 1))
      .sort();
  return { namespaces: ids('scaleway:containers/namespace:Namespace'), containers: ids('scaleway:containers/container:Container'), triggers: ids('scaleway:containers/cron:Cron') };
}

/** The cloud's objects of a stack: its namespace by name and owner tag, what is inside it. */
export function cloudIds(
  home: CloudHome,
  shape: Pick<ManifestShape, 'name' | 'env' | 'region'>,
  cloud: ListedCloud = home.cloud(),
): { namespaces: string[]; containers: string[]; triggers: string[] } {
  const owner = `openmcf.org/stack=${fqdnOf(shape)}`;
  const namespaces = Object.values(cloud.namespaces)
    .filter((n) => n.region === (shape.region ?? 'fr-par') && n.tags.includes(owner))
    .map((n) => n.id);
  const containers = Object.values(cloud.containers)
    .filter((c) => namespaces.includes(c.namespace_id))
    .map((c) => c.id);
  const triggers = Object.values(cloud.triggers)
    .filter((t) => containers.includes(t.container_id))
    .map((t) => t.id);
  return { namespaces: namespaces.sort(), containers: containers.sort(), triggers: triggers.sort() };
}

/** What the cloud's list endpoints give (or the store holds): the fields the checks read. */
export interface ListedCloud {
  readonly namespaces: Record<string, { id: string; name: string; region: string; tags: string[] }>;
  readonly containers: Record<string, { id: string; name: string; namespace_id: string; port: number; image: string; min_scale: number }>;
  readonly triggers: Record<string, { id: string; name: string; container_id: string }>;
}

/** The whole cloud of some regions through the local API's HTTP list endpoints (every page, the
 * containers of each namespace, the triggers of each container: the endpoints' own filters). */
export async function listCloud(apiUrl: string, secretKey: string, regions: readonly string[]): Promise<ListedCloud> {
  const cloud = { namespaces: {}, containers: {}, triggers: {} };
  const list = async (region: string, collection: 'namespaces' | 'containers' | 'triggers', query: Record<string, string>): Promise<Array<Record<string, unknown>>> => {
    const items: Array<Record<string, unknown>> = [];
    for (let page = 1; ; page += 1) {
      const url = `${apiUrl}/containers/v1/regions/${region}/${collection}?${new URLSearchParams({ ...query, page: String(page), page_size: '100' }).toString()}`;
      const response = await fetch(url, { headers: { 'X-Auth-Token': secretKey } });
      if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
      const body = (await response.json()) as Record<string, unknown>;
      const got = (body[collection] as Array<Record<string, unknown>>) ?? [];
      items.push(...got);
      if (got.length === 0 || items.length >= Number(body.total_count ?? 0)) return items;
    }
  };
  for (const region of regions) {
    for (const namespace of await list(region, 'namespaces', {})) {
      (cloud.namespaces as Record<string, unknown>)[String(namespace.id)] = namespace;
      for (const container of await list(region, 'containers', { namespace_id: String(namespace.id) })) {
        (cloud.containers as Record<string, unknown>)[String(container.id)] = container;
        for (const trigger of await list(region, 'triggers', { container_id: String(container.id) })) (cloud.triggers as Record<string, unknown>)[String(trigger.id)] = trigger;
      }
    }
  }
  return cloud;
}

/** The `openmcf ...` commands a message suggests, in the order given, as argument lists. */
export function suggestedCommands(text: string): string[][] {
  return [...text.matchAll(/`openmcf ([^`]+)`/g)].map((m) => splitArgs(m[1]!));
}

function splitArgs(line: string): string[] {
  const args: string[] = [];
  for (const m of line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)) args.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!);
  return args;
}

/** Once the engine holding a lock has gone (it dies with the run, without releasing it). */
export async function waitForStaleLock(home: CloudHome, lockRoot?: string): Promise<void> {
  const pids = (): number[] =>
    (lockRoot === undefined ? home.lockFiles() : filesUnder(lockRoot))
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => {
        try {
          return [(JSON.parse(readFileSync(f, 'utf8')) as { pid: number }).pid];
        } catch {
          return [];
        }
      });
  await waitUntil(
    () => pids().every((pid) => !processAlive(pid)),
    30_000,
    () => `the lock holder is still running: ${pids().join(', ')}`,
  );
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
