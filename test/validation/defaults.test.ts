import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocuments } from '../../src/manifest/parse.js';
import { validateDocument } from '../../src/validation/validate-spec.js';
import { SPEC_DEFAULTS } from '../../src/validation/defaults.js';
import { SCALEWAY_REGIONS } from '../../src/validation/spec-types.js';

const SCHEMA = JSON.parse(readFileSync(fileURLToPath(new URL('../../../schemas/scaleway.openmcf.org/v1/ScalewayServerlessContainer.schema.json', import.meta.url)), 'utf8')) as {
  $defs: Record<string, { properties: Record<string, { default?: unknown }> }>;
};

const MINIMAL = `apiVersion: scaleway.openmcf.org/v1
kind: ScalewayServerlessContainer
metadata:
  name: my-api
  labels:
    pulumi.openmcf.org/stack.fqdn: my-org/my-project/dev
spec:
  region: fr-par
  image:
    registryEndpoint:
      value: rg.fr-par.scw.cloud/my-registry
    name: my-api
    tag: latest
  privacy: public
`;

function validate(text: string) {
  const { documents, diagnostics } = parseDocuments({ file: 'm.yaml', text });
  assert.deepEqual(diagnostics, []);
  return validateDocument(documents[0]!);
}

test('a minimal manifest gets every documented default', () => {
  const { manifest, diagnostics } = validate(MINIMAL);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(manifest?.spec, {
    region: 'fr-par',
    image: { registryEndpoint: { value: 'rg.fr-par.scw.cloud/my-registry' }, name: 'my-api', tag: 'latest' },
    privacy: 'public',
    port: 8080,
    description: '',
    memoryLimitMb: 256,
    minScale: 0,
    maxScale: 20,
    timeoutSeconds: 300,
    httpOption: 'enabled',
    protocol: 'http1',
    commands: [],
    args: [],
    env: { variables: [], secrets: [] },
    deploy: true,
    registrySha256: '',
    cronTriggers: [],
  });
  assert.deepEqual(manifest?.metadata, { name: 'my-api', labels: { 'pulumi.openmcf.org/stack.fqdn': 'my-org/my-project/dev' } });
});

test('values that are set win over defaults; optional fields without a default stay absent', () => {
  const { manifest } = validate(`${MINIMAL}  port: 3000\n  minScale: 2\n  cpuLimit: 140\n  env:\n    secrets:\n      - name: K\n        value: v\n`);
  assert.equal(manifest?.spec.port, 3000);
  assert.equal(manifest?.spec.minScale, 2);
  assert.equal(manifest?.spec.cpuLimit, 140);
  assert.deepEqual(manifest?.spec.env, { variables: [], secrets: [{ name: 'K', value: 'v' }] });
  assert.equal('sandbox' in manifest.spec, false);
  assert.equal('healthCheck' in manifest.spec, false);
});

test('the defaults filled in are the ones the JSON Schema documents', () => {
  const specProperties = SCHEMA.$defs.Spec!.properties;
  const documented = Object.fromEntries(
    Object.entries(specProperties)
      .filter(([, p]) => p.default !== undefined)
      .map(([name, p]) => [name, p.default]),
  );
  assert.deepEqual(documented, { ...SPEC_DEFAULTS });
  assert.deepEqual(SCHEMA.$defs.Env!.properties.variables!.default, []);
  assert.deepEqual(SCHEMA.$defs.Env!.properties.secrets!.default, []);
});

test('a document with any error yields no manifest, but all of its problems', () => {
  const result = validate(MINIMAL.replace('privacy: public', 'privacy: open\n  port: 9090\n  memoryLimitMb: 1'));
  assert.equal(result.manifest, undefined);
  assert.deepEqual(
    result.diagnostics.map((d) => d.code),
    ['schema.enum', 'rule.reserved-port', 'schema.minimum'],
  );
  assert.deepEqual(result.origin, { line: 1, column: 1 });
});

test('a secret value is never echoed, not even in a hint', () => {
  const result = validate(`${MINIMAL}  env:\n    secrets:\n      - name: PIN\n        value: 987654\n`);
  assert.deepEqual(
    result.diagnostics.map((d) => [d.code, d.path, d.message]),
    [['schema.type', 'spec.env.secrets[0].value', 'must be a string']],
  );
  assert.doesNotMatch(JSON.stringify(result.diagnostics), /987654/);
});

test('the region list the code checks is the schema enum', () => {
  const region = (SCHEMA.$defs.Spec!.properties.region as { enum?: unknown }).enum;
  assert.deepEqual(region, [...SCALEWAY_REGIONS]);
});
