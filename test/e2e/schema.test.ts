import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runOpenmcf, tempDir } from '../helpers/run-openmcf.js';

const SCHEMA_FILE = join(REPO_ROOT, 'schemas', 'scaleway.openmcf.org', 'v1', 'ScalewayServerlessContainer.schema.json');

test('openmcf schema prints the manifest JSON Schema on stdout, nothing else', () => {
  const { code, stdout, stderr } = runOpenmcf(['schema']);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  const schema = JSON.parse(stdout) as { $schema: string; $id: string; properties: Record<string, unknown> };
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.match(schema.$id, /ScalewayServerlessContainer/);
  assert.deepEqual(Object.keys(schema.properties).sort(), ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  assert.deepEqual(JSON.parse(stdout), JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
});

test('openmcf schema --output writes the same schema to a file', () => {
  const dir = tempDir();
  const out = join(dir, 'openmcf.schema.json');
  const { code, stdout, stderr } = runOpenmcf(['schema', '--output', out]);
  assert.equal(code, 0);
  assert.equal(stdout, '');
  assert.match(stderr, /openmcf\.schema\.json/);
  assert.equal(readFileSync(out, 'utf8'), runOpenmcf(['schema']).stdout);
});

test('schema --output creates the folders it is missing', () => {
  const out = join(tempDir(), '.vscode', 'schemas', 'openmcf.schema.json');
  const { code, stderr } = runOpenmcf(['schema', '--output', out]);
  assert.equal(code, 0, stderr);
  assert.equal(readFileSync(out, 'utf8'), runOpenmcf(['schema']).stdout);
});

test('an unwritable --output is invalid input, without a stack trace', () => {
  // Below a regular file: no folder can be made there, whoever runs the test.
  const file = join(tempDir(), 'a-file');
  writeFileSync(file, '');
  const { code, stderr } = runOpenmcf(['schema', '--output', join(file, 'x.json')]);
  assert.equal(code, 3);
  assert.match(stderr, /cannot write .*a-file\/x\.json/);
  assert.doesNotMatch(stderr, /\n\s+at /);
});

test('schema --help shows an example and how to wire the schema into an editor', () => {
  const { code, stdout } = runOpenmcf(['schema', '--help']);
  assert.equal(code, 0);
  assert.match(stdout, /\$ openmcf schema/);
  assert.match(stdout, /# yaml-language-server: \$schema=/);
  assert.match(stdout, /yaml\.schemas/);
});
