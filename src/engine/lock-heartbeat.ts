// A heartbeat beside the engine's lock. The engine's lock object says who took the lock and when,
// never whether that run is still going: from another machine a run that died and a run that is
// slow look the same. So while an operation that takes the lock runs (update, destroy, refresh),
// openmcf renews a small heartbeat object of its own every HEARTBEAT_EVERY_MS, and `openmcf
// cancel` counts a holder that has not renewed it for HEARTBEAT_STALE_AFTER_MS as stale.
//
// One heartbeat per run (a run that is only trying to take the lock must not overwrite or remove
// the holder's), named by a random id. Where it lives, without any client of the backend's own:
//   - file backends: a file in a folder of openmcf's own beside the engine's lock folder,
//     `<state>/.pulumi/openmcf-heartbeats/<org>/<project>/<stack>/<id>.json` (outside the folder
//     the engine lists as locks, so the engine never takes it for one);
//   - other self-managed backends (S3, PostgreSQL, ...): a stack tag `openmcf-heartbeat.<id>`,
//     written through the engine (`pulumi stack tag set`), which keeps tags in an object of their
//     own (`<stack>.pulumi-tags`) apart from the state, so it never races with the update's writes;
//   - Pulumi Cloud: none (the service keeps its own leases).
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Stack } from '@pulumi/pulumi/automation/index.js';
import { fileBackendFolder } from '../stack/backend.js';
import type { StackTarget } from '../stack/target-types.js';

/** How often a running openmcf renews its heartbeat. */
export const HEARTBEAT_EVERY_MS = 20_000;
/** A holder that has not renewed its heartbeat (or, without one, taken its lock) for this long is stale. */
export const HEARTBEAT_STALE_AFTER_MS = 120_000;
export const HEARTBEAT_TAG_PREFIX = 'openmcf-heartbeat.';

export interface Heartbeat {
  readonly host: string;
  /** The openmcf process (its engine is a child of it). */
  readonly pid: number;
  /** When the operation started. */
  readonly since: string;
  /** The last renewal. */
  readonly renewedAt: string;
}

export interface HeartbeatStore {
  /** Writes (or renews) this run's heartbeat. */
  write(id: string, beat: Heartbeat): Promise<void>;
  /** Every run's heartbeat on the stack. */
  readAll(): Promise<Heartbeat[]>;
  remove(id: string): Promise<void>;
}

type LockTarget = Pick<StackTarget, 'backendUrl' | 'backendKind' | 'stackName'>;

/** `<state>/.pulumi/locks/<org>/<project>/<stack>` of a file backend: the folder of the engine's lock objects. */
export function fileLockFolder(target: LockTarget): string | undefined {
  if (target.backendKind !== 'file') return undefined;
  try {
    return join(decodeURIComponent(fileBackendFolder(target.backendUrl)), '.pulumi', 'locks', ...target.stackName.split('/'));
  } catch {
    return undefined;
  }
}

export function parseHeartbeat(text: string | undefined): Heartbeat | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    const value = JSON.parse(text) as Partial<Heartbeat>;
    if (typeof value.host !== 'string' || typeof value.pid !== 'number' || typeof value.since !== 'string' || typeof value.renewedAt !== 'string') return undefined;
    return { host: value.host, pid: value.pid, since: value.since, renewedAt: value.renewedAt };
  } catch {
    return undefined;
  }
}

function fileStore(folder: string): HeartbeatStore {
  const path = (id: string): string => join(folder, `${id}.json`);
  return {
    write: async (id, beat) => {
      await mkdir(folder, { recursive: true });
      await writeFile(path(id), JSON.stringify(beat));
    },
    readAll: async () => {
      const names = await readdir(folder).catch(() => [] as string[]);
      const beats = await Promise.all(names.filter((n) => n.endsWith('.json')).map(async (n) => parseHeartbeat(await readFile(join(folder, n), 'utf8').catch(() => undefined))));
      return beats.filter((b): b is Heartbeat => b !== undefined);
    },
    remove: (id) => rm(path(id), { force: true }),
  };
}

function tagStore(stack: Stack): HeartbeatStore {
  return {
    write: (id, beat) => stack.workspace.setTag(stack.name, `${HEARTBEAT_TAG_PREFIX}${id}`, JSON.stringify(beat)),
    readAll: async () => {
      const tags = await stack.workspace.listTags(stack.name).catch(() => ({}));
      return Object.entries(tags)
        .filter(([name]) => name.startsWith(HEARTBEAT_TAG_PREFIX))
        .map(([, value]) => parseHeartbeat(value))
        .filter((b): b is Heartbeat => b !== undefined);
    },
    remove: (id) => stack.workspace.removeTag(stack.name, `${HEARTBEAT_TAG_PREFIX}${id}`),
  };
}

/** `<state>/.pulumi/openmcf-heartbeats/<org>/<project>/<stack>` of a file backend. */
export function fileHeartbeatFolder(target: LockTarget): string | undefined {
  if (target.backendKind !== 'file') return undefined;
  try {
    return join(decodeURIComponent(fileBackendFolder(target.backendUrl)), '.pulumi', 'openmcf-heartbeats', ...target.stackName.split('/'));
  } catch {
    return undefined;
  }
}

export function heartbeatStore(stack: Stack, target: LockTarget): HeartbeatStore | undefined {
  const folder = fileHeartbeatFolder(target);
  if (folder !== undefined) return fileStore(folder);
  if (target.backendKind === 'cloud') return undefined;
  return tagStore(stack);
}

/**
 * Beats at once and then every HEARTBEAT_EVERY_MS until the returned function is called, which
 * removes the heartbeat. A write that fails is skipped (the next one tries again): a heartbeat is
 * a hint for `cancel`, never a reason to fail the run.
 */
export function startHeartbeat(store: HeartbeatStore, now: () => Date = () => new Date()): () => Promise<void> {
  const id = randomBytes(6).toString('hex');
  const since = now().toISOString();
  let writing: Promise<void> = Promise.resolve();
  const beat = (): void => {
    writing = writing.then(() => store.write(id, { host: hostname(), pid: process.pid, since, renewedAt: now().toISOString() })).catch(() => undefined);
  };
  beat();
  const timer = setInterval(beat, HEARTBEAT_EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await writing;
    await store.remove(id).catch(() => undefined);
  };
}
