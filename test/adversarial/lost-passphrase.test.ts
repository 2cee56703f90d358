// Finding 9 of issue 9: a lost passphrase file (the sandbox's or the generated one) was silently
// replaced by a new one; the engine then failed asking for PULUMI_CONFIG_PASSPHRASE, which the
// sandbox ignores. A passphrase that encrypted existing state is never replaced: the run says which
// file is missing and what it protected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome } from '../e2e/cloud-run.js';
import { runOpenmcf, tempDir } from '../helpers/run-openmcf.js';
import { fixture } from './adversarial.js';

test('the sandbox passphrase lost after an apply: refused, named, not regenerated', () => {
  const home = new CloudHome('openmcf-adv-passphrase-');
  const first = home.run(['apply', '--sandbox', '--yes', '-f', fixture('secrets.yaml')]);
  assert.equal(first.code, 0, first.stderr);
  const passphrase = join(home.dir, 'sandbox', 'passphrase');
  rmSync(passphrase);

  const again = home.run(['apply', '--sandbox', '--yes', '-f', fixture('secrets.yaml')]);
  assert.equal(again.code, 3, again.stderr);
  assert.match(
    again.stderr,
    new RegExp(
      `^error: the passphrase file ${passphrase} is missing, but stack adversarial/secrets/dev\\.ScalewayServerlessContainer\\.secret-api in file://.*sandbox/state was encrypted with it`,
      'm',
    ),
  );
  assert.match(again.stderr, /restore .*sandbox\/passphrase from a backup; or, to start the sandbox over, delete/);
  assert.doesNotMatch(again.stderr, /PULUMI_CONFIG_PASSPHRASE/);
  assert.equal(existsSync(passphrase), false, 'a new passphrase was written over the lost one');
});

test('the generated passphrase of a file backend lost: refused, naming both ways back', () => {
  const home = tempDir('openmcf-adv-passphrase-');
  const state = join(home, 'state');
  // The stack of this manifest exists in the state (its content does not matter here: the check
  // comes before the engine opens it).
  mkdirSync(join(state, '.pulumi', 'stacks', 'secrets'), { recursive: true });
  writeFileSync(join(state, '.pulumi', 'stacks', 'secrets', 'dev.ScalewayServerlessContainer.secret-api.json'), '{}');
  // No passphrase in the environment (the runner passes none on).
  // `outputs` needs no Scaleway credentials, so the passphrase is the first thing it meets.
  const run = () => runOpenmcf(['outputs', '-f', fixture('secrets.yaml'), '--backend', `file://${state}`], { home, timeoutMs: 60_000 });
  const result = run();
  assert.equal(result.code, 3, result.stderr);
  assert.match(
    result.stderr,
    new RegExp(
      `the passphrase file ${join(home, 'passphrase')} is missing, but stack adversarial/secrets/dev\\.ScalewayServerlessContainer\\.secret-api in file://${state} was encrypted with it`,
    ),
  );
  assert.match(result.stderr, /set PULUMI_CONFIG_PASSPHRASE \(or PULUMI_CONFIG_PASSPHRASE_FILE\) to the passphrase the stack was created with/);
  assert.equal(existsSync(join(home, 'passphrase')), false);

  // Other stacks in a shared state folder do not block a first run: they are not this run's.
  rmSync(join(state, '.pulumi', 'stacks', 'secrets', 'dev.ScalewayServerlessContainer.secret-api.json'));
  writeFileSync(join(state, '.pulumi', 'stacks', 'secrets', 'someone-elses.json'), '{}');
  const first = run();
  assert.doesNotMatch(first.stderr, /passphrase file/, first.stderr);
  // outputs reads a local folder backend without the engine: it says the stack is not there yet.
  assert.equal(first.code, 1, first.stderr);
  assert.match(first.stderr, /does not exist on file:\/\//);
});
