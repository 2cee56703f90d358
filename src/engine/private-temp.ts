// The temporary folders openmcf makes for the engine (`openmcf-ws-<pid>-XXXXXX` in the system's
// temporary folder): private (0700, mkdtemp's mode), removed when the run ends, and swept by the
// next run when a hard kill (`kill -9`, a lost runner) left them behind. The pid in the name says
// whose they are: a folder whose process no longer exists, owned by this user, is left over.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'openmcf-ws-';

/** A new private folder for one stack's workspace. */
export async function makeWorkspaceFolder(): Promise<string> {
  await sweepLeftovers();
  return mkdtemp(join(tmpdir(), `${PREFIX}${process.pid}-`));
}

let swept: Promise<void> | undefined;

/** Once per process: removes the workspace folders of runs that are gone. */
function sweepLeftovers(): Promise<void> {
  swept ??= sweep().catch(() => undefined);
  return swept;
}

async function sweep(): Promise<void> {
  const folder = tmpdir();
  const uid = process.getuid?.();
  for (const name of await readdir(folder)) {
    const pid = new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || !info.isDirectory() || (uid !== undefined && info.uid !== uid)) continue;
    await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
