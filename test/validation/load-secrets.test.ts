// The loader returns every secret value of its input with its result, instead of registering them
// anywhere: the run decides what to mask.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadManifests } from '../../src/validation/load-manifests.js';

const MANIFEST = [
  'apiVersion: scaleway.openmcf.org/v1',
  'kind: ScalewayServerlessContainer',
  'metadata:',
  '  name: api',
  '  labels:',
  '    pulumi.openmcf.org/stack.fqdn: my-org/my-project/dev.ScalewayServerlessContainer.api',
  'spec:',
  '  region: fr-par',
  '  privacy: public',
  '  image:',
  '    registryEndpoint: {value: rg.fr-par.scw.cloud/team}',
  '    name: api',
  '    tag: ${TAG}',
  '  env:',
  '    variables:',
  '      - name: LOG_LEVEL',
  '        value: ${LOG_LEVEL}',
  '    secrets:',
  '      - name: LITERAL',
  '        value: literal-in-file',
  '      - name: DATABASE_URL',
  '        value: postgres://app:${DB_PASS}@db/x',
  '',
].join('\n');

function load(sets: string[] = []) {
  return loadManifests({
    files: ['-'],
    readStdin: async () => MANIFEST,
    sets,
    variables: { TAG: 'v1.2.3', LOG_LEVEL: 'verbose-level', DB_PASS: 'substituted-pw' },
  });
}

test("the loaded secrets: the file's, those filled by ${VAR} (whole and in parts) and those set by --set", async () => {
  const result = await load(['spec.env.secrets[0].value=set-by-flag']);
  assert.deepEqual(
    result.diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  const { secrets } = result;
  for (const value of ['set-by-flag', 'substituted-pw', 'postgres://app:substituted-pw@db/x']) {
    assert.equal(secrets.mask(`<${value}>`), '<[secret]>', value);
  }
  assert.deepEqual(result.manifests[0]?.secretValues, ['set-by-flag', 'postgres://app:substituted-pw@db/x']);
  for (const value of ['verbose-level', 'v1.2.3', 'LITERAL', 'DATABASE_URL']) assert.equal(secrets.has(value), false, value);
});

test('each load returns only its own secrets', async () => {
  const withFlag = await load(['spec.env.secrets[0].value=only-in-first']);
  const without = await load();
  assert.equal(withFlag.secrets.has('only-in-first'), true);
  assert.equal(without.secrets.has('only-in-first'), false);
  assert.equal(without.secrets.has('literal-in-file'), true);
});
