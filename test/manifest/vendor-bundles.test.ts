// The build-time bundles of commander and yaml (start-up speed) must stand in for the packages
// exactly: same exports, same CLI output, and a silent fall-back when they cannot be used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { runOpenmcf } from '../helpers/run-openmcf.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PRELOAD = join(ROOT, 'dist', 'src', 'manifest', 'vendor-bundles.js');

function run(script: string, env: Record<string, string> = {}): string {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim();
}

const PROBE = `
  import { createRequire } from 'node:module';
  const { preloadVendorBundles } = await import(${JSON.stringify(PRELOAD)});
  const served = preloadVendorBundles();
  const require = createRequire(${JSON.stringify(PRELOAD)});
  const yaml = await import('yaml');
  const { Command } = await import('commander');
  // Loaded as usual, yaml's entry module has its 70 files as children; the bundle has none.
  const cached = require.cache[require.resolve('yaml')];
  const fromBundle = cached?.exports.parse === yaml.parse && cached?.children.length === 0;
  const doc = yaml.parseDocument('a: [1, {b: c}]');
  console.log(JSON.stringify({ served, fromBundle, data: doc.toJS(), command: typeof Command, names: Object.keys(yaml).sort().length }));
`;

test("commander and yaml are served from their bundles, with the packages' behaviour", () => {
  const probe = JSON.parse(run(PROBE)) as { served: string[]; fromBundle: boolean; data: unknown; command: string; names: number };
  assert.deepEqual(probe.served, ['commander', 'yaml']);
  assert.equal(probe.fromBundle, true);
  assert.deepEqual(probe.data, { a: [1, { b: 'c' }] });
  assert.equal(probe.command, 'function');
  const plain = JSON.parse(run(PROBE, { OPENMCF_NO_VENDOR_BUNDLES: '1' })) as typeof probe;
  assert.deepEqual(plain.served, []);
  assert.equal(plain.fromBundle, false);
  assert.deepEqual(plain.data, probe.data);
  assert.equal(plain.names, probe.names, 'the bundle exports what the package exports');
});

test('a package already loaded is left alone', () => {
  const out = run(`
    const yaml = await import('yaml');
    const { preloadVendorBundles } = await import(${JSON.stringify(PRELOAD)});
    console.log(JSON.stringify(preloadVendorBundles()));
  `);
  assert.deepEqual(JSON.parse(out), ['commander']);
});

test('the CLI prints the same with and without the bundles', () => {
  const args = ['validate', '-f', 'manifests', '-f', 'test/fixtures/invalid/cron.yaml'];
  const bundled = runOpenmcf(args);
  const plain = runOpenmcf(args, { env: { OPENMCF_NO_VENDOR_BUNDLES: '1' } });
  assert.equal(bundled.code, 3);
  assert.equal(plain.code, 3);
  assert.equal(bundled.stderr, plain.stderr);
  assert.match(bundled.stderr, /cron\.yaml:19:17: error: spec\.cronTriggers\[0\]\.schedule/);
});

test('every command the start-up bundle serves prints the same from the bundle and from the ES modules', () => {
  const env = { ...process.env, NO_COLOR: '1' };
  for (const argv of [
    ['validate', '--json', '-f', 'manifests', '-f', 'test/fixtures/invalid/cron.yaml'],
    ['validate-manifest', 'manifests/order-api.yaml'],
    ['validate', '--help'],
    ['validate', '-f', 'no/such/file.yaml'],
    ['validate', '--no-such-flag'],
    ['schema'],
    ['--version'],
  ]) {
    const args = [join(ROOT, 'bin', 'openmcf.js'), ...argv];
    const bundled = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env });
    const plain = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...env, OPENMCF_NO_VENDOR_BUNDLES: '1' } });
    assert.deepEqual([bundled.status, bundled.stdout, bundled.stderr], [plain.status, plain.stdout, plain.stderr], argv.join(' '));
    assert.ok(bundled.stdout.length + bundled.stderr.length > 0, argv.join(' '));
  }
});

const STARTUP_PROBE = (dist: string): string => `
  const { startupBundleMain } = await import(${JSON.stringify(PRELOAD)});
  const dist = new URL(${JSON.stringify(pathToFileURL(dist).href)});
  const served = (argv) => typeof startupBundleMain(argv, dist);
  console.log(JSON.stringify([['validate'], ['validate-manifest', 'x.yaml'], ['schema'], ['--version'], ['apply', '-f', 'x'], ['--help'], [], ['version']].map(served)));
`;

test('the start-up bundle serves validate, schema and --version only, and only while it matches the build', () => {
  // A copy of the build inside the package (packages resolve from it as from dist/).
  const copy = mkdtempSync(join(ROOT, 'dist', 'startup-copy-'));
  try {
    cpSync(join(ROOT, 'dist', 'src'), join(copy, 'src'), { recursive: true });
    cpSync(join(ROOT, 'dist', 'vendor'), join(copy, 'vendor'), { recursive: true });
    const fn = 'function';
    const none = 'undefined';
    assert.deepEqual(JSON.parse(run(STARTUP_PROBE(`${copy}/`))), [fn, fn, fn, fn, none, none, none, none]);
    assert.deepEqual(JSON.parse(run(STARTUP_PROBE(`${copy}/`), { OPENMCF_NO_VENDOR_BUNDLES: '1' })), [none, none, none, none, none, none, none, none]);
    // A file rebuilt since the bundle was made (tsc alone): the bundle would run the old code.
    appendFileSync(join(copy, 'src', 'validation', 'platform-rules.js'), '\n// changed\n');
    assert.deepEqual(JSON.parse(run(STARTUP_PROBE(`${copy}/`))), [none, none, none, none, none, none, none, none]);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
