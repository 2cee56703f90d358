// The benchmarks (bench/*.mjs) import modules of the build by path: the test kit of the fault
// campaign, the sandbox settings of the preview benchmark. A file moved in src/ or test/ breaks
// them silently (no test runs them), so every such path is checked here against dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Every build path a bench script names: `join(root, 'dist', 'a', 'b.js')` and `built('a/b.js')` (dist/src/). */
function buildPaths(text: string): string[] {
  const joined = [...text.matchAll(/join\(root, 'dist', ((?:'[^']+'(?:, )?)+)\)/g)].map((match) => join('dist', ...[...match[1]!.matchAll(/'([^']+)'/g)].map((part) => part[1]!)));
  const built = [...text.matchAll(/built\('([^']+)'\)/g)].map((match) => join('dist', 'src', match[1]!));
  return [...joined, ...built];
}

test('every module of the build a benchmark imports exists', () => {
  const scripts = readdirSync(join(ROOT, 'bench')).filter((name) => name.endsWith('.mjs'));
  const paths = scripts.flatMap((name) => buildPaths(readFileSync(join(ROOT, 'bench', name), 'utf8')).map((path) => `${name}: ${path}`));
  assert.ok(paths.length >= 5, `only ${paths.length} build paths read from bench/: the scan is broken`);
  assert.deepEqual(
    paths.filter((entry) => !existsSync(join(ROOT, entry.split(': ')[1]!))),
    [],
  );
  assert.deepEqual(buildPaths("join(root, 'dist', 'test', 'cli', 'cloud-run.js')"), [join('dist', 'test', 'cli', 'cloud-run.js')], 'the scan reads a moved path');
});
