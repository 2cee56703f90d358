// The simulated cloud on disk: one JSON file (<storeDir>/api.json) with every namespace,
// container and trigger as the API returns them, keyed by id. Several processes may serve or
// read it at once (parallel openmcf runs, `openmcf sandbox api`, tests), so:
//   - readers see whole files only: writers write a temp file and rename it over api.json;
//   - writers take turns: <storeDir>/api.lock is created exclusively ('wx'); a lock whose owner
//     process is gone, or that is older than STALE_LOCK_MS, is taken over.
// Secret environment values are never stored: like the real API, only an argon2id hash of each.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { processAlive } from '../core/process-alive.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ContainerWire, NamespaceWire, TriggerWire } from './wire.js';

export interface Cloud {
  namespaces: Record<string, NamespaceWire>;
  containers: Record<string, ContainerWire>;
  triggers: Record<string, TriggerWire>;
  /** Times each counted fault rule fired (`*N`), shared by every process serving this store. */
  faultHits: Record<string, number>;
}

const STALE_LOCK_MS = 30_000;
const LOCK_TIMEOUT_MS = 60_000;

export function cloudFile(storeDir: string): string {
  return join(storeDir, 'api.json');
}

function emptyCloud(): Cloud {
  return { namespaces: {}, containers: {}, triggers: {}, faultHits: {} };
}

/** The whole simulated cloud as it is on disk now (empty when nothing was ever created). */
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
 * Changes the cloud under the store lock: `mutate` changes its copy in place and may return a
 * value, which updateCloud returns. A throw leaves the cloud untouched.
 */
export async function updateCloud<T>(storeDir: string, mutate: (cloud: Cloud) => T): Promise<T> {
  mkdirSync(storeDir, { recursive: true, mode: 0o700 });
  const release = await acquireLock(join(storeDir, 'api.lock'));
  try {
    const cloud = readCloud(storeDir);
    const before = JSON.stringify(cloud);
    const result = mutate(cloud);
    const after = JSON.stringify(cloud);
    // Most calls are reads that change nothing: skip the write.
    if (after !== before) {
      const tmp = join(storeDir, `api.json.${process.pid}.${Date.now()}.tmp`);
      writeFileSync(tmp, `${after}\n`, { mode: 0o600 });
      renameSync(tmp, cloudFile(storeDir));
    }
    return result;
  } finally {
    release();
  }
}

async function acquireLock(lock: string): Promise<() => void> {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
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
    await sleep(Math.min(2 + attempt * 2, 25));
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
