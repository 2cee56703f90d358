// Folders openmcf creates for itself (its home, the sandbox's, a file backend's state folder): one
// way to make them that says, as invalid input, why a path cannot be a folder (a file in the way,
// no permission, a read-only file system) instead of failing later with an internal error. They
// hold state, passphrases and the sandbox's cloud: private to their owner (0700), also when an
// earlier version made them readable by others (0755).
import { accessSync, chmodSync, constants, mkdirSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { invalidInput, type OpenmcfError } from './errors.js';

/** Creates `path` (and its parents) as a folder, or says why it cannot be one. */
export function ensureFolder(path: string, what: string): void {
  let existing: Stats | undefined;
  try {
    existing = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw folderProblem(path, what, reasonOf(error));
  }
  if (existing !== undefined && !existing.isDirectory()) throw folderProblem(path, what, 'it is a file, not a folder');
  try {
    if (existing === undefined) makeFolders(path);
    else {
      accessSync(path, constants.W_OK);
      makePrivate(path, existing);
    }
  } catch (error) {
    throw folderProblem(path, what, reasonOf(error));
  }
}

/**
 * `mkdir -p`, one level at a time from the nearest existing ancestor. Node's own recursive mkdir
 * never returns under a pseudo file system such as /proc (it loops on the error it gets there).
 */
function makeFolders(path: string): void {
  const missing: string[] = [];
  let current = path;
  while (statSync(current, { throwIfNoEntry: false }) === undefined) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing) mkdirSync(folder, { mode: PRIVATE_FOLDER });
}

/**
 * From here on every file and folder this process and the processes it starts create is private
 * (umask 077): the engine writes state, backups, locks and its workspace files with Go's default
 * modes (0644, 0755), which openmcf cannot pass to it otherwise. Called by the cloud commands, whose
 * every write is state or a secret's neighbour; never by `init` or `schema --output`, whose files
 * are the user's.
 */
export function keepNewFilesPrivate(): void {
  process.umask(0o077);
}

/** Folders only their owner may enter. */
export const PRIVATE_FOLDER = 0o700;

/** Takes group and other access away from a folder of this user's (never from someone else's). */
function makePrivate(path: string, info: Stats): void {
  if ((info.mode & 0o077) === 0 || info.uid !== process.getuid?.()) return;
  chmodSync(path, info.mode & PRIVATE_FOLDER);
}

function folderProblem(path: string, what: string, reason: string): OpenmcfError {
  return invalidInput(
    `${what} ${path} cannot be used: ${reason}`,
    'folder.unusable',
    what === 'OPENMCF_HOME'
      ? 'point OPENMCF_HOME at a folder you can write to (it is created if missing), or unset it to use ~/.openmcf'
      : 'remove or move what is in the way, or choose a folder you can write to',
  );
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOTDIR':
      return 'a part of that path is a file, not a folder';
    case 'EEXIST':
      return 'a file is in the way';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOENT':
      return 'a part of that path does not exist and cannot be created';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
