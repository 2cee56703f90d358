// Finding 11 of issue 9: environment names the platform cannot take (`A=B`, a space, a leading
// digit, empty) were accepted. They are schema errors at their line, secrets' names unquoted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printed, run } from './adversarial.js';

test('env names outside what a Kubernetes pod takes are invalid at their line', () => {
  const result = run(['validate', '-f', 'env-names.yaml']);
  assert.equal(result.code, 3, printed(result));
  const rule = 'must be letters, digits, `_`, `-` and `\\.`, not starting with a digit';
  assert.match(
    result.stderr,
    new RegExp(`^env-names\\.yaml:14:15: error: spec\\.env\\.variables\\[0\\]\\.name: ${rule}.*\\(got "A=B"\\)\\n {2}the name is the part before \`=\``, 'm'),
  );
  assert.match(result.stderr, new RegExp(`^env-names\\.yaml:16:15: error: spec\\.env\\.variables\\[1\\]\\.name: ${rule}.*\\n {2}environment variable names have no spaces`, 'm'));
  assert.match(result.stderr, new RegExp(`^env-names\\.yaml:18:15: error: spec\\.env\\.variables\\[2\\]\\.name: ${rule}`, 'm'));
  assert.match(result.stderr, new RegExp(`^env-names\\.yaml:23:15: error: spec\\.env\\.secrets\\[0\\]\\.name: ${rule}`, 'm'));
  // spring.profiles.active is a name Kubernetes takes: no error at line 20.
  assert.doesNotMatch(result.stderr, /env-names\.yaml:20:/);
  assert.match(result.stderr, /4 errors, 0 warnings/);
  assert.doesNotMatch(printed(result), /DB PASSWORD|Hidd3n/, 'a secret entry is never quoted');
});

test('an empty env name is one error, not two', () => {
  const result = run(['validate', '-f', 'env-names.yaml', '--set', 'spec.env.variables=[{"name":"","value":"x"}]', '--set', 'spec.env.secrets=[]']);
  assert.equal(result.code, 3);
  assert.match(result.stderr, /^--set spec\.env\.variables=.*: error: spec\.env\.variables\[0\]\.name: must not be empty$/m);
  assert.match(result.stderr, /1 error, 0 warnings/);
});
