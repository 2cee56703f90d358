// The one sandbox provider a sandbox run shares between its engines: it listens where
// PULUMI_DEBUG_PROVIDERS says, and it never outlives openmcf, stopped or not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { startSharedSandboxProvider } from '../../src/sandbox/shared-provider.js';
import { REPO_ROOT, tempHome } from '../helpers/engine.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function gone(pid: number, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

test('the shared provider listens on the port it gives the engines, and stop() ends it', async (t) => {
  const { home } = tempHome(t);
  const provider = await startSharedSandboxProvider({ PATH: process.env.PATH, OPENMCF_SANDBOX_STORE: home });
  assert.ok(provider, 'it started');
  t.after(() => provider.stop());
  const port = /^scaleway:(\d+)$/.exec(provider.engineEnv.PULUMI_DEBUG_PROVIDERS ?? '')?.[1];
  assert.ok(port, `PULUMI_DEBUG_PROVIDERS=${provider.engineEnv.PULUMI_DEBUG_PROVIDERS}`);
  assert.equal(await accepts(Number(port)), true, 'the gRPC server accepts connections');
  assert.equal(alive(provider.pid), true);

  provider.stop();
  provider.stop(); // idempotent
  assert.equal(await gone(provider.pid), true, 'stopped');
});

test('outside sandbox mode the provider refuses to start, and none is shared', async () => {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.OPENMCF_SANDBOX_STORE;
  assert.equal(await startSharedSandboxProvider(env), undefined);
});

test('the shared provider ends by itself when openmcf dies without stopping it', async (t) => {
  const { home } = tempHome(t);
  // A stand-in for openmcf: starts the provider, says its pid, then waits to be killed.
  const module = pathToFileURL(join(REPO_ROOT, 'dist', 'src', 'sandbox', 'shared-provider.js')).href;
  const script = `const { startSharedSandboxProvider } = await import(${JSON.stringify(module)});
const p = await startSharedSandboxProvider({ PATH: process.env.PATH, OPENMCF_SANDBOX_STORE: ${JSON.stringify(home)} });
console.log(p ? p.pid : 'none');
setInterval(() => {}, 1000);`;
  const parent = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => parent.kill('SIGKILL'));
  const pid = await new Promise<number>((resolve, reject) => {
    let text = '';
    parent.stdout.setEncoding('utf8').on('data', (d: string) => {
      text += d;
      const line = /^(\d+|none)\n/.exec(text);
      if (line) (line[1] === 'none' ? reject(new Error('the provider did not start')) : resolve(Number(line[1])));
    });
    parent.once('exit', () => reject(new Error(`the parent ended first: ${text}`)));
  });
  assert.equal(alive(pid), true);

  parent.kill('SIGKILL'); // no exit handler runs: only the closed stdin tells the provider
  assert.equal(await gone(pid), true, 'the provider did not outlive its parent');
});
