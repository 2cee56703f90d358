// The one `scaleway` plugin (the real provider) a run shares between its engines: it listens where
// PULUMI_DEBUG_PROVIDERS says, and it never outlives openmcf, stopped or not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { startSharedProvider } from '../../src/engine/shared-provider.js';
import { pluginBinary } from '../helpers/engine.js';
import { REPO_ROOT } from '../helpers/run-openmcf.js';
import { processAlive } from '../../src/core/process-alive.js';

async function gone(pid: number, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (processAlive(pid)) {
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

function portOf(env: Readonly<Record<string, string>>): number {
  const port = /^scaleway:(\d+)$/.exec(env.PULUMI_DEBUG_PROVIDERS ?? '')?.[1];
  assert.ok(port, `PULUMI_DEBUG_PROVIDERS=${env.PULUMI_DEBUG_PROVIDERS}`);
  return Number(port);
}

async function closed(port: number, ms = 10_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (await accepts(port)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

test('the shared provider listens on the port it gives the engines, and stop() ends it', async (t) => {
  const provider = await startSharedProvider(pluginBinary(), { PATH: process.env.PATH });
  assert.ok(provider, 'it started');
  t.after(() => provider.stop());
  const port = portOf(provider.engineEnv);
  assert.equal(await accepts(port), true, 'the gRPC server accepts connections');
  assert.equal(processAlive(provider.pid), true);

  provider.stop();
  provider.stop(); // idempotent
  assert.equal(await gone(provider.pid), true, 'stopped');
  assert.equal(await closed(port), true, 'the plugin itself is gone too');
});

test('a binary that does not start as a plugin is not shared', async () => {
  assert.equal(await startSharedProvider('/bin/false', { PATH: process.env.PATH }), undefined);
});

test('the shared provider ends when openmcf dies without stopping it (kill -9)', async (t) => {
  // A stand-in for openmcf: starts the provider, says its port, then waits to be killed.
  const module = pathToFileURL(join(REPO_ROOT, 'dist', 'src', 'engine', 'shared-provider.js')).href;
  const script = `const { startSharedProvider } = await import(${JSON.stringify(module)});
const p = await startSharedProvider(${JSON.stringify(pluginBinary())}, { PATH: process.env.PATH });
console.log(p ? p.engineEnv.PULUMI_DEBUG_PROVIDERS : 'none');
setInterval(() => {}, 1000);`;
  const parent = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => parent.kill('SIGKILL'));
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    parent.stdout.setEncoding('utf8').on('data', (d: string) => {
      text += d;
      const line = /^(scaleway:\d+|none)\n/.exec(text);
      if (line?.[1] === 'none') reject(new Error('the provider did not start'));
      else if (line) resolve(portOf({ PULUMI_DEBUG_PROVIDERS: line[1]! }));
    });
    parent.once('exit', () => reject(new Error(`the parent ended first: ${text}`)));
  });
  assert.equal(await accepts(port), true);

  parent.kill('SIGKILL'); // no exit handler runs: only the closed pipe tells the watchdog
  assert.equal(await closed(port), true, 'the plugin did not outlive its parent');
});
