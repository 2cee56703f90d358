// The README's first command: make sure the pinned engine is there, then apply a bundled manifest,
// for real when Scaleway credentials are configured, on the sandbox cloud when none are.
// Usage (after `npm ci && npm run build`): npm run quickstart [-- <manifest>]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadCredentials } from '../dist/src/target/credentials.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}bin/openmcf.js`;
const manifest = process.argv[2] ?? 'manifests/order-api.yaml';

function openmcf(args) {
  const result = spawnSync(process.execPath, ['--', bin, ...args], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

let sandbox = false;
try {
  const credentials = await loadCredentials({ env: process.env, sandbox: false });
  console.error(`quickstart: Scaleway credentials found (${credentials.origin}): deploying for real`);
} catch {
  sandbox = true;
  console.error('quickstart: no Scaleway credentials configured: deploying to the sandbox cloud (nothing real)');
}

openmcf(['engine', 'install']);
openmcf(['apply', '--yes', '-f', manifest, ...(sandbox ? ['--sandbox'] : [])]);
