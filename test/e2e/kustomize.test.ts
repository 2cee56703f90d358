// `--kustomize-dir <dir> --overlay <name>` through the built binary, with the pinned kustomize
// (OPENMCF_KUSTOMIZE points at it; CI builds it with kustomize/build.sh). Fixture:
// test/fixtures/kustomize/ (a base and two overlays: prod patches the image tag, bad-port patches
// in a reserved port).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kustomizeBinary } from '../helpers/engine.js';
import { REPO_ROOT, runOpenmcf, tempDir } from '../helpers/run-openmcf.js';
import { KUSTOMIZE_VERSION } from '../../src/core/version.js';

const KUSTOMIZE = kustomizeBinary();
const DIR = 'test/fixtures/kustomize';
const withKustomize = { env: { OPENMCF_KUSTOMIZE: KUSTOMIZE } };

test('an overlay is built with kustomize and its patch applies: the image tag of prod', () => {
  const result = runOpenmcf(['load', '--kustomize-dir', DIR, '--overlay', 'prod', '--json'], withKustomize);
  assert.equal(result.code, 0, result.stderr);
  const document = JSON.parse(result.stdout) as { manifests: Array<{ source: { file: string }; manifest: { metadata: { name: string }; spec: { image: { tag: string } } } }> };
  assert.equal(document.manifests.length, 1);
  assert.equal(document.manifests[0]?.manifest.metadata.name, 'kustomized-api');
  assert.equal(document.manifests[0]?.manifest.spec.image.tag, 'v2.0.0', 'the base says v1.0.0; the overlay patches it');
  assert.equal(document.manifests[0]?.source.file, `${DIR}/overlays/prod (kustomize build)`);
});

test('problems point into the built output (the lines `kustomize build` prints) and name the overlay', () => {
  const built = execFileSync(KUSTOMIZE, ['build', join(REPO_ROOT, DIR, 'overlays', 'bad-port')], { encoding: 'utf8' }).split('\n');
  const line = built.findIndex((l) => /^\s+port: 8008$/.test(l)) + 1;
  const column = (built[line - 1]?.indexOf('8008') ?? -1) + 1;
  assert.ok(line > 0 && column > 0);
  const result = runOpenmcf(['validate', '--kustomize-dir', DIR, '--overlay', 'bad-port'], withKustomize);
  assert.equal(result.code, 3);
  assert.ok(result.stderr.includes(`${DIR}/overlays/bad-port (kustomize build):${line}:${column}: error: spec.port: 8008 is reserved`), result.stderr);
});

test('an overlay that does not exist lists the ones that do', () => {
  const result = runOpenmcf(['validate', '--kustomize-dir', DIR, '--overlay', 'staging'], withKustomize);
  assert.equal(result.code, 3);
  assert.match(result.stderr, /overlays\/staging: error: no overlay "staging" \(given to --overlay\)\n\s+overlays in test\/fixtures\/kustomize\/overlays: bad-port, prod/);
});

test("a kustomize failure is an error with kustomize's own reason, exit 3", () => {
  const dir = tempDir('openmcf-kustomize-');
  mkdirSync(join(dir, 'overlays', 'broken'), { recursive: true });
  writeFileSync(join(dir, 'overlays', 'broken', 'kustomization.yaml'), 'resources:\n  - ../../base-that-is-not-there\n');
  const result = runOpenmcf(['validate', '--kustomize-dir', dir, '--overlay', 'broken'], withKustomize);
  assert.equal(result.code, 3);
  assert.match(result.stderr, /overlays\/broken: error: kustomize build failed: .*base-that-is-not-there/);
  assert.match(result.stderr, /run `.*kustomize build .*overlays\/broken` to see the whole output/);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
});

test('without kustomize and without Go to build it, the error says where it looked and what to install', () => {
  const emptyPath = tempDir('openmcf-no-tools-');
  const result = runOpenmcf(['validate', '--kustomize-dir', DIR, '--overlay', 'prod'], { env: { PATH: emptyPath, OPENMCF_KUSTOMIZE: '' } });
  assert.equal(result.code, 3);
  assert.match(
    result.stderr,
    new RegExp(`kustomize was not found \\(looked at OPENMCF_KUSTOMIZE, PATH and .*kustomize/v${KUSTOMIZE_VERSION.replace(/\./g, '\\.')}/bin/kustomize\\) and Go is not installed`),
  );
  assert.match(result.stderr, /install kustomize/);
  const bad = runOpenmcf(['validate', '--kustomize-dir', DIR, '--overlay', 'prod'], { env: { OPENMCF_KUSTOMIZE: join(REPO_ROOT, 'README.md') } });
  assert.equal(bad.code, 3);
  assert.match(bad.stderr, /OPENMCF_KUSTOMIZE is not an executable file/);
});

test('--kustomize-dir and --overlay go together', () => {
  const result = runOpenmcf(['validate', '--kustomize-dir', DIR]);
  assert.equal(result.code, 3);
  assert.match(result.stderr, /error: --kustomize-dir needs --overlay <name>/);
});

test('the kustomize version build.sh builds is the one openmcf looks for', () => {
  const goMod = readFileSync(join(REPO_ROOT, 'kustomize', 'go.mod'), 'utf8');
  assert.match(goMod, new RegExp(`^require sigs\\.k8s\\.io/kustomize/kustomize/v5 v${KUSTOMIZE_VERSION.replace(/\./g, '\\.')}$`, 'm'));
  assert.match(execFileSync(KUSTOMIZE, ['version'], { encoding: 'utf8' }), new RegExp(`v${KUSTOMIZE_VERSION.replace(/\./g, '\\.')}`));
});
