// Start-up speed for the commands that only read manifests. The `yaml` package is 70+ CommonJS
// files; loading them one by one costs about as much as starting Node. The build concatenates them
// into dist/vendor/yaml.cjs (scripts/bundle-yaml.mjs, from the installed package, code unchanged).
// Placing that bundle in the CommonJS module cache under the package's own file name makes every
// later `import ... from 'yaml'` use it: Node's ESM loader takes CommonJS modules from that cache.
// Call it before the first module that imports `yaml` is loaded. Whenever anything does not match
// (no bundle, another yaml version, yaml already loaded) it does nothing and yaml loads as usual.
import { createRequire, Module } from 'node:module';
import { fileURLToPath } from 'node:url';

const BUNDLE = fileURLToPath(new URL('../../vendor/yaml.cjs', import.meta.url));

interface YamlBundle {
  readonly version: string;
  load(): unknown;
}

export function preloadYamlBundle(): boolean {
  if (process.env.OPENMCF_NO_YAML_BUNDLE) return false;
  try {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('yaml');
    if (require.cache[entry]) return false;
    const bundle = require(BUNDLE) as YamlBundle;
    const { version } = require('yaml/package.json') as { version: string };
    if (bundle.version !== version) return false;
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
