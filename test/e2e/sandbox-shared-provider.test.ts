// A run starts one provider (the real `scaleway` plugin) that all its engines attach to, instead
// of one plugin per engine, and stops it when the run ends; without a plugin a run says how to
// get one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CloudHome, waitUntil } from './cloud-run.js';
import { REPO_ROOT } from '../helpers/run-openmcf.js';
import { processAlive } from '../../src/core/process-alive.js';

const home = new CloudHome('openmcf-shared-provider-');
const FIXTURE = join(REPO_ROOT, 'bench', 'fixtures', 'bench-api.yaml');

/** Processes running the scaleway plugin below `root`, as pid -> the pid of its watchdog's parent. */
function providersBelow(root: number): Map<number, number> {
  const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const rows = table
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }));
  const below = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows) {
      if (below.has(row.ppid) && !below.has(row.pid)) {
        below.add(row.pid);
        grew = true;
      }
    }
  }
  const parents = new Map(rows.map((row) => [row.pid, row.ppid]));
  const found = new Map<number, number>();
  for (const row of rows) {
    const program = row.args.split(' ')[0] ?? '';
    if (below.has(row.pid) && row.pid !== root && program.endsWith('pulumi-resource-scaleway')) found.set(row.pid, parents.get(row.ppid) ?? -1);
  }
  return found;
}

test('the engines of a sandbox run share one provider, which is gone when the run ends', async () => {
  const dir = join(home.dir, 'two');
  mkdirSync(dir);
  const template = readFileSync(FIXTURE, 'utf8');
  for (const name of ['shared-a', 'shared-b']) home.file(join('two', `${name}.yaml`), template.replaceAll('bench-api', name));

  // Each container deploy takes 2 s, so both engines are busy at the same time.
  const run = home.start(['apply', '--sandbox', '--yes', '-f', dir], { env: { OPENMCF_SANDBOX_FAULTS: 'delay:Container=2000' } });
  const openmcf = run.child.pid!;
  const seen = new Map<number, number>();
  let finished = false;
  void run.done.then(() => (finished = true));
  while (!finished) {
    for (const [pid, ppid] of providersBelow(openmcf)) seen.set(pid, ppid);
    await new Promise((r) => setTimeout(r, 100));
  }

  assert.equal(await run.done, 0, run.stderr);
  assert.equal(Object.keys(home.cloud().containers).length, 2, 'both stacks were deployed');
  assert.equal(seen.size, 1, `one provider for the whole run, found: ${JSON.stringify([...seen])}`);
  const [pid, ppid] = [...seen][0]!;
  assert.equal(ppid, openmcf, 'started by openmcf (under its watchdog), not by an engine');
  await waitUntil(
    () => !processAlive(pid),
    5_000,
    () => `the provider ${pid} outlived the run`,
  );
});

test('a real run whose plugin setting points nowhere is invalid input, before any engine starts', () => {
  const state = join(home.dir, 'real-state');
  mkdirSync(state);
  const result = home.run(['preview', '-f', FIXTURE, '--backend', `file://${state}`], {
    env: {
      SCW_ACCESS_KEY: 'SCWXXXXXXXXXXXXXXXXX',
      SCW_SECRET_KEY: '11111111-1111-4111-8111-111111111111',
      SCW_DEFAULT_PROJECT_ID: '11111111-1111-4111-8111-111111111112',
      OPENMCF_SCALEWAY_PLUGIN: join(home.dir, 'no-such-plugin'),
    },
  });
  assert.equal(result.code, 3, result.stderr);
  assert.match(result.stderr, /the scaleway plugin set by OPENMCF_SCALEWAY_PLUGIN is not an executable file: .*no-such-plugin/);
  assert.ok(!result.stderr.includes('11111111-1111-4111-8111-111111111111'), 'the secret key is not echoed');
});

test('without a plugin and without Go to build one, a run says how to install it', () => {
  const result = home.run(['preview', '-f', FIXTURE, '--sandbox'], {
    env: { OPENMCF_SCALEWAY_PLUGIN: '', PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: home.dir },
  });
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /the scaleway plugin v1\.54\.0 is not installed and Go is not there to build it/);
  assert.match(result.stderr, /pulumi plugin install resource scaleway 1\.54\.0/);
});
