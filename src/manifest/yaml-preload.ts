// Start-up speed for the commands that only read manifests. The `yaml` package is 70+ CommonJS
// files; loading them one by one costs about as much as starting Node. The build concatenates them
// into dist/vendor/yaml-bundle.js (scripts/bundle-yaml.mjs, from the installed package, code
// unchanged) and records V8's code cache for it, so it is neither resolved file by file nor parsed
// again. Placing the result in the CommonJS module cache under the package's own file name makes
// every later `import ... from 'yaml'` use it: Node's ESM loader takes CommonJS modules from that
// cache. Call it before the first module that imports `yaml` is loaded. Whenever anything does not
// match (no bundle, another yaml version, yaml already loaded, a cache from another Node) it falls
// back: yaml loads as usual, or the bundle is compiled without the cache.
import { createRequire, Module } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadCachedScript } from './cached-script.js';

const BUNDLE = fileURLToPath(new URL('../../vendor/yaml-bundle.js', import.meta.url));

interface YamlBundle {
  version?: string;
  load?: () => unknown;
}

export function preloadYamlBundle(): boolean {
  if (process.env.OPENMCF_NO_YAML_BUNDLE) return false;
  try {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('yaml');
    if (require.cache[entry]) return false;
    const bundle = loadCachedScript<YamlBundle>(BUNDLE);
    const { version } = require('yaml/package.json') as { version: string };
    if (bundle.version !== version || !bundle.load) return false;
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
