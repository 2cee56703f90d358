// Finding 7 of issue 17: control characters and bidi overrides written in a manifest (a name, a
// key, a description) are shown escaped wherever they reach the terminal; ESC was escaped already.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOpenmcf, tempDir } from '../helpers/run-openmcf.js';

const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test('validate shows a name and a key with NUL, bidi overrides and C1 controls escaped', () => {
  const file = join(tempDir('openmcf-escapes-'), 'tricky.yaml');
  writeFileSync(
    file,
    [
      'apiVersion: scaleway.openmcf.org/v1',
      'kind: ScalewayServerlessContainer',
      'metadata:',
      '  name: "api\\u202Egnp.exe\\0\\x85"',
      '  labels: { pulumi.openmcf.org/stack.fqdn: o/p/dev.x }',
      'spec:',
      '  region: fr-par',
      '  image: { registryEndpoint: { value: rg.fr-par.scw.cloud/ns }, name: api, tag: v1 }',
      '  privacy: public',
      '  "port\\u2066": 8080',
      '',
    ].join('\n'),
  );
  const result = runOpenmcf(['validate', '-f', file]);
  assert.equal(result.code, 3, result.stderr);
  assert.ok(!RAW.test(result.stderr), `a raw control or bidi character reached stderr: ${JSON.stringify(result.stderr)}`);
  assert.match(result.stderr, /api\\u202Egnp\.exe\\u0000\\u0085/);
  assert.match(result.stderr, /port\\u2066/);
});

test('a preview shows a description with a bidi override, NUL and DEL escaped', () => {
  const file = join(tempDir('openmcf-escapes-'), 'described.yaml');
  writeFileSync(
    file,
    [
      'apiVersion: scaleway.openmcf.org/v1',
      'kind: ScalewayServerlessContainer',
      'metadata:',
      '  name: described',
      '  labels: { pulumi.openmcf.org/stack.fqdn: my-org/escapes/dev.ScalewayServerlessContainer.described }',
      'spec:',
      '  region: fr-par',
      '  image: { registryEndpoint: { value: rg.fr-par.scw.cloud/ns }, name: api, tag: v1 }',
      '  privacy: public',
      '  description: "paid \\u202E01$ \\0 \\x7F \\u2067end"',
      '',
    ].join('\n'),
  );
  const result = runOpenmcf(['preview', '-f', file, '--sandbox']);
  assert.equal(result.code, 0, result.stderr);
  assert.ok(!RAW.test(result.stderr), `a raw control or bidi character reached stderr: ${JSON.stringify(result.stderr)}`);
  // The plan is on stdout (a pipe here, as in a CI log or a plan kept in a file): escaped there too.
  assert.ok(!RAW.test(result.stdout), `a raw control or bidi character reached the plan: ${JSON.stringify(result.stdout)}`);
  assert.match(result.stdout, /paid \\u202E01\$ \\u0000 \\u007F \\u2067end/);
});
