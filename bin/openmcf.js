#!/usr/bin/env -S node --
// `node --` ends node's own options: without it node reads a `--env-file` meant for openmcf
// (nodejs/node#54232) and stops with its own error before openmcf runs.
// Entry point: run the CLI, then exit explicitly once output is flushed (the Automation API can
// leave handles open after an update).
//
// CommonJS (bin/package.json), unlike the rest of the package: the quick commands (validate,
// schema, --version) then run without Node's ES module loader ever starting (start-up speed,
// see src/manifest/vendor-bundles.ts); the other commands import the CLI's ES modules.
'use strict';

// Ctrl-C or SIGTERM before the run's own handlers are installed (while modules load, while
// manifests are read) ends with the documented code, 130, and one line, instead of the signal's
// default (143 and nothing said). A handler installed later (a run's engines, `sandbox api`)
// takes over: this one then steps aside. Installed before any import, so it covers their loading.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, function early() {
    if (process.listenerCount(signal) > 1) return;
    process.stderr.write(`openmcf: interrupted (${signal})\n`, () => process.exit(130));
  });
}

// Node >= 22.1 keeps compiled modules on disk between runs (start-up speed); Node 20 has no such
// cache, and the build-time bundles below carry V8's code cache instead. Its folder (by default
// $TMPDIR/node-compile-cache) is created here, under umask 077: whatever openmcf leaves in TMPDIR
// is private (0700 folders, 0600 files; README, "Security"), like the rest of a run's files.
const { enableCompileCache } = require('node:module');
if (enableCompileCache) {
  const umask = process.umask(0o077);
  try {
    enableCompileCache();
  } finally {
    process.umask(umask);
  }
}

/** The bundles' loader: its CommonJS copy (made by the build), else the ES module it is made from. */
async function bundleLoader() {
  try {
    return require('../dist/vendor/vendor-bundles.cjs');
  } catch {
    return import('../dist/src/manifest/vendor-bundles.js');
  }
}

async function run() {
  const { preloadVendorBundles, startupBundleMain } = await bundleLoader();
  // commander and yaml from their build-time bundles (start-up speed), so the CLI is loaded after.
  preloadVendorBundles();
  const argv = process.argv.slice(2);
  // The quick commands run from one bundled script; the rest, or a missing or outdated bundle,
  // from the ES modules.
  const main = startupBundleMain(argv) ?? (await import('../dist/src/cli/main.js')).main;
  const code = await main(argv);
  process.exitCode = code;
  if (process.stdout.writableNeedDrain || process.stderr.writableNeedDrain) {
    await Promise.all([new Promise((resolve) => process.stdout.write('', resolve)), new Promise((resolve) => process.stderr.write('', resolve))]);
  }
  process.exit(code);
}

void run();
