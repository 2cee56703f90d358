#!/usr/bin/env node
// Entry point: run the CLI, then exit explicitly once output is flushed (the Automation API can
// leave handles open after an update).
import { main } from '../dist/src/cli/main.js';

const code = await main(process.argv.slice(2));
process.exitCode = code;
if (process.stdout.writableNeedDrain || process.stderr.writableNeedDrain) {
  await Promise.all([
    new Promise((resolve) => process.stdout.write('', resolve)),
    new Promise((resolve) => process.stderr.write('', resolve)),
  ]);
}
process.exit(code);
