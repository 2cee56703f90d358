// The command line turns flags into typed options once (cli/flags/): what the commands get.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExitCode, OpenmcfError } from '../../src/core/errors.js';
import { cloudOptionsFromFlags } from '../../src/cli/flags/cloud-options.js';
import { manifestSelectionFromFlags } from '../../src/cli/flags/manifest-options.js';
import { manifestInput } from '../../src/run/manifest-input.js';

const invalid = (code: string) => (error: unknown) => error instanceof OpenmcfError && error.exitCode === ExitCode.invalidInput && error.code === code;

test('the manifest flags become one selection: positional paths after -f, the overlay as a pair, --shard parsed', () => {
  const selection = manifestSelectionFromFlags({ file: ['a.yaml'], kustomizeDir: 'deploy', overlay: 'prod', set: ['spec.port=1'], envFile: 'x.env', shard: '2/4' }, ['b.yaml']);
  assert.deepEqual(selection, {
    files: ['a.yaml', 'b.yaml'],
    kustomize: { dir: 'deploy', overlay: 'prod' },
    sets: ['spec.port=1'],
    envFile: 'x.env',
    shard: { index: 2, count: 4 },
  });
  assert.throws(() => manifestSelectionFromFlags({ kustomizeDir: 'deploy' }), invalid('flag.kustomize'));
  assert.throws(() => manifestSelectionFromFlags({ overlay: 'prod' }), invalid('flag.kustomize'));
  assert.throws(() => manifestSelectionFromFlags({ file: ['a.yaml'], shard: '5/4' }), invalid('flag.shard'));
});

test('a selection naming no manifest is refused when it is loaded, not before (--stack alone and --plan need none)', () => {
  const none = manifestSelectionFromFlags({});
  assert.throws(() => manifestInput(none), invalid('flag.no-manifest'));
  assert.deepEqual(manifestInput(manifestSelectionFromFlags({ file: ['a.yaml'] })), { files: ['a.yaml'] });
});

test('--plan refuses the flags the plan decides, and runs without a refresh', () => {
  assert.throws(() => cloudOptionsFromFlags({ plan: 'plan.json', file: ['a.yaml'] }, {}, '/tmp'), invalid('flag.plan'));
  assert.throws(() => cloudOptionsFromFlags({ plan: 'plan.json', skipPreview: true }, {}, '/tmp'), invalid('flag.plan'));
  const options = cloudOptionsFromFlags({ plan: 'plan.json', set: ['spec.port=1'], refresh: true }, {}, '/tmp');
  assert.equal(options.plan, 'plan.json');
  assert.equal(options.refresh, false);
  assert.deepEqual(options.manifests.sets, ['spec.port=1']);
});
