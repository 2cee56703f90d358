// The simulated cloud's store: whole-file reads, serialized writes across processes, stale locks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCloud, updateCloud, type CronRecord } from '../../src/sandbox/store.js';
import { REPO_ROOT, tempHome } from '../helpers/engine.js';

const STORE_MODULE = pathToFileURL(join(REPO_ROOT, 'dist', 'src', 'sandbox', 'store.js')).href;

function cron(id: string): CronRecord {
  return { id, region: 'fr-par', containerId: 'c', name: id, schedule: '@hourly', args: {}, status: 'ready' };
}

/** A separate node process adding `count` crons, one locked update each. */
function writer(storeDir: string, prefix: string, count: number): Promise<number | null> {
  const script = `
    const { updateCloud } = await import(${JSON.stringify(STORE_MODULE)});
    for (let i = 0; i < ${count}; i++) {
      await updateCloud(${JSON.stringify(storeDir)}, (cloud) => {
        const id = ${JSON.stringify(prefix)} + i;
        cloud.crons = { ...cloud.crons, ['fr-par/' + id]: { id, region: 'fr-par', containerId: 'c', name: id, schedule: '@hourly', args: {}, status: 'ready' } };
      });
    }`;
  return new Promise((resolve) => spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' }).on('close', resolve));
}

test('an empty store reads as an empty cloud', (t) => {
  const { home } = tempHome(t);
  assert.deepEqual(readCloud(join(home, 'nothing-here')), { namespaces: {}, containers: {}, crons: {}, faultHits: {} });
});

test('updates are saved, return the callback value, and a throwing callback changes nothing', async (t) => {
  const { home } = tempHome(t);
  const value = await updateCloud(home, (cloud) => {
    cloud.crons = { 'fr-par/a': cron('a') };
    return 'done';
  });
  assert.equal(value, 'done');
  assert.deepEqual(Object.keys(readCloud(home).crons), ['fr-par/a']);
  await assert.rejects(
    updateCloud(home, (cloud) => {
      cloud.crons = {};
      throw new Error('api said no');
    }),
    /api said no/,
  );
  assert.deepEqual(Object.keys(readCloud(home).crons), ['fr-par/a']);
  assert.ok(!existsSync(join(home, 'cloud.lock')), 'the lock is released after a failure');
});

test('two processes writing at once lose no update', async (t) => {
  const home = join(tempHome(t).home, 'cloud');
  const codes = await Promise.all([writer(home, 'p1-', 40), writer(home, 'p2-', 40)]);
  assert.deepEqual(codes, [0, 0]);
  assert.equal(Object.keys(readCloud(home).crons).length, 80);
  assert.deepEqual(readdirSync(home).sort(), ['cloud.json'], 'no lock or temp file left behind');
});

test('a lock left by a dead process is taken over', async (t) => {
  const { home } = tempHome(t);
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'cloud.lock'), '999999999\n');
  const started = Date.now();
  await updateCloud(home, (cloud) => {
    cloud.crons = { 'fr-par/b': cron('b') };
  });
  assert.ok(Date.now() - started < 5000);
  assert.deepEqual(Object.keys(readCloud(home).crons), ['fr-par/b']);
});
