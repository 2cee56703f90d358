// Who holds a stack's lock, read from what the engine reports. On self-managed backends (file, S3,
// PostgreSQL, ...) the engine keeps one lock object per running update under
// `.pulumi/locks/<org>/<project>/<stack>/<id>.json` holding {pid, username, hostname, timestamp}
// (pkg/backend/diy/lock.go), and a refused update lists them as
// `<url of the object>: created by <user>@<host> (pid <pid>) at <RFC 3339 time>`. The same lines on
// every backend, so no S3 or PostgreSQL client is needed here. On `file://` backends the lock
// objects are also read directly (readFileLockHolders), for `openmcf cancel`, which together with
// openmcf's own heartbeats (lock-heartbeat.ts) tells a live holder from a dead one (lockVerdict).
import { readdir, readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { processAlive } from '../core/process-alive.js';
import { join } from 'node:path';
import type { Heartbeat } from './lock-heartbeat.js';

export interface LockHolder {
  /** Where the lock object is: a path for `file://` backends, the engine's URL otherwise. */
  readonly location: string;
  readonly user: string;
  readonly host: string;
  readonly pid: number;
  /** When the lock was taken, as the engine wrote it. */
  readonly since: string;
  /** Taken on this machine by a process that no longer exists: nobody will release it. */
  readonly stale: boolean;
}

export interface LockProbe {
  /** This machine's name, as the engine writes it (both read the kernel's hostname). */
  readonly hostname: string;
  readonly processAlive: (pid: number) => boolean;
}

export const LOCAL_PROBE: LockProbe = { hostname: hostname(), processAlive };

const HOLDER_LINE = /(\S+\.json)(?:\?\S*)?: created by (.+)@([^@\s]+) \(pid (\d+)\) at (\S+)\s*$/gm;

/** The holders named in an engine message (none when it names none, e.g. Pulumi Cloud's 409). */
export function lockHolders(text: string, probe: LockProbe = LOCAL_PROBE): LockHolder[] {
  const holders: LockHolder[] = [];
  for (const match of text.matchAll(HOLDER_LINE)) {
    const [, url = '', user = '', host = '', pidText = '', since = ''] = match;
    const pid = Number(pidText);
    holders.push({
      location: url.startsWith('file://') ? decodeURIComponent(url.slice('file://'.length)) : url,
      user,
      host,
      pid,
      since,
      stale: host === probe.hostname && !probe.processAlive(pid),
    });
  }
  return holders;
}

/** `ci@runner-3, process 4242, since 2026-11-28T01:00:00Z (5 min ago)`. */
export function describeHolder(holder: LockHolder, now: Date = new Date()): string {
  const age = ageText(holder.since, now);
  return `${holder.user}@${holder.host}, process ${holder.pid}, since ${holder.since}${age === undefined ? '' : ` (${age})`}${holder.stale ? ', which has ended' : ''}`;
}

function ageText(since: string, now: Date): string | undefined {
  const at = Date.parse(since);
  if (Number.isNaN(at)) return undefined;
  const seconds = Math.max(0, Math.round((now.getTime() - at) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} days ago`;
}

/**
 * The holders of a `file://` backend's lock, read from the lock objects themselves (the engine's
 * JSON: pid, username, hostname, timestamp); undefined for other backends, where only the engine
 * reads them (and says them only when refusing an operation).
 */
export async function readFileLockHolders(folder: string | undefined, probe: LockProbe = LOCAL_PROBE): Promise<LockHolder[] | undefined> {
  if (folder === undefined) return undefined;
  const names = await readdir(folder).catch(() => [] as string[]);
  const holders: LockHolder[] = [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const location = join(folder, name);
    try {
      const lock = JSON.parse(await readFile(location, 'utf8')) as { pid?: unknown; username?: unknown; hostname?: unknown; timestamp?: unknown };
      const host = String(lock.hostname ?? '');
      const pid = Number(lock.pid);
      holders.push({ location, user: String(lock.username ?? ''), host, pid, since: String(lock.timestamp ?? ''), stale: host === probe.hostname && !probe.processAlive(pid) });
    } catch {
      // A lock object being written or removed right now: the engine's own check decides.
    }
  }
  return holders;
}

/** Whether a stack's lock belongs to a run that is still going, and why (for `openmcf cancel`). */
export interface LockVerdict {
  /** Why the holder counts as alive; undefined when nothing says so (the lock may be released). */
  readonly alive?: string;
  /** Each holder and heartbeat as a phrase, for the message either way. */
  readonly described: readonly string[];
}

/**
 * A holder is alive when: it runs on this machine and its process exists; or, on another machine,
 * it renewed its heartbeat (or, without one, took the lock) less than `staleAfterMs` ago. Runs of
 * openmcf renew theirs every 20 s (engine/lock-heartbeat.ts); a plain `pulumi` does not.
 */
export function lockVerdict(
  holders: readonly LockHolder[] | undefined,
  heartbeats: readonly Heartbeat[],
  now: Date,
  staleAfterMs: number,
  probe: LockProbe = LOCAL_PROBE,
): LockVerdict {
  const described: string[] = [];
  let alive: string | undefined;
  const age = (at: string): number => now.getTime() - Date.parse(at);
  for (const holder of holders ?? []) {
    described.push(describeHolder(holder, now));
    if (holder.host === probe.hostname) {
      if (probe.processAlive(holder.pid)) alive ??= `its process ${holder.pid} is running on this machine`;
    } else if (heartbeats.length === 0 && age(holder.since) < staleAfterMs) {
      alive ??= `it took the lock ${ageText(holder.since, now) ?? 'just now'} on ${holder.host}`;
    }
  }
  for (const beat of heartbeats) {
    const renewed = ageText(beat.renewedAt, now) ?? 'at an unknown time';
    if (beat.host === probe.hostname) {
      if (!probe.processAlive(beat.pid)) continue;
      described.push(`openmcf process ${beat.pid} on this machine, running since ${beat.since}`);
      alive ??= `openmcf process ${beat.pid} is running on this machine`;
    } else {
      described.push(`openmcf process ${beat.pid} on ${beat.host}, heartbeat renewed ${renewed}`);
      if (age(beat.renewedAt) < staleAfterMs) alive ??= `openmcf process ${beat.pid} on ${beat.host} renewed its heartbeat ${renewed}`;
    }
  }
  return { ...(alive ? { alive } : {}), described };
}
