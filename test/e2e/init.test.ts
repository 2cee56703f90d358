import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runOnTerminal, runOpenmcf, runWithOpenStdin, tempDir } from '../helpers/run-openmcf.js';

interface Starter {
  metadata: { name: string; labels: Record<string, string> };
  spec: { region: string; image: { registryEndpoint: { value: string }; name: string; tag: string }; privacy: string; port: number };
}

test('init with flags writes <name>.yaml, which openmcf validate accepts', () => {
  const dir = tempDir();
  const init = runOpenmcf(['init', '--name', 'orders', '--region', 'nl-ams', '--image', 'ghcr.io/acme/orders:v1.2.0', '--privacy', 'private', '--port', '9000'], { cwd: dir });
  assert.equal(init.code, 0, init.stderr);
  assert.match(init.stderr, /Created orders\.yaml/);
  const file = join(dir, 'orders.yaml');
  const text = readFileSync(file, 'utf8');
  assert.match(text, /^# yaml-language-server: \$schema=\S+ScalewayServerlessContainer\.schema\.json\n/);
  const starter = parse(text) as Starter;
  assert.equal(starter.metadata.name, 'orders');
  assert.equal(starter.metadata.labels['pulumi.openmcf.org/stack.name'], 'dev.ScalewayServerlessContainer.orders');
  assert.equal(starter.spec.region, 'nl-ams');
  assert.deepEqual(starter.spec.image, { registryEndpoint: { value: 'ghcr.io/acme' }, name: 'orders', tag: 'v1.2.0' });
  assert.equal(starter.spec.privacy, 'private');
  assert.equal(starter.spec.port, 9000);

  const validate = runOpenmcf(['validate', '-f', file]);
  assert.equal(validate.code, 0, validate.stderr);
});

test('init without a terminal never asks: it uses the defaults, and the result validates', async () => {
  const dir = tempDir();
  const result = await runWithOpenStdin(['init'], { cwd: dir });
  assert.equal(result.timedOut, false, 'init waited for input without a terminal');
  assert.equal(result.code, 0, result.stderr);
  assert.doesNotMatch(result.stderr, /\[.*\]: /); // no question was printed
  const file = join(dir, 'my-api.yaml');
  const starter = parse(readFileSync(file, 'utf8')) as Starter;
  assert.equal(starter.spec.region, 'fr-par');
  assert.equal(starter.spec.privacy, 'public');
  assert.equal(starter.spec.port, 8080);
  assert.deepEqual(starter.spec.image, { registryEndpoint: { value: 'rg.fr-par.scw.cloud/my-registry' }, name: 'my-api', tag: 'latest' });
  assert.equal(runOpenmcf(['validate', '-f', file]).code, 0);
});

test('init - prints the manifest on stdout and writes no file', () => {
  const dir = tempDir();
  const result = runOpenmcf(['init', '-', '--name', 'piped'], { cwd: dir });
  assert.equal(result.code, 0);
  assert.equal((parse(result.stdout) as Starter).metadata.name, 'piped');
  assert.equal(existsSync(join(dir, 'piped.yaml')), false);
  assert.equal(runOpenmcf(['validate', '-f', '-'], { input: result.stdout }).code, 0);
});

test('the file name suggests the container name', () => {
  const dir = tempDir();
  assert.equal(runOpenmcf(['init', 'billing-worker.yaml'], { cwd: dir }).code, 0);
  assert.equal((parse(readFileSync(join(dir, 'billing-worker.yaml'), 'utf8')) as Starter).metadata.name, 'billing-worker');
});

test('init refuses to overwrite a file unless --force', () => {
  const dir = tempDir();
  const file = join(dir, 'existing.yaml');
  writeFileSync(file, 'keep me\n');
  const refused = runOpenmcf(['init', file], { cwd: dir });
  assert.equal(refused.code, 3);
  assert.match(refused.stderr, /already exists/);
  assert.match(refused.stderr, /--force/);
  assert.equal(readFileSync(file, 'utf8'), 'keep me\n');
  assert.equal(runOpenmcf(['init', file, '--force'], { cwd: dir }).code, 0);
  assert.match(readFileSync(file, 'utf8'), /kind: ScalewayServerlessContainer/);
});

test('bad values are refused before anything is written, each naming its flag', () => {
  const dir = tempDir();
  const result = runOpenmcf(['init', '--name', 'Bad_Name', '--region', 'us-east', '--port', '8008', '--image', 'ghcr.io/acme/app@sha256:abc'], { cwd: dir });
  assert.equal(result.code, 3);
  assert.match(result.stderr, /--image ghcr\.io\/acme\/app@sha256:abc: digests/);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  const second = runOpenmcf(['init', '--name', 'Bad_Name', '--region', 'us-east', '--port', '8008'], { cwd: dir });
  assert.equal(second.code, 3);
  assert.match(second.stderr, /--name Bad_Name: metadata\.name/);
  assert.match(second.stderr, /--region us-east: spec\.region/);
  assert.match(second.stderr, /--port 8008: spec\.port/);
  assert.equal(existsSync(join(dir, 'Bad_Name.yaml')), false);
  assert.equal(existsSync(join(dir, 'my-api.yaml')), false);
});

test('init --help shows examples', () => {
  const { code, stdout } = runOpenmcf(['init', '--help']);
  assert.equal(code, 0);
  assert.match(stdout, /Examples?:\n\s+\$ openmcf init/);
});

test('on a terminal, init asks for what no flag gave and uses the answers', async () => {
  // `script` (util-linux) runs the binary on a pseudo-terminal; answers are typed only once each
  // question has appeared, as a person would.
  const dir = tempDir();
  const answers: [RegExp, string][] = [
    [/Name \(lowercase letters, digits, dashes\) \[my-api\]: /, 'shop'],
    [/Image \(<registry>\/<name>:<tag>\) \[rg\.nl-ams\.scw\.cloud\/my-registry\/shop:latest\]: /, ''],
    [/Privacy \(public, private\) \[public\]: /, 'private'],
  ];
  const { code, answered } = await runOnTerminal(['init', '--region', 'nl-ams'], {
    cwd: dir,
    answers: answers.map(([question, answer]) => [question, `${answer}\n`] as const),
    timeoutMs: 30_000,
  });
  assert.equal(code, 0);
  assert.equal(answered, answers.length, 'not every question was asked');
  const starter = parse(readFileSync(join(dir, 'shop.yaml'), 'utf8')) as Starter;
  assert.equal(starter.metadata.name, 'shop');
  assert.equal(starter.spec.region, 'nl-ams'); // from the flag: not asked
  assert.equal(starter.spec.privacy, 'private');
  assert.deepEqual(starter.spec.image, { registryEndpoint: { value: 'rg.nl-ams.scw.cloud/my-registry' }, name: 'shop', tag: 'latest' });
});
