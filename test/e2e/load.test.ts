// `openmcf load`: the manifests as they will be used, defaults filled in, secrets masked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runOpenmcf } from '../helpers/run-openmcf.js';
import { workspace } from './manifest-fixture.js';

test('load prints each manifest as YAML with every default filled in and secrets masked', () => {
  const { code, stdout, stderr } = runOpenmcf(['load', '-f', 'manifests/order-api.yaml', '-f', 'manifests/my-api.yaml']);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  const documents = parseAllDocuments(stdout);
  assert.ok(Array.isArray(documents));
  const [order, mine] = documents.map((d) => d.toJS()) as [
    { spec: Record<string, unknown> & { env: { secrets: { name: string; value: string }[] } } },
    { spec: Record<string, unknown> },
  ];
  assert.match(stdout, /^---\n# source: manifests\/order-api\.yaml:3:1\n/);
  assert.equal(order.spec.memoryLimitMb, 512);
  assert.equal(order.spec.protocol, 'http1');
  assert.deepEqual(order.spec.env.secrets, [
    { name: 'DATABASE_URL', value: '[secret]' },
    { name: 'API_KEY', value: '[secret]' },
  ]);
  assert.deepEqual(
    [mine.spec.port, mine.spec.memoryLimitMb, mine.spec.minScale, mine.spec.maxScale, mine.spec.timeoutSeconds, mine.spec.httpOption, mine.spec.deploy, mine.spec.registrySha256],
    [8080, 256, 0, 20, 300, 'enabled', true, ''],
  );
  assert.doesNotMatch(stdout, /sk-abc123secret|postgres:\/\/user:pass/);
});

test('load --show-secrets prints the secret values as written', () => {
  const { code, stdout } = runOpenmcf(['load', '-f', 'manifests/order-api.yaml', '--show-secrets']);
  assert.equal(code, 0);
  assert.match(stdout, /value: sk-abc123secret/);
});

test('load --json: one document with each manifest and its source', () => {
  const { code, stdout } = runOpenmcf(['load', '-f', 'manifests/data-pipeline.yaml', '--json']);
  assert.equal(code, 0);
  const result = JSON.parse(stdout) as {
    apiVersion: string;
    manifests: {
      source: { file: string; line: number; column: number; documentIndex: number };
      manifest: { spec: { cronTriggers: unknown[]; env: { secrets: { value: string }[] } } };
    }[];
    diagnostics: unknown[];
  };
  assert.equal(result.apiVersion, 'openmcf.org/load/v1');
  assert.deepEqual(result.manifests[0]!.source, { file: 'manifests/data-pipeline.yaml', line: 4, column: 1, documentIndex: 0 });
  assert.equal(result.manifests[0]!.manifest.spec.cronTriggers.length, 2);
  assert.ok(result.manifests[0]!.manifest.spec.env.secrets.every((s) => s.value === '[secret]'));
  assert.deepEqual(result.diagnostics, []);
  assert.doesNotMatch(stdout, /scw-secret-key/);
});

test('load of an invalid manifest prints its problems and exits 3; with --json the document carries them', () => {
  const human = runOpenmcf(['load', '-f', 'test/fixtures/invalid/reserved-port.yaml']);
  assert.equal(human.code, 3);
  assert.equal(human.stdout, '');
  assert.match(human.stderr, /^test\/fixtures\/invalid\/reserved-port\.yaml:17:9: error: spec\.port: 9090 is reserved/);
  assert.match(human.stderr, /error: invalid manifest input \(1 error, 0 warnings in 1 file\)/);
  const json = runOpenmcf(['load', '-f', 'test/fixtures/invalid/reserved-port.yaml', '--json']);
  assert.equal(json.code, 3);
  const result = JSON.parse(json.stdout) as { manifests: unknown[]; diagnostics: { code: string; line: number }[] };
  assert.deepEqual(result.manifests, []);
  assert.deepEqual(
    result.diagnostics.map((d) => [d.code, d.line]),
    [['rule.reserved-port', 17]],
  );
  assert.doesNotMatch(json.stderr, /reserved by the Scaleway platform/);
});

test('load --help shows an example', () => {
  const { stdout } = runOpenmcf(['load', '--help']);
  assert.match(stdout, /\$ openmcf load -f manifests\/order-api\.yaml/);
});

test('a secret filled in by ${VAR} is masked by load, and shown with --show-secrets', () => {
  const dir = workspace({
    'm.yaml': readFileSync(join(REPO_ROOT, 'manifests', 'my-api.yaml'), 'utf8') + '  env:\n    secrets:\n      - name: TOKEN\n        value: ${API_TOKEN}\n',
  });
  const env = { API_TOKEN: 'tok-from-environment-123' };
  const masked = runOpenmcf(['load', '-f', join(dir, 'm.yaml')], { env });
  assert.equal(masked.code, 0, masked.stderr);
  assert.doesNotMatch(masked.stdout + masked.stderr, /tok-from-environment-123/);
  assert.match(masked.stdout, /name: TOKEN\n\s+value: "\[secret\]"/);
  const shown = runOpenmcf(['load', '-f', join(dir, 'm.yaml'), '--show-secrets'], { env });
  assert.match(shown.stdout, /value: tok-from-environment-123/);
});
