// The README's first command: make sure the pinned engine is there, then apply a bundled manifest:
// on the sandbox cloud when no Scaleway credentials are configured, for real (after the usual
// confirmation) when they are.
// Usage (after `npm ci && npm run build`): npm run quickstart [-- <manifest>]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadCredentials } from '../dist/src/stack/credentials.js';

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
  console.error(`quickstart: Scaleway credentials found (${credentials.origin}): deploying for real, after you confirm`);
} catch {
  sandbox = true;
  console.error('quickstart: no Scaleway credentials configured: deploying to the sandbox cloud (nothing real)');
}

openmcf(['engine', 'install']);
// A real deployment is confirmed on the terminal like any apply; the sandbox needs no confirmation.
openmcf(['apply', '-f', manifest, ...(sandbox ? ['--sandbox', '--yes'] : [])]);
