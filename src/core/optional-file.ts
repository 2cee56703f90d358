// Files that may not be there (a passphrase file, the Pulumi login, a provider config): absent is
// an answer, not an error; any other failure to read is one, worded by the caller.
import { readFile } from 'node:fs/promises';

/** A Node system error's code (`ENOENT`, `EACCES`, ...), or `unknown error` for anything else. */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown error';
}

/** No file at the path: none there (ENOENT), or a part of the path that is a file, not a folder (ENOTDIR). */
export function isMissingFile(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The file's text, or undefined when there is no file; another failure throws `unreadable(code)`. */
export async function readOptionalFile(path: string, unreadable: (code: string) => Error): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw unreadable(errorCode(error));
  }
}
