import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_YAML, workspace } from './manifest-fixture.js';
import { runOpenmcf } from '../helpers/run-openmcf.js';

const INVALID = APP_YAML.replace('port: 8080', 'port: 8008').replace('region: fr-par', 'region: fr-paris');

test('under GITHUB_ACTIONS=true, validation problems are also GitHub annotations with file, line, col', () => {
  const cwd = workspace({ 'app.yaml': INVALID });
  const result = runOpenmcf(['validate', '-f', 'app.yaml'], { cwd, env: { GITHUB_ACTIONS: 'true' } });
  assert.equal(result.code, 3);
  const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::'));
  assert.equal(annotations.length, 2);
  assert.match(annotations[0] ?? '', /^::error file=app\.yaml,line=10,col=11,title=openmcf schema\.enum::spec\.region: /);
  assert.match(annotations[1] ?? '', /^::error file=app\.yaml,line=17,col=9,title=openmcf rule\.reserved-port::spec\.port: 8008 is reserved/);
  // The human diagnostics are still there.
  assert.match(result.stderr, /^app\.yaml:17:9: error: spec\.port/m);
});

test('no annotations outside GitHub Actions', () => {
  const cwd = workspace({ 'app.yaml': INVALID });
  const environments: Record<string, string>[] = [{}, { GITHUB_ACTIONS: 'false' }, { CI: 'true' }];
  for (const env of environments) {
    const result = runOpenmcf(['validate', '-f', 'app.yaml'], { cwd, env });
    assert.equal(result.code, 3);
    assert.doesNotMatch(result.stdout + result.stderr, /::(error|warning)/);
  }
});

test('with --json, stdout stays one JSON document and the annotations go to stderr', () => {
  const cwd = workspace({ 'app.yaml': INVALID });
  const result = runOpenmcf(['validate', '-f', 'app.yaml', '--json'], { cwd, env: { GITHUB_ACTIONS: 'true' } });
  assert.equal(result.code, 3);
  assert.equal((JSON.parse(result.stdout) as { valid: boolean }).valid, false);
  assert.match(result.stderr, /^::error file=app\.yaml,line=17,col=9,/m);
});

test('a --set problem becomes an annotation without a file position', () => {
  const cwd = workspace({ 'app.yaml': APP_YAML });
  const result = runOpenmcf(['validate', '-f', 'app.yaml', '--set', 'spec.minScale=x'], { cwd, env: { GITHUB_ACTIONS: 'true' } });
  assert.equal(result.code, 3);
  assert.match(result.stdout, /^::error title=openmcf set\.type::--set spec\.minScale=x: spec\.minScale: must be an integer/m);
});
