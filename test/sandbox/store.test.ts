// The simulated cloud's store: whole-file reads, serialized writes across processes, stale locks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCloud, updateCloud } from '../../src/sandbox/store.js';
import type { TriggerWire } from '../../src/sandbox/wire.js';
import { tempHome } from '../helpers/engine.js';
import { REPO_ROOT } from '../helpers/run-openmcf.js';

const STORE_MODULE = pathToFileURL(join(REPO_ROOT, 'dist', 'src', 'sandbox', 'store.js')).href;

function trigger(id: string): TriggerWire {
  return {
    id,
    name: id,
    description: '',
    tags: [],
    status: 'ready',
    container_id: 'c',
    _region: 'fr-par',
    source_type: 'cron',
    destination_config: { http_path: '/', http_method: 'post' },
    cron_config: { schedule: '@hourly', timezone: 'Europe/Paris', body: '{}', headers: {} },
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  };
}

/** A separate node process adding `count` triggers, one locked update each. */
function writer(storeDir: string, prefix: string, count: number): Promise<number | null> {
  const script = `
    const { updateCloud } = await import(${JSON.stringify(STORE_MODULE)});
    for (let i = 0; i < ${count}; i++) {
      await updateCloud(${JSON.stringify(storeDir)}, (cloud) => {
        const id = ${JSON.stringify(prefix)} + i;
        cloud.triggers[id] = { id, name: id, status: 'ready' };
      });
    }`;
  return new Promise((resolve) => spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' }).on('close', resolve));
}

test('an empty store reads as an empty cloud', (t) => {
  const { home } = tempHome(t);
  assert.deepEqual(readCloud(join(home, 'nothing-here')), { namespaces: {}, containers: {}, triggers: {}, faultHits: {} });
});

test('updates are saved, return the callback value, and a throwing callback changes nothing', async (t) => {
  const { home } = tempHome(t);
  const value = await updateCloud(home, (cloud) => {
    cloud.triggers = { a: trigger('a') };
    return 'done';
  });
  assert.equal(value, 'done');
  assert.deepEqual(Object.keys(readCloud(home).triggers), ['a']);
  await assert.rejects(
    updateCloud(home, (cloud) => {
      cloud.triggers = {};
      throw new Error('api said no');
    }),
    /api said no/,
  );
  assert.deepEqual(Object.keys(readCloud(home).triggers), ['a']);
  assert.ok(!existsSync(join(home, 'api.lock')), 'the lock is released after a failure');
});

test('two processes writing at once lose no update', async (t) => {
  const home = join(tempHome(t).home, 'cloud');
  const codes = await Promise.all([writer(home, 'p1-', 40), writer(home, 'p2-', 40)]);
  assert.deepEqual(codes, [0, 0]);
  assert.equal(Object.keys(readCloud(home).triggers).length, 80);
  assert.deepEqual(readdirSync(home).sort(), ['api.json'], 'no lock or temp file left behind');
});

test('a lock left by a dead process is taken over', async (t) => {
  const { home } = tempHome(t);
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'api.lock'), '999999999\n');
  const started = Date.now();
  await updateCloud(home, (cloud) => {
    cloud.triggers = { b: trigger('b') };
  });
  assert.ok(Date.now() - started < 5000);
  assert.deepEqual(Object.keys(readCloud(home).triggers), ['b']);
});
