// The quick paths never load the Pulumi SDK (most of a second to load): `--help`, `validate`
// (human and --json), `schema`. Node's module debug log names every CommonJS file loaded, by
// `require` or by an ES `import`, so an SDK file would show there; the controls prove the log does
// see packages loaded both ways on these very paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runOpenmcf } from '../helpers/run-openmcf.js';

const SDK = /node_modules[\\/]@pulumi(verse)?[\\/]/;

function loaded(args: readonly string[], env: Record<string, string> = {}): { code: number | null; log: string } {
  const result = runOpenmcf(args, { env: { NODE_DEBUG: 'module', ...env } });
  return { code: result.code, log: result.stderr };
}

const QUICK: ReadonlyArray<{ readonly args: readonly string[]; readonly code: number }> = [
  { args: ['--help'], code: 0 },
  { args: ['validate', '-f', 'manifests/order-api.yaml'], code: 0 },
  { args: ['validate', '--json', '-f', 'manifests/order-api.yaml'], code: 0 },
  { args: ['validate', '--json', '-f', 'test/fixtures/invalid/cron.yaml'], code: 3 },
  { args: ['schema'], code: 0 },
];

for (const { args, code } of QUICK) {
  for (const bundles of [true, false]) {
    test(`openmcf ${args.join(' ')} loads no Pulumi SDK file (${bundles ? 'start-up bundles' : 'ES modules'})`, () => {
      const run = loaded(args, bundles ? {} : { OPENMCF_NO_VENDOR_BUNDLES: '1' });
      assert.equal(run.code, code, run.log.slice(-2000));
      assert.doesNotMatch(run.log, SDK);
    });
  }
}

test('control: the log shows a package required lazily (cron-parser, for a schedule) on the validate path', () => {
  const run = loaded(['validate', '-f', 'test/fixtures/invalid/cron.yaml']);
  assert.equal(run.code, 3);
  assert.match(run.log, /node_modules[\\/]cron-parser[\\/]/);
});

test('control: the log shows a package imported as an ES import (yaml, without its bundle)', () => {
  const run = loaded(['validate', '-f', 'manifests/order-api.yaml'], { OPENMCF_NO_VENDOR_BUNDLES: '1' });
  assert.equal(run.code, 0);
  assert.match(run.log, /node_modules[\\/]yaml[\\/]dist[\\/]/);
});
