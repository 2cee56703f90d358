import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_YAML, firstManifest, workspace } from './manifest-fixture.js';
import { runOpenmcf } from '../helpers/run-openmcf.js';

test('--set types each value by the schema: integer, boolean, string, list, StringValueOrRef, label', () => {
  const cwd = workspace({ 'app.yaml': APP_YAML });
  const result = runOpenmcf(
    [
      'load',
      '-f',
      'app.yaml',
      '--json',
      '--set',
      'spec.minScale=1',
      '--set',
      'spec.deploy=true',
      '--set',
      'spec.image.tag=2',
      '--set',
      'spec.commands=["node","server.js"]',
      '--set',
      'spec.image.registryEndpoint=ghcr.io/acme',
      '--set',
      'spec.env.variables[0].name=LOG_LEVEL',
      '--set',
      'spec.env.variables[0].value=debug',
      '--set',
      'metadata.labels.pulumi.openmcf.org/stack.name=prod.ScalewayServerlessContainer.my-api',
    ],
    { cwd },
  );
  assert.equal(result.code, 0, result.stderr);
  const { spec, metadata } = firstManifest(result.stdout);
  assert.equal(spec.minScale, 1);
  assert.equal(spec.deploy, true);
  assert.deepEqual(spec.image, { registryEndpoint: { value: 'ghcr.io/acme' }, name: 'my-api', tag: '2' });
  assert.deepEqual(spec.commands, ['node', 'server.js']);
  assert.deepEqual((spec.env as { variables: unknown }).variables, [{ name: 'LOG_LEVEL', value: 'debug' }]);
  assert.equal(metadata.labels['pulumi.openmcf.org/stack.name'], 'prod.ScalewayServerlessContainer.my-api');
});

test('--set applies to every document of a multi-document file', () => {
  const second = APP_YAML.replace(/my-api/g, 'other-api');
  const cwd = workspace({ 'app.yaml': `${APP_YAML}---\n${second}` });
  const result = runOpenmcf(['load', '-f', 'app.yaml', '--json', '--set', 'spec.maxScale=3'], { cwd });
  assert.equal(result.code, 0, result.stderr);
  const { manifests } = JSON.parse(result.stdout) as { manifests: { manifest: { spec: { maxScale: number } } }[] };
  assert.deepEqual(
    manifests.map((m) => m.manifest.spec.maxScale),
    [3, 3],
  );
});

test('an unknown --set path is invalid input naming the flag, with a did-you-mean', () => {
  const cwd = workspace({ 'app.yaml': APP_YAML });
  const result = runOpenmcf(['validate', '-f', 'app.yaml', '--set', 'spec.minScal=1'], { cwd });
  assert.equal(result.code, 3);
  assert.match(result.stderr, /^--set spec\.minScal=1: error: spec\.minScal: unknown field\n {2}did you mean `minScale`\?$/m);
  assert.doesNotMatch(result.stderr, /app\.yaml:\d+/);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
});

test('a value of the wrong type is invalid input naming the flag and the expected type', () => {
  const cwd = workspace({ 'app.yaml': APP_YAML });
  const result = runOpenmcf(['validate', '-f', 'app.yaml', '--set', 'spec.minScale=abc', '--set', 'spec.deploy=yes'], { cwd });
  assert.equal(result.code, 3);
  assert.match(result.stderr, /^--set spec\.minScale=abc: error: spec\.minScale: must be an integer, got "abc"$/m);
  assert.match(result.stderr, /^--set spec\.deploy=yes: error: spec\.deploy: must be true or false, got "yes"$/m);
});

test('a bad value set by --set gets the validation error, pointed at the flag instead of a line', () => {
  const cwd = workspace({ 'app.yaml': APP_YAML });
  const result = runOpenmcf(['validate', '-f', 'app.yaml', '--set', 'spec.port=8008', '--set', 'spec.region=mars'], { cwd });
  assert.equal(result.code, 3);
  assert.match(result.stderr, /^--set spec\.port=8008: error: spec\.port: 8008 is reserved/m);
  assert.match(result.stderr, /^--set spec\.region=mars: error: spec\.region: /m);
  assert.doesNotMatch(result.stderr, /app\.yaml:\d+:\d+: error: spec\.(port|region)/);
});

test('--set problems are data in --json, with line and column 0', () => {
  const cwd = workspace({ 'app.yaml': APP_YAML });
  const result = runOpenmcf(['validate', '-f', 'app.yaml', '--json', '--set', 'spec.args[3]=x'], { cwd });
  assert.equal(result.code, 3);
  const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: { file: string; line: number; column: number; path: string; message: string }[] };
  assert.equal(diagnostics.length, 1);
  assert.deepEqual(
    { ...diagnostics[0], message: undefined },
    { severity: 'error', code: 'set.path', file: '--set spec.args[3]=x', line: 0, column: 0, path: 'spec.args[3]', message: undefined },
  );
  assert.match(diagnostics[0]?.message ?? '', /out of range \(the list has 0 items; \[0\] appends\)/);
});

test('a malformed --set is invalid input', () => {
  const cwd = workspace({ 'app.yaml': APP_YAML });
  const result = runOpenmcf(['validate', '-f', 'app.yaml', '--set', 'spec.minScale'], { cwd });
  assert.equal(result.code, 3);
  assert.match(result.stderr, /^--set spec\.minScale: error: expected path=value/m);
});
