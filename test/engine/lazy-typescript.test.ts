// The Pulumi SDK no longer loads the TypeScript compiler at import (src/engine/lazy-typescript.ts),
// yet closure serialization, the one thing that needs it, still works and loads it then.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { deferTypescriptLoading } from '../../src/engine/lazy-typescript.js';

const require = createRequire(import.meta.url);
const typescriptLoaded = (): boolean => Object.keys(require.cache).some((path) => /[\\/]typescript[\\/]lib[\\/]typescript\.js$|typescript@3\.8\.3[\\/]typescript\.js$/.test(path));

test('importing the SDK leaves the compiler out; serializing a closure brings it in', async () => {
  deferTypescriptLoading();
  const pulumi = await import('@pulumi/pulumi');
  await import('@pulumi/pulumi/automation/index.js');
  assert.equal(typescriptLoaded(), false, 'the SDK and the Automation API load without TypeScript');

  const serialized = await pulumi.runtime.serializeFunction(() => 40 + 2);
  assert.match(serialized.text, /40 \+ 2/);
  assert.equal(typescriptLoaded(), true, 'loaded on first use');
});
