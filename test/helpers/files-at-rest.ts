// What a run leaves on disk, for the tests of issue 17 ("no secret at rest in plain text"):
//
//   plantedIn(roots, values, { skip })   every file under the roots that holds one of the values,
//                                        in its bytes or, for a gzip file (the engine's logs in
//                                        $PULUMI_HOME/logs), in its decompressed bytes
//   looseModes(root)                     every folder or file under root that its group or others
//                                        may read, write or enter (anything but 0700 / 0600)
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export function filesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (path: string): void => {
    const info = lstatSync(path, { throwIfNoEntry: false });
    if (info === undefined) return;
    if (info.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
    else if (info.isFile()) found.push(path);
  };
  walk(root);
  return found;
}

function readable(path: string): string[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return [];
  }
  const texts = [bytes.toString('latin1'), bytes.toString('utf8')];
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      const inflated = gunzipSync(bytes, { finishFlush: 2 /* Z_SYNC_FLUSH: a log still being written */ });
      texts.push(inflated.toString('utf8'));
    } catch {
      // not gzip after all
    }
  }
  return texts;
}

export function plantedIn(roots: readonly string[], values: readonly string[], options: { skip?: (path: string) => boolean } = {}): string[] {
  const hits: string[] = [];
  for (const root of roots) {
    for (const file of filesUnder(root)) {
      if (options.skip?.(file)) continue;
      const texts = readable(file);
      for (const value of values) if (texts.some((text) => text.includes(value))) hits.push(`${file} holds ${JSON.stringify(value.slice(0, 6))}...`);
    }
  }
  return hits;
}

export function looseModes(root: string): string[] {
  const loose: string[] = [];
  const walk = (path: string): void => {
    const info = lstatSync(path, { throwIfNoEntry: false });
    if (info === undefined || info.isSymbolicLink()) return;
    if ((info.mode & 0o077) !== 0) loose.push(`${path} is ${(info.mode & 0o777).toString(8)}`);
    if (info.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(root);
  return loose;
}
