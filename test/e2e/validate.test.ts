// `openmcf validate` through the built binary, as users and CI run it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runOpenmcf } from '../helpers/run-openmcf.js';
import { workspace } from './manifest-fixture.js';

const GRPC_FIXTURE = 'test/fixtures/invalid/spec-inference-grpc.yaml';

function assertNoStackTrace(text: string): void {
  assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+/);
  assert.doesNotMatch(text, /internal error/);
}

test('the example manifests validate: exit 0, a one-line summary, nothing on stdout', () => {
  const { code, stdout, stderr } = runOpenmcf(['validate', '-f', 'manifests']);
  assert.equal(code, 0);
  assert.equal(stdout, '');
  assert.equal(stderr, '4 manifests valid in 4 files\n');
});

test('the specification gRPC example fails with exactly two problems, each at file:line:col, exit 3', () => {
  const { code, stdout, stderr } = runOpenmcf(['validate', '-f', GRPC_FIXTURE]);
  assert.equal(code, 3);
  assert.equal(stdout, '');
  assert.equal(
    stderr,
    [
      `${GRPC_FIXTURE}:27:12: error: spec.privateNetworkId.value: the private network is in \`fr-par\` but the container is in \`nl-ams\` (spec.region); private networks are regional`,
      '  attach a private network of nl-ams, or deploy the container in fr-par',
      `${GRPC_FIXTURE}:32:3: error: spec.scalingOption: sets 2 metrics (\`concurrentRequestsThreshold\`, \`cpuUsageThreshold\`); the Scaleway API takes exactly one`,
      '  keep the one metric the container should scale on',
      '2 errors, 0 warnings in 1 file; 0 of 1 manifest valid',
      '',
    ].join('\n'),
  );
});

test('an unknown field gets "did you mean" and points at the key', () => {
  const dir = workspace({ 'm.yaml': readFileSync(join(REPO_ROOT, 'manifests', 'my-api.yaml'), 'utf8').replace('  port: 8080', '  memoryLimitMB: 512') });
  const { code, stderr } = runOpenmcf(['validate', '-f', join(dir, 'm.yaml')]);
  assert.equal(code, 3);
  assert.match(stderr, new RegExp(`^${join(dir, 'm.yaml')}:20:3: error: spec\\.memoryLimitMB: unknown field\\n  did you mean \`memoryLimitMb\`\\?\\n`));
});

test('standard input with several documents: each is checked, positions are in <stdin>', () => {
  const good = readFileSync(join(REPO_ROOT, 'manifests', 'my-api.yaml'), 'utf8');
  const input = `${good}---\n${good.replace('port: 8080', 'port: 8013')}`;
  const { code, stderr } = runOpenmcf(['validate', '-f', '-'], { input });
  assert.equal(code, 3);
  assert.match(stderr, /^<stdin>:41:9: error: spec\.port: 8013 is reserved by the Scaleway platform/m);
  assert.match(stderr, /1 error, 0 warnings in 1 file; 1 of 2 manifests valid\n$/);
});

test('a directory, a file and a missing path together: every problem reported, then exit 3', () => {
  const { code, stderr } = runOpenmcf(['validate', '-f', 'manifests', '-f', 'test/fixtures/invalid/reserved-port.yaml', '-f', 'nope.yaml']);
  assert.equal(code, 3);
  assert.match(stderr, /^nope\.yaml: error: no such file or directory\n  check the path given to -f\/--file\n/);
  assert.match(stderr, /^test\/fixtures\/invalid\/reserved-port\.yaml:17:9: error: spec\.port: 9090 is reserved/m);
  assert.match(stderr, /2 errors, 0 warnings in 2 files; 4 of 5 manifests valid\n$/);
  assertNoStackTrace(stderr);
});

test('warnings alone keep exit 0 and are printed with their position', () => {
  const { code, stderr } = runOpenmcf(['validate', '-f', 'test/fixtures/valid/deploy-false-warning.yaml']);
  assert.equal(code, 0);
  assert.match(stderr, /^test\/fixtures\/valid\/deploy-false-warning\.yaml:18:11: warning: spec\.deploy: false has no effect/);
  assert.match(stderr, /1 manifest valid in 1 file; 1 warning\n$/);
});

test('--json prints one versioned document on stdout with the same diagnostics as data', () => {
  const { code, stdout, stderr } = runOpenmcf(['validate', '-f', GRPC_FIXTURE, '-f', 'manifests/my-api.yaml', '--json']);
  assert.equal(code, 3);
  assert.equal(stderr, '');
  const result = JSON.parse(stdout) as {
    apiVersion: string;
    valid: boolean;
    summary: Record<string, number>;
    documents: { file: string; documentIndex: number; line: number; column: number; name?: string; valid: boolean; errors: number; warnings: number }[];
    diagnostics: { severity: string; code: string; file: string; line: number; column: number; path: string; message: string; hint?: string }[];
  };
  assert.equal(result.apiVersion, 'openmcf.org/validate/v1');
  assert.equal(result.valid, false);
  assert.deepEqual(result.summary, { files: 2, documents: 2, validDocuments: 1, errors: 2, warnings: 0 });
  assert.deepEqual(result.documents, [
    { file: GRPC_FIXTURE, documentIndex: 0, line: 1, column: 1, name: 'inference-grpc', valid: false, errors: 2, warnings: 0 },
    { file: 'manifests/my-api.yaml', documentIndex: 0, line: 3, column: 1, name: 'my-api', valid: true, errors: 0, warnings: 0 },
  ]);
  assert.deepEqual(result.diagnostics[1], {
    severity: 'error',
    code: 'rule.scaling-metric-count',
    file: GRPC_FIXTURE,
    line: 32,
    column: 3,
    path: 'spec.scalingOption',
    message: 'sets 2 metrics (`concurrentRequestsThreshold`, `cpuUsageThreshold`); the Scaleway API takes exactly one',
    hint: 'keep the one metric the container should scale on',
  });
});

test('--json on valid input says valid: true and exits 0', () => {
  const { code, stdout } = runOpenmcf(['validate', '-f', 'manifests', '--json']);
  assert.equal(code, 0);
  const result = JSON.parse(stdout) as { valid: boolean; diagnostics: unknown[]; documents: unknown[] };
  assert.equal(result.valid, true);
  assert.deepEqual(result.diagnostics, []);
  assert.equal(result.documents.length, 4);
});

test('bad input of every kind never prints a stack trace', () => {
  for (const fixture of ['yaml-syntax', 'alias-bomb', 'not-a-mapping', 'empty', 'types', 'duplicate-key', 'unresolved-alias']) {
    const { code, stderr } = runOpenmcf(['validate', '-f', `test/fixtures/invalid/${fixture}.yaml`]);
    assert.equal(code, 3, fixture);
    assert.match(stderr, new RegExp(`^test/fixtures/invalid/${fixture}\\.yaml:\\d+:\\d+: error: `), fixture);
    assertNoStackTrace(stderr);
  }
});

test('a secret value never appears in validation messages', () => {
  const { stderr, stdout } = runOpenmcf(['validate', '-f', 'test/fixtures/invalid/env.yaml', '--json']);
  assert.doesNotMatch(stderr + stdout, /super-secret-value/);
});

test('validate-manifest is an alias, and --help shows examples', () => {
  assert.equal(runOpenmcf(['validate-manifest', '-f', 'manifests/my-api.yaml']).code, 0);
  const { code, stdout } = runOpenmcf(['validate', '--help']);
  assert.equal(code, 0);
  assert.match(stdout, /Examples:\n\s+\$ openmcf validate -f manifests\/order-api\.yaml/);
});

test('without -f, validate says what is missing: exit 3', () => {
  const { code, stderr } = runOpenmcf(['validate']);
  assert.equal(code, 3);
  assert.match(stderr, /^error: no manifest given\n\s+pass -f\/--file <path>/);
});
