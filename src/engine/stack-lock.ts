// Who holds a stack's lock, read from what the engine reports. On self-managed backends (file, S3,
// PostgreSQL, ...) the engine keeps one lock object per running update under
// `.pulumi/locks/<org>/<project>/<stack>/<id>.json` holding {pid, username, hostname, timestamp}
// (pkg/backend/diy/lock.go), and a refused update lists them as
// `<url of the object>: created by <user>@<host> (pid <pid>) at <RFC 3339 time>`. The same lines on
// every backend, so no S3 or PostgreSQL client is needed here.
import { hostname } from 'node:os';

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

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return (error as { code?: string }).code !== 'ESRCH';
  }
}
