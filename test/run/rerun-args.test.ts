// One rerunArgs, from the typed options: every suggested command keeps the flags that chose its
// stack (issue 20: `outputs` kept only -f and --sandbox).
import { SecretValues } from '../../src/core/secrets.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cloudOptionsFromFlags } from '../../src/cli/flags/cloud-options.js';
import { kustomizeSourceName } from '../../src/manifest/kustomize.js';
import { rerunArgs } from '../../src/run/rerun-args.js';
import { stackOnlyManifest } from '../../src/run/stack-only.js';
import type { LoadedManifest } from '../../src/validation/load-manifests.js';
import type { ScalewayServerlessContainerManifest } from '../../src/validation/spec-types.js';

function loadedFrom(file: string): LoadedManifest {
  const manifest = { metadata: { name: 'my-api', labels: {} }, spec: { env: { variables: {}, secrets: [] } } } as unknown as ScalewayServerlessContainerManifest;
  return { origin: { file, line: 1, column: 1, documentIndex: 0 }, manifest, secretValues: [], ignoredFields: [] };
}

test('a manifest built by kustomize is named by its overlay, with every flag that chose its stack', () => {
  const options = cloudOptionsFromFlags(
    {
      kustomizeDir: 'deploy',
      overlay: 'prod',
      set: ['spec.port=8081', 'spec.image.tag=v 2'],
      envFile: 'run.env',
      sandbox: true,
      backend: 'postgres://u:pw@db/state',
      providerConfig: 'scw.yaml',
      stack: 'o/p/s',
    },
    {},
    '/tmp',
  );
  const loaded = loadedFrom(kustomizeSourceName({ dir: 'deploy', overlay: 'prod' }));
  assert.equal(
    rerunArgs(options, SecretValues.none, { loaded, backendUrl: 'postgres://u@db/state' }),
    "--kustomize-dir deploy --overlay prod --set spec.port=8081 --set 'spec.image.tag=v 2' --env-file run.env --sandbox --backend postgres://u@db/state -p scw.yaml --stack o/p/s",
  );
});

test('a file is named with -f (standard input as -); the whole run names every file and the overlay', () => {
  const options = cloudOptionsFromFlags({ file: ['a.yaml', 'dir with space/'], kustomizeDir: 'deploy', overlay: 'prod', sandbox: true }, {}, '/tmp');
  assert.equal(rerunArgs(options, SecretValues.none, { loaded: loadedFrom('a.yaml') }), '-f a.yaml --sandbox');
  assert.equal(rerunArgs(options, SecretValues.none, { loaded: loadedFrom('<stdin>') }), '-f - --sandbox');
  assert.equal(rerunArgs(options, SecretValues.none), "-f a.yaml -f 'dir with space/' --kustomize-dir deploy --overlay prod --sandbox");
});

test('a stack named alone: --stack first, the backend flags, and no manifest flags', () => {
  const options = cloudOptionsFromFlags({ file: ['manifests/'], set: ['spec.port=8081'], backend: 'file:///state' }, {}, '/tmp');
  assert.equal(rerunArgs(options, SecretValues.none, { stack: 'organization/p/old-api', backendUrl: 'file:///state' }), '--stack organization/p/old-api --backend file:///state');
  const alone = cloudOptionsFromFlags({ stack: 'o/p/s', sandbox: true }, {}, '/tmp');
  assert.equal(rerunArgs(alone, SecretValues.none, { loaded: stackOnlyManifest('o/p/s') }), '--stack o/p/s --sandbox');
});
