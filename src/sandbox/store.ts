// The simulated Scaleway cloud: one JSON file (<storeDir>/cloud.json) holding every namespace,
// container and cron, keyed by their Pulumi id `{region}/{uuid}`. The sandbox provider (a separate
// process per engine run, several at once when runs overlap) and tests both change it, so:
//   - readers see whole files only: writers write a temp file and rename it over cloud.json;
//   - writers take turns: <storeDir>/cloud.lock is created exclusively ('wx'); a lock whose owner
//     process is gone, or that is older than STALE_LOCK_MS, is taken over.
// Secret environment values are never stored: like the real API, only a hash of each is kept.
import { mkdirSync, openSync, closeSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export type ContainerStatus = 'ready' | 'creating' | 'updating' | 'deleting' | 'error' | 'locked' | 'upgrading' | 'pending';

export interface NamespaceRecord {
  /** The bare UUID; the store key is `{region}/{id}`. */
  readonly id: string;
  readonly region: string;
  readonly name: string;
  readonly description: string;
  readonly projectId: string;
  readonly organizationId: string;
  readonly environmentVariables: Record<string, string>;
  /** name -> hashed value (`sha256:<hex>`), as the API returns hashes only. */
  readonly secretEnvironmentVariables: Record<string, string>;
  readonly tags: string[];
  readonly registryEndpoint: string;
  readonly registryNamespaceId: string;
  readonly status: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface LivenessProbeRecord {
  readonly failureThreshold: number;
  /** Go duration text, e.g. `10s`. */
  readonly interval: string;
  readonly timeout: string;
  readonly http?: { readonly path: string };
  readonly tcp?: boolean;
}

export interface ScalingOptionRecord {
  readonly concurrentRequestsThreshold?: number;
  readonly cpuUsageThreshold?: number;
  readonly memoryUsageThreshold?: number;
}

export interface ContainerRecord {
  readonly id: string;
  readonly region: string;
  /** The namespace's bare UUID. */
  readonly namespaceId: string;
  readonly name: string;
  readonly description: string;
  readonly image: string;
  readonly port: number;
  readonly privacy: string;
  readonly protocol: string;
  readonly minScale: number;
  readonly maxScale: number;
  readonly memoryLimitBytes: number;
  readonly cpuLimit: number;
  readonly timeout: number;
  readonly sandbox: string;
  readonly localStorageLimitBytes: number;
  readonly httpsConnectionsOnly: boolean;
  readonly commands: string[];
  readonly args: string[];
  readonly environmentVariables: Record<string, string>;
  readonly secretEnvironmentVariables: Record<string, string>;
  readonly scalingOption: ScalingOptionRecord;
  readonly livenessProbe: LivenessProbeRecord;
  readonly privateNetworkId: string;
  readonly registrySha256: string;
  readonly tags: string[];
  readonly domainName: string;
  readonly status: ContainerStatus;
  readonly errorMessage: string;
  /** How many times the platform (re)deployed it: create, image change, registrySha256 change. */
  readonly deployments: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface CronRecord {
  readonly id: string;
  readonly region: string;
  /** The container's bare UUID. */
  readonly containerId: string;
  readonly name: string;
  readonly schedule: string;
  /** The JSON object the API stores (not the string the user sent). */
  readonly args: Record<string, unknown>;
  readonly status: string;
}

export interface Cloud {
  readonly namespaces: Record<string, NamespaceRecord>;
  readonly containers: Record<string, ContainerRecord>;
  readonly crons: Record<string, CronRecord>;
  /** Times each counted fault rule fired (see faults.ts `*N`), shared by all provider processes. */
  readonly faultHits: Record<string, number>;
}

/** A cloud whose parts may be replaced by `updateCloud` callbacks. */
export type MutableCloud = { -readonly [K in keyof Cloud]: Cloud[K] };

const STALE_LOCK_MS = 30_000;
const LOCK_TIMEOUT_MS = 60_000;

export function cloudFile(storeDir: string): string {
  return join(storeDir, 'cloud.json');
}

function emptyCloud(): MutableCloud {
  return { namespaces: {}, containers: {}, crons: {}, faultHits: {} };
}

/** The whole simulated cloud as it is now (empty when nothing was ever created). */
export function readCloud(storeDir: string): Cloud {
  let text: string;
  try {
    text = readFileSync(cloudFile(storeDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyCloud();
    throw error;
  }
  return { ...emptyCloud(), ...(JSON.parse(text) as Partial<Cloud>) };
}

/**
 * Changes the cloud under the store lock: `mutate` gets a fresh copy to change in place (or
 * replace parts of) and may return a value, which updateCloud returns. A throw leaves the cloud
 * untouched.
 */
export async function updateCloud<T>(storeDir: string, mutate: (cloud: MutableCloud) => T): Promise<T> {
  mkdirSync(storeDir, { recursive: true });
  const release = await acquireLock(join(storeDir, 'cloud.lock'));
  try {
    const cloud = readCloud(storeDir) as MutableCloud;
    const result = mutate(cloud);
    const tmp = join(storeDir, `cloud.json.${process.pid}.${Date.now()}.tmp`);
    writeFileSync(tmp, `${JSON.stringify(cloud, null, 2)}\n`);
    renameSync(tmp, cloudFile(storeDir));
    return result;
  } finally {
    release();
  }
}

async function acquireLock(lock: string): Promise<() => void> {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (isStale(lock)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`sandbox store is locked by another process for over ${LOCK_TIMEOUT_MS / 1000}s: ${lock}`);
    await sleep(Math.min(5 + attempt * 5, 50));
  }
}

function isStale(lock: string): boolean {
  try {
    const owner = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    if (Number.isInteger(owner) && owner > 0 && !processAlive(owner)) return true;
    return Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS;
  } catch {
    // Vanished between our open and our read: not stale, just free; the next attempt takes it.
    return false;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
