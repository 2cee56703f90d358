// Finding 5 of issue 17: a manifest with 60 variables and 60 secrets passed `validate`, then failed
// at `apply` (the local API allowed 100 in total) after the namespace was created. validate and
// apply read one table of limits (src/validation/platform-limits.ts): 200 variables and 200 secrets,
// counted apart; secret values up to 64 KiB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome, parseJson } from './cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-env-limits-');

function manifestWith(variables: number, secrets: number, secretValue = (i: number) => `secret-value-${i}`): string {
  const lines = [
    'apiVersion: scaleway.openmcf.org/v1',
    'kind: ScalewayServerlessContainer',
    'metadata:',
    '  name: many-env',
    '  labels: { pulumi.openmcf.org/stack.fqdn: my-org/limits/dev.ScalewayServerlessContainer.many-env }',
    'spec:',
    '  region: fr-par',
    '  image: { registryEndpoint: { value: rg.fr-par.scw.cloud/ns }, name: many-env, tag: v1 }',
    '  privacy: public',
    '  env:',
    '    variables:',
    ...Array.from({ length: variables }, (_, i) => `      - { name: VAR_${i}, value: "value-${i}" }`),
    '    secrets:',
    ...Array.from({ length: secrets }, (_, i) => `      - { name: SECRET_${i}, value: "${secretValue(i)}" }`),
  ];
  return `${lines.join('\n')}\n`;
}

test('201 variables fail validate at the list, with file:line:col', () => {
  const file = home.file('too-many.yaml', manifestWith(201, 1));
  const result = home.run(['validate', '-f', file]);
  assert.equal(result.code, 3, result.stderr);
  assert.match(result.stderr, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:12:7: error: spec\\.env\\.variables: .*200`, 'm'));
});

test('a secret value over 64 KiB fails validate; one of 64 KiB passes', () => {
  const over = home.file(
    'big-secret.yaml',
    manifestWith(1, 1, () => 'é'.repeat(32 * 1024 + 1)),
  );
  const refused = home.run(['validate', '-f', over]);
  assert.equal(refused.code, 3, refused.stderr);
  assert.match(refused.stderr, /spec\.env\.secrets\[0\]\.value: is 65538 bytes long; the platform takes secret values of up to 65536 bytes/);
  assert.ok(!refused.stderr.includes('éé'), 'the value is never shown');
  const within = home.file(
    'ok-secret.yaml',
    manifestWith(1, 1, () => 'x'.repeat(65536)),
  );
  assert.equal(home.run(['validate', '-f', within]).code, 0);
});

test('60 variables and 60 secrets pass validate and apply in the sandbox; so do 200 and 200', () => {
  for (const [variables, secrets] of [
    [60, 60],
    [200, 200],
  ] as const) {
    const file = home.file(`env-${variables}.yaml`, manifestWith(variables, secrets));
    const validated = home.run(['validate', '-f', file]);
    assert.equal(validated.code, 0, validated.stderr);
    const applied = home.run(['apply', '-f', file, '--sandbox', '--yes', '--json']);
    assert.equal(applied.code, 0, applied.stderr);
    assert.equal(parseJson<ResultDocument>(applied.stdout).results[0]?.status, 'succeeded');
    const container = Object.values(home.cloud().containers).find((c) => c.name === 'many-env');
    assert.equal(Object.keys(container?.environment_variables ?? {}).length, variables);
    assert.equal(Object.keys(container?.secret_environment_variables ?? {}).length, secrets);
  }
});
