// The Pulumi SDK loads the whole TypeScript compiler (about 0.2 s of CPU, 9 MB of code) as soon as
// it is imported, for one thing only: serializing closures (`runtime/closure/parseFunction.js`
// requires `typescript-shim` at its top; the SDK's other users of it already require it lazily,
// "to avoid always loading" it, as `tsutils.js` says). openmcf runs inline programs, which serialize
// no closure, so every cloud command paid for a compiler it never used. Before the SDK is first
// imported, the shim's module is put in the require cache as a stand-in that loads the real one on
// first use: the same behaviour, only later (or never).
import { createRequire } from 'node:module';

let installed = false;

export function deferTypescriptLoading(): void {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  let path: string;
  try {
    path = require.resolve('@pulumi/pulumi/typescript-shim');
  } catch {
    return; // another SDK layout: leave it alone
  }
  if (require.cache[path] !== undefined) return;
  let real: Record<PropertyKey, unknown> | undefined;
  const load = (): Record<PropertyKey, unknown> => {
    if (real === undefined) {
      delete require.cache[path];
      real = require(path) as Record<PropertyKey, unknown>;
    }
    return real;
  };
  const exports = new Proxy(
    {},
    {
      get: (_target, key) => load()[key],
      has: (_target, key) => key in load(),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_target, key) => {
        const descriptor = Object.getOwnPropertyDescriptor(load(), key);
        return descriptor === undefined ? undefined : { ...descriptor, configurable: true };
      },
    },
  );
  const Module = require('node:module') as { new (id: string): NodeJS.Module };
  const stand_in = new Module(path);
  stand_in.filename = path;
  stand_in.loaded = true;
  stand_in.exports = exports;
  require.cache[path] = stand_in;
}
