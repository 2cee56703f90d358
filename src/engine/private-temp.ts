// The temporary folders openmcf makes for the engine (`openmcf-<use>-<pid>-XXXXXX` in the system's
// temporary folder: a stack's workspace, a checkpoint being imported): private (0700, mkdtemp's
// mode), removed when the run ends, and swept by the next run when a hard kill (`kill -9`, a lost
// runner) left them behind. The pid in the name says whose they are: a folder whose process no
// longer exists, owned by this user, is left over.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive } from '../core/process-alive.js';

export type PrivateFolderUse = 'ws' | 'import';

const LEFTOVER = /^openmcf-(?:ws|import)-(\d+)-/;

/** A new private folder for one stack's workspace. */
export async function makeWorkspaceFolder(): Promise<string> {
  return makePrivateFolder('ws');
}

/** A new private folder of this run, for `use`; remove it in `finally`. */
export async function makePrivateFolder(use: PrivateFolderUse): Promise<string> {
  await sweepLeftovers();
  return mkdtemp(join(tmpdir(), `openmcf-${use}-${process.pid}-`));
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
    const pid = LEFTOVER.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || processAlive(Number(pid))) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || !info.isDirectory() || (uid !== undefined && info.uid !== uid)) continue;
    await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}
