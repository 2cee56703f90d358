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
// cache beside it (`<name>.v8-<version>.cache`). Node 20 has no compile cache for modules;
// vm.Script's `cachedData` is the supported way. Under another V8 than the build's, the script is
// compiled from its source, and Node >= 22.1 keeps a cache of its own in its compile cache folder.
// The schema validator (src/validation/schema-check.ts) and the start-up bundle load this way too.
import { existsSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

export const BUNDLED_PACKAGES = ['commander', 'yaml'] as const;

interface VendorBundle {
  /** The package's entry file, relative to the package's folder, and its size, as bundled. */
  entry?: string;
  entrySize?: number;
  load?: () => unknown;
}

/** The packages served from their bundles, by name: the start-up bundle requires them from here. */
const preloaded = new Map<string, unknown>();

/** Preloads every bundled package; returns the ones now served from their bundle. */
export function preloadVendorBundles(): string[] {
  if (process.env.OPENMCF_NO_VENDOR_BUNDLES) return [];
  return BUNDLED_PACKAGES.filter((name) => preloadBundle(name));
}

function preloadBundle(name: string): boolean {
  try {
    const require = createRequire(import.meta.url);
    const bundle = loadCachedScript<VendorBundle>(fileURLToPath(new URL(`../../vendor/${name}-bundle.js`, import.meta.url)));
    if (!bundle.load || !bundle.entry) return false;
    const entry = entryFile(name, bundle.entry) ?? require.resolve(name);
    if (require.cache[entry] || bundle.entrySize !== statSync(entry).size) return false;
    const cached = new Module(entry);
    cached.filename = entry;
    cached.exports = bundle.load();
    cached.loaded = true;
    require.cache[entry] = cached;
    preloaded.set(name, cached.exports);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where `require` and `import` find the package from dist/: the package's own node_modules when it
 * holds it (a checkout, or dependencies installed under the package), by its real path as Node
 * keys its module cache; else undefined, and Node's resolution (a few ms at start-up) says.
 */
function entryFile(name: string, entry: string): string | undefined {
  const path = join(fileURLToPath(new URL('../../../node_modules/', import.meta.url)), name, entry);
  return existsSync(path) ? realpathSync.native(path) : undefined;
}

/**
 * The commands the start-up bundle (dist/vendor/startup-bundle.js, scripts/build-startup-bundle.mjs)
 * serves: `validate` and `schema` (with their aliases), and `--version` alone. Their files, from
 * cli/main.ts down, run from one script with V8's code cache instead of ~55 ES modules resolved,
 * read and compiled one by one.
 */
export const STARTUP_COMMANDS: readonly string[] = ['validate', 'validate-manifest', 'schema'];
const VERSION_ONLY: readonly string[] = ['-v', '-V', '--version'];

type Main = (argv: readonly string[]) => Promise<number>;

interface StartupBundle {
  files?: ReadonlyArray<readonly [string, number]>;
  load?: (file: string) => { main?: Main };
}

/**
 * The CLI's `main` from the start-up bundle when it serves `argv`, else undefined (then import
 * dist/src/cli/main.js). A bundle whose files no longer have the sizes they had when it was built
 * (dist rebuilt by tsc alone) is not used: it would run the old code. `dist`: the build's folder
 * (tests point it at a copy).
 */
export function startupBundleMain(argv: readonly string[], dist: URL = new URL('../../', import.meta.url)): Main | undefined {
  if (process.env.OPENMCF_NO_VENDOR_BUNDLES) return undefined;
  const served = STARTUP_COMMANDS.includes(argv[0] ?? '') || (argv.length === 1 && VERSION_ONLY.includes(argv[0] as string));
  if (!served) return undefined;
  try {
    const esmImport = (specifier: string): Promise<unknown> => import(specifier);
    const folder = fileURLToPath(dist);
    const bundle = loadCachedScript<StartupBundle>(join(folder, 'vendor', 'startup-bundle.js'), esmImport, dist.href, packageRequire);
    if (!bundle.load || !bundle.files?.every(([file, size]) => statSync(join(folder, file)).size === size)) return undefined;
    return bundle.load('src/cli/main.js').main;
  } catch {
    return undefined;
  }
}

/** `require` for the start-up bundle: a preloaded package without resolving its name again. */
function packageRequire(require: NodeJS.Require, id: string): unknown {
  return preloaded.has(id) ? preloaded.get(id) : require(id);
}

export function loadCachedScript<T extends object>(path: string, ...args: readonly unknown[]): T {
  const source = readFileSync(path, 'utf8');
  // The build's cache when this Node's V8 made it; else one this Node made on an earlier run.
  const built = readOptional(builtCacheFile(path));
  const own = built ? undefined : ownCacheFile(path);
  const cachedData = built ?? (own ? readOptional(own) : undefined);
  const script = new Script(source, { filename: path, ...(cachedData ? { cachedData } : {}) });
  if (own && (!cachedData || script.cachedDataRejected)) saveAtExit(script, own);
  const exports = {} as T;
  (script.runInThisContext() as (exports: T, require: NodeJS.Require, ...args: readonly unknown[]) => void)(exports, createRequire(path), ...args);
  return exports;
}

/** The code cache the build wrote beside a script, named for the V8 that can read it. */
function builtCacheFile(path: string): string {
  return `${path.replace(/\.js$/, '')}.v8-${process.versions.v8}.cache`;
}

/**
 * Under another Node than the build's (Node 22 for a package built on 20): a code cache of this
 * Node's own, in the folder of its compile cache (enabled by bin/openmcf.js; none on Node 20 or
 * with NODE_DISABLE_COMPILE_CACHE), named for the script's path, size and time and the V8 version.
 */
function ownCacheFile(path: string): string | undefined {
  const folder = (Module as { getCompileCacheDir?: () => string | undefined }).getCompileCacheDir?.();
  if (!folder) return undefined;
  const { size, mtimeMs } = statSync(path);
  return join(folder, `openmcf-${basename(path, '.js')}-${hashText(path)}-${size}-${Math.trunc(mtimeMs)}-${process.versions.v8}.cache`);
}

/** Written when the process ends, so that it holds every function the run compiled. */
function saveAtExit(script: Script, file: string): void {
  process.once('exit', () => {
    try {
      const temporary = `${file}.${process.pid}`;
      // 0600, as Node writes its own cache files: nothing openmcf leaves in TMPDIR is readable by others.
      writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      renameSync(temporary, file);
    } catch {
      // Only start-up time is lost; the next run tries again.
    }
  });
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** FNV-1a, as hex: a short stable name for a path (no crypto module at start-up). */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16);
}
