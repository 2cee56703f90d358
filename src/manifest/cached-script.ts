// Loads a script the build generated into dist/vendor/ (scripts/code-cache.mjs): a function
// expression taking `exports` and `require`, with V8's code cache beside it, so that start-up
// neither resolves many files nor parses them again. Node 20 has no compile cache for modules;
// vm.Script's `cachedData` is the supported way. A missing or rejected cache (another V8) only
// costs time: the script is then compiled from its source.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';

export function loadCachedScript<T extends object>(path: string): T {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${path.replace(/\.js$/, '')}.cache`);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(readFileSync(path, 'utf8'), { filename: path, ...(cachedData ? { cachedData } : {}) });
  const exports = {} as T;
  (script.runInThisContext() as (exports: T, require: NodeJS.Require) => void)(exports, createRequire(path));
  return exports;
}
