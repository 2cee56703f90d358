// Build: compile TypeScript to dist/. Steps that generate code (e.g. the schema validator compiled
// at build time) run before tsc so their output is type-checked with the rest.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateValidator } from './generate-validator.mjs';
import { bundleVendor } from './bundle-vendor.mjs';
import { writeStartupBundle } from './build-startup-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
// The manifest JSON Schema, compiled to standalone ajv code (dist/vendor/manifest-validator.js).
generateValidator();
// commander and yaml as one file each, for start-up speed (src/manifest/vendor-bundles.ts).
bundleVendor();
execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.json`], { stdio: 'inherit', cwd: root });
// The files of the quick commands as one script with its code cache (scripts/build-startup-bundle.mjs).
await writeStartupBundle();
// The schema's limits are the platform's, as src/validation/platform-limits.ts (the one table) says.
const { schemaLimitMismatches } = await import(`${root}dist/src/validation/platform-limits.js`);
const schemaFile = `${root}schemas/scaleway.openmcf.org/v1/ScalewayServerlessContainer.schema.json`;
const mismatches = schemaLimitMismatches(JSON.parse(readFileSync(schemaFile, 'utf8')));
if (mismatches.length > 0) {
  console.error(`build: the JSON Schema disagrees with src/validation/platform-limits.ts:\n  ${mismatches.join('\n  ')}`);
  process.exit(1);
}
