// Which stacks count as orphans: same project and environment as a manifest, named by none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { environmentOf, orphanStacks } from '../../src/commands/stacks/orphans.js';
import { namesStackOnly, isStackOnly, stackOnlyManifest } from '../../src/run/stack-only.js';
import type { BackendStack } from '../../src/engine/backend-stacks.js';
import { OpenmcfError } from '../../src/core/errors.js';

const listed = (name: string): BackendStack => {
  const [, project = '', stack = ''] = name.split('/');
  return { name, project, stack, updateInProgress: false };
};
const target = (project: string, stack: string) => ({ projectName: project, stack, stackName: `organization/${project}/${stack}` });

test('the environment is the stack name up to its first dot', () => {
  assert.equal(environmentOf('dev.ScalewayServerlessContainer.my-api'), 'dev');
  assert.equal(environmentOf('prod'), 'prod');
});

test('a stack of a manifest project and environment that no manifest names is an orphan; others are not', () => {
  const stacks = [
    listed('organization/my-project/dev.ScalewayServerlessContainer.my-api'),
    listed('organization/my-project/dev.ScalewayServerlessContainer.old-api'),
    listed('organization/my-project/prod.ScalewayServerlessContainer.my-api'),
    listed('organization/other-project/dev.ScalewayServerlessContainer.old-api'),
  ];
  const orphans = orphanStacks(stacks, [target('my-project', 'dev.ScalewayServerlessContainer.my-api')]);
  assert.deepEqual(
    orphans.map((o) => o.name),
    ['organization/my-project/dev.ScalewayServerlessContainer.old-api'],
    "prod stacks of the same project and stacks of other projects are not this folder's",
  );
  assert.deepEqual(orphanStacks(stacks, []), [], 'no manifest: no scope, no orphan');
});

test('--stack alone names a stand-in manifest that is recognised, and a malformed name is invalid input', () => {
  assert.equal(namesStackOnly({ stack: 'o/p/s', manifests: { files: [], sets: [] } }), true);
  assert.equal(namesStackOnly({ stack: 'o/p/s', manifests: { files: ['x.yaml'], sets: [] } }), false);
  assert.equal(namesStackOnly({ manifests: { files: [], sets: [] } }), false);
  const loaded = stackOnlyManifest('my-org/my-project/dev.ScalewayServerlessContainer.old-api');
  assert.equal(isStackOnly(loaded), true);
  assert.equal(loaded.origin.file, '--stack');
  assert.equal(loaded.manifest.metadata.name, 'dev.ScalewayServerlessContainer.old-api');
  assert.throws(
    () => stackOnlyManifest('only-two/parts'),
    (error: unknown) => error instanceof OpenmcfError && error.exitCode === 3 && /--stack must be <org>\/<project>\/<stack>/.test(error.message),
  );
});
