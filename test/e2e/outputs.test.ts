// `openmcf outputs`: all outputs, one raw value, export lines; on a local folder backend straight
// from the checkpoint file, which the test proves by giving it no engine at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { CloudHome, manifest } from './cloud-run.js';

const home = new CloudHome('openmcf-outputs-');
/** An engine path that does not exist: any engine start would fail. */
const NO_ENGINE = { OPENMCF_PULUMI_CLI: '/nonexistent/pulumi' };

test('outputs are read from the file backend without starting the engine', () => {
  assert.equal(home.run(['apply', '-f', manifest('my-api'), '--sandbox', '--yes']).code, 0);
  const result = home.run(['outputs', '-f', manifest('my-api'), '--sandbox'], { env: NO_ENGINE });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^url: +https:\/\/\S+\.functions\.fnc\.fr-par\.scw\.cloud$/m);
  assert.match(result.stdout, /^status: +ready$/m);
});

test('outputs NAME prints the raw value only; an unknown name is invalid input listing the names', () => {
  const url = home.run(['outputs', '-f', manifest('my-api'), '--sandbox', 'url'], { env: NO_ENGINE });
  assert.equal(url.code, 0, url.stderr);
  assert.match(url.stdout, /^https:\/\/\S+\n$/);
  const all = home.run(['outputs', '-f', manifest('my-api'), '--sandbox', '--json'], { env: NO_ENGINE });
  assert.equal(url.stdout.trim(), (JSON.parse(all.stdout) as { results: Array<{ outputs: { url: string } }> }).results[0]?.outputs.url);
  const unknown = home.run(['outputs', '-f', manifest('my-api'), '--sandbox', 'nope'], { env: NO_ENGINE });
  assert.equal(unknown.code, 3);
  assert.equal(unknown.stdout, '');
  assert.match(unknown.stderr, /has no output named "nope"\n.*its outputs: containerId, domainName, errorMessage, namespaceId, status, url/);
});

test('--shell prints export lines a shell can eval', () => {
  const result = home.run(['outputs', '-f', manifest('my-api'), '--sandbox', '--shell'], { env: NO_ENGINE });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^export url='https:\/\/\S+'$/m);
  const url = home.run(['outputs', '-f', manifest('my-api'), '--sandbox', 'url']).stdout.trim();
  const shell = spawnSync('bash', ['-c', `eval "$1"; printf '%s|%s' "$url" "$status"`, 'bash', result.stdout], { encoding: 'utf8' });
  assert.equal(shell.stdout, `${url}|ready`);
  const several = home.run(['outputs', '-f', manifest('my-api'), '-f', manifest('data-pipeline'), '--sandbox', '--shell'], { env: NO_ENGINE });
  assert.equal(several.code, 3);
  assert.match(several.stderr, /--shell prints the outputs of one stack/);
});

test('a stack never applied: the same message with or without the engine', () => {
  const result = home.run(['outputs', '-f', manifest('data-pipeline'), '--sandbox'], { env: NO_ENGINE });
  assert.equal(result.code, 1);
  assert.match(result.stderr, /stack \S+data-pipeline does not exist on file:\/\/.*: nothing was deployed from data-pipeline yet/);
  assert.match(result.stderr, /Run `openmcf apply -f \S+data-pipeline\.yaml --sandbox` first/);
});

test('a checkpoint it cannot read is left to the engine', () => {
  // With no engine available, the engine path is taken and fails: proof the file was not trusted.
  const stateDir = `${home.dir}/sandbox/state/.pulumi/stacks/my-project`;
  const file = `${stateDir}/dev.ScalewayServerlessContainer.my-api.json`;
  const original = spawnSync('cat', [file], { encoding: 'utf8' }).stdout;
  spawnSync('sh', ['-c', `printf '{"version": 99}' > '${file}'`]);
  try {
    const result = home.run(['outputs', '-f', manifest('my-api'), '--sandbox'], { env: NO_ENGINE });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /nonexistent\/pulumi|engine/i);
  } finally {
    spawnSync('sh', ['-c', 'cat > "$1"', 'sh', file], { input: original });
  }
});
