import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineCounter, parseDocument } from 'yaml';
import type { ParsedDocument } from '../../src/manifest/document.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { applyOverrides, attributeToOverride, parseOverrides } from '../../src/manifest/overrides.js';
import { parseSetFlag } from '../../src/manifest/set-flag.js';

const MANIFEST = `apiVersion: scaleway.openmcf.org/v1
kind: ScalewayServerlessContainer
metadata:
  name: my-api
  labels:
    pulumi.openmcf.org/project: my-project
spec:
  region: fr-par
  image:
    registryEndpoint:
      value: rg.fr-par.scw.cloud/my-registry
    name: my-api
    tag: latest # the tag CI replaces
  privacy: public
  port: 8080
`;

function parsed(text = MANIFEST): ParsedDocument {
  const lineCounter = new LineCounter();
  return { file: 'app.yaml', index: 0, document: parseDocument(text, { lineCounter }), lineCounter };
}

/** Parses the flags (which must be valid) and applies them to a fresh copy of MANIFEST. */
function applied(...sets: string[]): { doc: ParsedDocument; diagnostics: Diagnostic[] } {
  const flags = parseOverrides(sets);
  assert.deepEqual(flags.diagnostics, []);
  const doc = parsed();
  return { doc, diagnostics: applyOverrides(doc, flags.overrides) };
}

test('the --set grammar: first = splits, dots, indices and quoted keys', () => {
  assert.deepEqual(parseSetFlag('spec.env.variables[0].value=a=b'), { ok: true, path: ['spec', 'env', 'variables', 0, 'value'], value: 'a=b' });
  assert.deepEqual(parseSetFlag('metadata.labels["a.b/c"]='), { ok: true, path: ['metadata', 'labels', 'a.b/c'], value: '' });
  for (const bad of ['spec.port', '=1', 'spec..port=1', 'spec.port.=1', 'spec[x]=1', 'spec[0=1', 'spec[0]port=1']) {
    assert.equal(parseSetFlag(bad).ok, false, bad);
  }
});

test('values are typed by the schema: integer, boolean, string, enum', () => {
  const { doc, diagnostics } = applied('spec.minScale=1', 'spec.deploy=false', 'spec.image.tag=v2', 'spec.privacy=private', 'spec.description=42');
  assert.deepEqual(diagnostics, []);
  const spec = (doc.document.toJS() as { spec: Record<string, unknown> }).spec;
  assert.equal(spec.minScale, 1);
  assert.equal(spec.deploy, false);
  assert.equal((spec.image as { tag: unknown }).tag, 'v2');
  assert.equal(spec.privacy, 'private');
  // A string field keeps a numeric-looking value as a string.
  assert.equal(spec.description, '42');
});

test('an existing scalar keeps its node (and comment) when overridden', () => {
  const { doc } = applied('spec.image.tag=v3');
  assert.match(doc.document.toString(), /tag: v3 # the tag CI replaces/);
});

test('lists and objects take JSON; a StringValueOrRef takes a bare string as its value', () => {
  const { doc, diagnostics } = applied(
    'spec.commands=["node","server.js"]',
    'spec.healthCheck={"path":"/health","failureThreshold":3}',
    'spec.image.registryEndpoint=ghcr.io/acme',
  );
  assert.deepEqual(diagnostics, []);
  const spec = (doc.document.toJS() as { spec: Record<string, unknown> }).spec;
  assert.deepEqual(spec.commands, ['node', 'server.js']);
  assert.deepEqual(spec.healthCheck, { path: '/health', failureThreshold: 3 });
  assert.deepEqual((spec.image as { registryEndpoint: unknown }).registryEndpoint, { value: 'ghcr.io/acme' });
});

test('missing maps and lists are created on the way; [length] appends', () => {
  const { doc, diagnostics } = applied('spec.env.variables[0].name=LOG_LEVEL', 'spec.env.variables[0].value=debug', 'spec.env.variables[1].name=B');
  assert.deepEqual(diagnostics, []);
  assert.deepEqual((doc.document.toJS() as { spec: { env: unknown } }).spec.env, { variables: [{ name: 'LOG_LEVEL', value: 'debug' }, { name: 'B' }] });
});

test('an index past the end of a list is an error naming the flag and the list length', () => {
  const flags = parseOverrides(['spec.args[2]=x']);
  const doc = parsed();
  const [problem] = applyOverrides(doc, flags.overrides);
  assert.ok(problem);
  assert.equal(problem.file, '--set spec.args[2]=x');
  assert.equal(problem.line, 0);
  assert.match(problem.message, /out of range/);
  assert.match(problem.message, /\[0\] appends/);
});

test('label keys with dots need no quoting (the rest of the path is the key)', () => {
  const { doc, diagnostics } = applied('metadata.labels.pulumi.openmcf.org/stack.name=prod.ScalewayServerlessContainer.my-api', 'metadata.labels["team"]=core');
  assert.deepEqual(diagnostics, []);
  assert.deepEqual((doc.document.toJS() as { metadata: { labels: unknown } }).metadata.labels, {
    'pulumi.openmcf.org/project': 'my-project',
    'pulumi.openmcf.org/stack.name': 'prod.ScalewayServerlessContainer.my-api',
    team: 'core',
  });
});

test('snake_case and kebab-case field names find the camelCase field', () => {
  const { doc } = applied('spec.min_scale=2', 'spec.memory-limit-mb=512');
  const spec = (doc.document.toJS() as { spec: Record<string, unknown> }).spec;
  assert.equal(spec.minScale, 2);
  assert.equal(spec.memoryLimitMb, 512);
});

test('an unknown field is an error naming the flag, with a did-you-mean', () => {
  const { overrides, diagnostics } = parseOverrides(['spec.minScal=1', 'spec.foo=1']);
  assert.equal(overrides.length, 0);
  assert.equal(diagnostics.length, 2);
  const [typo, unknown] = diagnostics;
  assert.equal(typo?.file, '--set spec.minScal=1');
  assert.equal(typo?.line, 0);
  assert.equal(typo?.code, 'set.unknown-field');
  assert.equal(typo?.path, 'spec.minScal');
  assert.equal(typo?.message, 'unknown field');
  assert.equal(typo?.hint, 'did you mean `minScale`?');
  assert.match(unknown?.hint ?? '', /known fields here: region, image, privacy/);
});

test('indexing a field that is not a list, or descending into a value, is an error', () => {
  const { diagnostics } = parseOverrides(['spec.port[0]=1', 'spec.port.x=1', 'spec.image.tag.x=1']);
  assert.equal(diagnostics.length, 3);
  assert.match(diagnostics[0]?.message ?? '', /spec.port is not a list/);
  assert.match(diagnostics[1]?.message ?? '', /spec.port has no fields/);
});

test('a value of the wrong type is an error naming the flag and the expected type', () => {
  const { diagnostics } = parseOverrides(['spec.minScale=abc', 'spec.deploy=yes', 'spec.commands=node', 'spec.port=1.5']);
  assert.deepEqual(
    diagnostics.map((d) => [d.file, d.path, d.message]),
    [
      ['--set spec.minScale=abc', 'spec.minScale', 'must be an integer, got "abc"'],
      ['--set spec.deploy=yes', 'spec.deploy', 'must be true or false, got "yes"'],
      ['--set spec.commands=node', 'spec.commands', 'must be a list in JSON, e.g. ["node","server.js"], got "node"'],
      ['--set spec.port=1.5', 'spec.port', 'must be an integer, got "1.5"'],
    ],
  );
});

test('a malformed flag is an error naming it', () => {
  const { diagnostics } = parseOverrides(['spec.port']);
  assert.equal(diagnostics[0]?.file, '--set spec.port');
  assert.equal(diagnostics[0]?.code, 'set.syntax');
});

test('a secret set by --set is masked in the flag text and returned for redaction', () => {
  const { overrides, diagnostics, secrets } = parseOverrides(['spec.env.secrets[0].value=s3cr3t-by-set']);
  assert.deepEqual(diagnostics, []);
  assert.equal(overrides[0]?.flag, '--set spec.env.secrets[0].value=[secret]');
  assert.equal(secrets.mask('s3cr3t-by-set'), '[secret]');
  const viaJson = parseOverrides(['spec.env.secrets=[{"name":"K","value":"json-s3cr3t-value"}]']);
  applyOverrides(parsed(), viaJson.overrides);
  assert.equal(viaJson.secrets.mask('leaked json-s3cr3t-value'), 'leaked [secret]', 'a secret inside a JSON value, on its own');
  assert.equal(viaJson.secrets.mask('s3cr3t-by-set'), 's3cr3t-by-set', 'each parse returns its own secrets');
});

test('values set on paths that hold no secret are not returned as secrets', () => {
  const { secrets } = parseOverrides(['spec.env.variables[0].value=plain-value', 'spec.env.secrets[0].name=NOT_SECRET_NAME']);
  assert.equal(secrets.size, 0);
});

test('a misspelt secret flag does not print its value', () => {
  const { diagnostics } = parseOverrides(['spec.env.secret[0].value=typo-s3cret', 'spec.env.secrets[0]value=other-s3cret']);
  // A path that cannot be read at all may have been meant for anything: its value is not shown.
  assert.deepEqual(
    diagnostics.map((d) => d.file),
    ['--set spec.env.secret[0].value=[secret]', '--set spec.env.secrets[0]value=[not shown]'],
  );
});

test('validation problems about an overridden field name the flag instead of a line', () => {
  const { doc } = applied('spec.port=8008', 'spec.image={"registryEndpoint":{"value":"r.io/x"},"name":"a"}');
  const base: Diagnostic = { file: 'app.yaml', line: 15, column: 9, severity: 'error', code: 'rule.reserved-port', path: 'spec.port', message: 'reserved' };
  assert.deepEqual(attributeToOverride(doc, base), { ...base, file: '--set spec.port=8008', line: 0, column: 0 });
  const inside = attributeToOverride(doc, { ...base, path: 'spec.image.name' });
  assert.equal(inside.file, '--set spec.image={"registryEndpoint":{"value":"r.io/x"},"name":"a"}');
  // Untouched fields, and fields that merely share a prefix, keep their position.
  assert.equal(attributeToOverride(doc, { ...base, path: 'spec.privacy' }).file, 'app.yaml');
  assert.equal(attributeToOverride(doc, { ...base, path: 'spec.portX' }).file, 'app.yaml');
});
