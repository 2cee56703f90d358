// Start-up speed. `commander` and `yaml` are CommonJS packages of many files; loading them one by
// one costs about as much as starting Node. The build concatenates each into
// dist/vendor/<package>-bundle.js (scripts/bundle-vendor.mjs, from the installed package, code
// unchanged) with V8's code cache beside it, so a package is neither resolved file by file nor
// parsed again. Placing the result in the CommonJS module cache under the package's own entry file
// makes every later `import ... from '<package>'` use it: Node's ESM loader takes CommonJS modules
// from that cache. So call it before the first module importing them is linked (bin/openmcf.js
// imports the CLI dynamically after calling it). Whenever anything does not match (no bundle, the
// package changed since the build, already loaded, a code cache from another Node) it falls back:
// the package loads as usual, or the bundle is compiled without the cache.
//
// `loadCachedScript` loads any script the build generated into dist/vendor/ (see
// scripts/code-cache.mjs): a function expression taking `exports` and `require`, with V8's code
// cache beside it. Node 20 has no compile cache for modules; vm.Script's `cachedData` is the
// supported way. A missing or rejected cache (another V8) only costs time: the script is then
// compiled from its source. The schema validator (src/validation/schema-check.ts) is loaded this way too.
import { readFileSync, statSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

export const BUNDLED_PACKAGES = ['commander', 'yaml'] as const;

interface VendorBundle {
  entrySize?: number;
  load?: () => unknown;
}

/** Preloads every bundled package; returns the ones now served from their bundle. */
export function preloadVendorBundles(): string[] {
  if (process.env.OPENMCF_NO_VENDOR_BUNDLES) return [];
  return BUNDLED_PACKAGES.filter((name) => preloadBundle(name));
}

function preloadBundle(name: string): boolean {
  try {
    const require = createRequire(import.meta.url);
    const entry = require.resolve(name);
    if (require.cache[entry]) return false;
    const bundle = loadCachedScript<VendorBundle>(fileURLToPath(new URL(`../../vendor/${name}-bundle.js`, import.meta.url)));
    if (!bundle.load || bundle.entrySize !== statSync(entry).size) return false;
    const cached = new Module(entry);
    cached.filename = entry;
    cached.exports = bundle.load();
    cached.loaded = true;
    require.cache[entry] = cached;
    return true;
  } catch {
    return false;
  }
}

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
