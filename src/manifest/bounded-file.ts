// Reading a file a flag names (-f, --env-file) with a bound on what it may cost. Only regular files
// are read: a FIFO blocks until a writer appears (forever, if none does) and a device such as
// /dev/zero never ends. The file is opened without blocking and checked on the open descriptor, so
// a FIFO is refused at once and a file swapped between a check and the read cannot slip through.
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';

/**
 * The most one source (a manifest file, standard input, an env file) may hold. Manifests are a few
 * kilobytes; without a bound a runaway pipe is read until memory runs out.
 */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export type BoundedRead =
  | { readonly bytes: Buffer }
  | { readonly tooLarge: true }
  /** What the path is instead of a regular file ("a FIFO", "a character device", ...). */
  | { readonly notAFile: string };

/** The bytes of the regular file at `path`, if it holds at most `max` bytes. System errors (ENOENT,
 * EACCES, EISDIR, ...) are thrown as they are, for the caller to word. */
export function readRegularFile(path: string, max: number = MAX_SOURCE_BYTES): BoundedRead {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
    if (!info.isFile()) return { notAFile: kindOf(info) };
    if (info.size > max) return { tooLarge: true };
    const bytes = readFileSync(fd);
    // A file that grew after fstat (a log being written) is still held to the bound.
    return bytes.length > max ? { tooLarge: true } : { bytes };
  } finally {
    closeSync(fd);
  }
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The refusal, in the words both flags use. */
export function notAFileMessage(kind: string): string {
  return `is ${kind}, not a regular file; only regular files are read`;
}
