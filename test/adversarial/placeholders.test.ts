// Finding 6 of issue 17: hints printed `--set 'spec.env.secrets[2].value=[secret]'`, and run as
// printed the secret became the text "[secret]". What openmcf prints in place of a secret is never
// taken for a value: in --set, a manifest, an --env-file or a backend URL it is invalid input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run-openmcf.js';
import { fixture, printed, run } from './adversarial.js';

const MESSAGE = /holds `\[secret\]`, the placeholder openmcf prints in place of a secret, not a value/;

test('--set with [secret] as a secret value is refused, naming the flag', () => {
  const result = run(['validate', '-f', fixture('secrets.yaml'), '--set', 'spec.env.secrets[0].value=[secret]']);
  assert.equal(result.code, 3, printed(result));
  assert.match(result.stderr, /^--set spec\.env\.secrets\[0\]\.value=\[secret\]: error: spec\.env\.secrets\[0\]\.value: /m);
  assert.match(result.stderr, MESSAGE);
});

test('[secret] written in a manifest, or filled from an --env-file, is refused at its line and column', () => {
  const dir = tempDir('openmcf-adv-placeholder-');
  const text = (value: string): string =>
    [
      'apiVersion: scaleway.openmcf.org/v1',
      'kind: ScalewayServerlessContainer',
      'metadata:',
      '  name: pasted',
      '  labels: { pulumi.openmcf.org/stack.fqdn: o/p/dev.x }',
      'spec:',
      '  region: fr-par',
      '  image: { registryEndpoint: { value: rg.fr-par.scw.cloud/ns }, name: api, tag: v1 }',
      '  privacy: public',
      '  env:',
      '    secrets:',
      `      - { name: DATABASE_URL, value: ${value} }`,
      '',
    ].join('\n');
  writeFileSync(join(dir, 'literal.yaml'), text("'postgres://app:[secret]@db/app'"));
  const literal = run(['validate', '-f', join(dir, 'literal.yaml')]);
  assert.equal(literal.code, 3, printed(literal));
  assert.match(literal.stderr, /literal\.yaml:12:38: error: spec\.env\.secrets\[0\]\.value: holds `\[secret\]`/);
  assert.ok(!literal.stderr.includes('postgres://app'), 'the value itself is never shown');

  writeFileSync(join(dir, 'filled.yaml'), text('"${DB_URL}"'));
  writeFileSync(join(dir, 'ci.env'), 'DB_URL=[secret]\n');
  const filled = run(['validate', '-f', join(dir, 'filled.yaml'), '--env-file', join(dir, 'ci.env')]);
  assert.equal(filled.code, 3, printed(filled));
  assert.match(filled.stderr, MESSAGE);
});

test('a backend URL with a masked password, as a message shows it, is refused', () => {
  for (const url of ['postgres://app:[secret]@db.internal:5432/state', 'postgres://app:***@db.internal:5432/state']) {
    const result = run(['preview', '-f', fixture('secrets.yaml'), '--sandbox', '--backend', url]);
    assert.equal(result.code, 3, printed(result));
    assert.match(result.stderr, /--backend: the URL holds a placeholder \(\[secret\] or \*\*\*\)/);
  }
});
