#!/usr/bin/env -S node --
// `node --` ends node's own options: without it node reads a `--env-file` meant for openmcf
// (nodejs/node#54232) and stops with its own error before openmcf runs.
// Entry point: run the CLI, then exit explicitly once output is flushed (the Automation API can
// leave handles open after an update).
import { preloadVendorBundles } from '../dist/src/manifest/vendor-bundles.js';

// commander and yaml from their build-time bundles (start-up speed), so the CLI is imported after.
preloadVendorBundles();
const { main } = await import('../dist/src/cli/main.js');

const code = await main(process.argv.slice(2));
process.exitCode = code;
if (process.stdout.writableNeedDrain || process.stderr.writableNeedDrain) {
  await Promise.all([
    new Promise((resolve) => process.stdout.write('', resolve)),
    new Promise((resolve) => process.stderr.write('', resolve)),
  ]);
}
process.exit(code);
