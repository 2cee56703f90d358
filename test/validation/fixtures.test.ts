// One fixture file per valid and per invalid case (test/fixtures/). Each fixture lists the
// diagnostics it must produce in `# expect:` comments at its end (line:column severity code path |
// message, with optional `# hint:` lines), and the test compares them with the real pipeline's
// output, exactly: nothing missing, nothing extra, same positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadManifests } from '../../src/validation/load-manifests.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = join(ROOT, 'test', 'fixtures');

interface Expected {
  line: number;
  column: number;
  severity: string;
  code: string;
  path: string;
  message: string;
  hint?: string;
}

function expectations(file: string): Expected[] {
  const expected: Expected[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^# expect: (\d+):(\d+) (error|warning) (\S+) (\S+) \| (.*)$/.exec(line);
    if (match) {
      expected.push({
        line: Number(match[1]),
        column: Number(match[2]),
        severity: match[3]!,
        code: match[4]!,
        path: match[5] === '-' ? '' : match[5]!,
        message: match[6]!,
      });
      continue;
    }
    const hint = /^# hint: (.*)$/.exec(line);
    if (hint && expected.length > 0) expected[expected.length - 1]!.hint = hint[1]!;
  }
  return expected;
}

async function diagnosticsOf(file: string) {
  // Only the file itself: no --set, no substitution variables leaking in from the environment.
  return (await loadManifests({ files: [relative(ROOT, file)], variables: {} })).diagnostics;
}

function fixtureFiles(kind: 'valid' | 'invalid'): string[] {
  return readdirSync(join(FIXTURES, kind))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(FIXTURES, kind, name));
}

for (const file of fixtureFiles('invalid')) {
  test(`invalid fixture ${relative(FIXTURES, file)} reports exactly its expected diagnostics`, async () => {
    const expected = expectations(file);
    assert.ok(
      expected.some((e) => e.severity === 'error'),
      'an invalid fixture must expect at least one error',
    );
    const actual = await diagnosticsOf(file);
    assert.deepEqual(
      actual.map((d) => ({ line: d.line, column: d.column, severity: d.severity, code: d.code, path: d.path, message: d.message })),
      expected.map(({ hint: _hint, ...rest }) => rest),
    );
    for (const [index, e] of expected.entries()) {
      if (e.hint !== undefined) assert.equal(actual[index]!.hint, e.hint, `hint of ${e.code} at ${e.line}:${e.column}`);
    }
    assert.ok(
      actual.every((d) => d.file === relative(ROOT, file)),
      'every diagnostic names the file',
    );
  });
}

for (const file of fixtureFiles('valid')) {
  test(`valid fixture ${relative(FIXTURES, file)} loads with no error`, async () => {
    const expected = expectations(file);
    const result = await loadManifests({ files: [relative(ROOT, file)], variables: {} });
    assert.deepEqual(
      result.diagnostics.map((d) => ({ line: d.line, column: d.column, severity: d.severity, code: d.code, path: d.path, message: d.message })),
      expected.map(({ hint: _hint, ...rest }) => rest),
    );
    assert.ok(result.manifests.length >= 1);
    assert.equal(result.manifests.length, result.documents.length);
  });
}

test('the four example manifests of the specification are valid without a single warning', async () => {
  const result = await loadManifests({ files: ['manifests'], variables: {} });
  assert.deepEqual(result.diagnostics, []);
  assert.deepEqual(
    result.manifests.map((m) => m.manifest.metadata.name),
    ['data-pipeline', 'inference-grpc', 'my-api', 'order-api'],
  );
});

test('the specification gRPC example fails with exactly the two problems the corrected manifest fixes', async () => {
  const diagnostics = await diagnosticsOf(join(FIXTURES, 'invalid', 'spec-inference-grpc.yaml'));
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['rule.private-network-region', 'rule.scaling-metric-count'],
  );
  const corrected = await loadManifests({ files: ['manifests/inference-grpc.yaml'], variables: {} });
  assert.deepEqual(corrected.diagnostics, []);
  assert.equal(corrected.manifests[0]!.manifest.spec.region, 'nl-ams');
});

test('every manifest in manifests/ points editors at the JSON Schema', () => {
  for (const name of readdirSync(join(ROOT, 'manifests')).filter((n) => n.endsWith('.yaml'))) {
    const first = readFileSync(join(ROOT, 'manifests', name), 'utf8').split('\n')[0];
    assert.equal(first, '# yaml-language-server: $schema=../schemas/scaleway.openmcf.org/v1/ScalewayServerlessContainer.schema.json', name);
  }
});
