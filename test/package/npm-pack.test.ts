// What `npm pack` puts in the tarball: everything the CLI and the README need (docs/, the LICENSE,
// the built code, schemas, manifests, the engine's build files) and none of the compiled tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/run-openmcf.js';

function packedFiles(): string[] {
  const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 0, result.stderr);
  const [entry] = JSON.parse(result.stdout) as Array<{ files: Array<{ path: string }> }>;
  assert.ok(entry);
  return entry.files.map((f) => f.path).sort();
}

const files = packedFiles();

test('the tarball carries the CLI, its docs, the LICENSE and the files the CLI reads at run time', () => {
  for (const path of [
    'LICENSE',
    'README.md',
    'package.json',
    'bin/openmcf.js',
    'dist/src/cli/main.js',
    'dist/vendor/commander-bundle.js',
    'dist/vendor/manifest-validator.js',
    'schemas/scaleway.openmcf.org/v1/ScalewayServerlessContainer.schema.json',
    'manifests/my-api.yaml',
    'docs/ci-example.yml',
    'docs/manifest-inputs.md',
    'engine/build.sh',
    'engine/go.mod',
  ]) {
    assert.ok(files.includes(path), `${path} is missing from the tarball`);
  }
});

test('the tarball ships no tests', () => {
  assert.deepEqual(
    files.filter((f) => f.startsWith('dist/test/') || f.startsWith('test/') || f.endsWith('.test.js')),
    [],
  );
});

test('every file the README links to is in the tarball', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1] as string).filter((l) => !/^[a-z]+:/.test(l));
  assert.ok(links.length >= 2, `links found: ${links.join(', ')}`);
  for (const link of links)
    assert.ok(
      files.some((f) => f === link || f.startsWith(`${link.replace(/\/$/, '')}/`)),
      `README links to ${link}, which is not packed`,
    );
});

test('the LICENSE is the Apache License 2.0 that package.json declares', () => {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { license: string };
  assert.equal(pkg.license, 'Apache-2.0');
  const license = readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8');
  assert.match(license, /Apache License\s+Version 2\.0, January 2004/);
  assert.match(license, /END OF TERMS AND CONDITIONS/);
});
