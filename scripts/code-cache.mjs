// Build-time half of loadCachedScript (src/manifest/vendor-bundles.ts): writes a generated script (a function
// expression taking `exports`, `require`, then whatever `args` the script's loader passes) and V8's
// code cache for it, taken after `warm` has run the script's code so that the functions it
// compiled lazily are in the cache too. The cache only saves start-up time: a Node with another V8
// rejects it and compiles the script as usual. A `warm` that returns a promise is waited for (the
// cache is then written when it settles, and the returned promise says when).
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

export function writeCachedScript(path, text, warm, args = []) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  const script = new Script(text, { filename: path });
  const exports = {};
  script.runInThisContext()(exports, createRequire(path), ...args);
  const warmed = warm(exports);
  // Named for the V8 that made it (see builtCacheFile in src/manifest/vendor-bundles.ts): another V8
  // would reject it after compiling, a cost paid for nothing.
  const save = () => writeFileSync(`${path.replace(/\.js$/, '')}.v8-${process.versions.v8}.cache`, script.createCachedData());
  return warmed instanceof Promise ? warmed.then(save) : save();
}
