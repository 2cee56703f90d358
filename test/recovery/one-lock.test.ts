// Issue 16.6: what `apply --yes` prints is what it applies. The plan and the update run in one
// engine run under one hold of the stack's lock, so a run that waited for the lock (--lock-wait)
// plans only once it holds it, and two runs applying at once never fail because the state moved
// between a preview and an update: each exits 0, or 4 (locked) without --lock-wait, never 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome, manifest, parseJson, waitUntil, type CloudRun } from '../e2e/cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';
import { Hold } from '../helpers/hold.js';

const home = new CloudHome('openmcf-one-lock-');
const myApi = manifest('my-api');
const apply = (...extra: string[]) => ['apply', '-f', myApi, '--sandbox', '--yes', ...extra];

/** The manifest changes a run printed in its plan, `path: old -> new`, in order. */
function printedChanges(stderr: string): string[] {
  // `      ~ spec.image.tag: "latest" -> "v2"  (image)`: the provider's argument in brackets left out.
  return [...stderr.matchAll(/^ {6}~ (spec\.\S+): (.+?) -> (.+?)(?: {2}\(\S+\))?$/gm)].map(([, path, old, now]) => `${path}: ${old} -> ${now}`);
}

/** The same, from the result document: what the run applied. */
function appliedChanges(stdout: string): string[] {
  const [stack] = parseJson<ResultDocument>(stdout).results;
  return (stack?.resources ?? []).flatMap((r) => r.manifestChanges.map((c) => `${c.path}: ${JSON.stringify(c.old)} -> ${JSON.stringify(c.new)}`)).sort();
}

test('set-up: my-api is deployed', () => {
  const result = home.run(apply());
  assert.equal(result.code, 0, result.stderr);
});

test("a run waiting with --lock-wait plans once it holds the lock: it prints the revert of the other run's minScale it then applies", async () => {
  // The first run stops in its update, holding the lock, until the second is seen waiting for it.
  const hold = new Hold(home.storeDir, 'one-lock-first', 'Container', 'update');
  const first = home.start(apply('--set', 'spec.minScale=3'), { env: hold.env });
  await hold.waitHeld(120_000, () => first.stderr);
  await waitUntil(
    () => home.lockFiles().length > 0,
    60_000,
    () => `no lock appeared:\n${first.stderr}`,
  );
  const second = home.start(apply('--json', '--set', 'spec.image.tag=v2', '--lock-wait', '2m'));
  try {
    await second.waitFor(/waiting for the lock held by/, 120_000);
  } finally {
    hold.release();
  }
  const [a, b] = await Promise.all([first.done, second.done]);
  assert.equal(a, 0, first.stderr);
  assert.equal(b, 0, second.stderr);
  assert.match(second.stderr, /waiting for the lock held by/);
  assert.ok(second.stderr.indexOf('waiting for the lock') < second.stderr.indexOf('Preview of'), `the plan came after the wait:\n${second.stderr}`);
  const printed = printedChanges(second.stderr);
  assert.deepEqual(printed.sort(), ['spec.image.tag: "latest" -> "v2"', 'spec.minScale: 3 -> 0'], second.stderr);
  assert.deepEqual(appliedChanges(second.stdout), printed.sort(), 'what was printed is what was applied');
  assert.equal(Object.values(home.cloud().containers)[0]!.min_scale, 0);
});

test('two runners applying the same change at once: with --lock-wait both exit 0 (one applies it, the other finds nothing to do)', async () => {
  const runs = [0, 1].map(() => home.start(apply('--set', 'spec.port=9001', '--lock-wait', '2m')));
  const codes = await Promise.all(runs.map((r) => r.done));
  assert.deepEqual(codes, [0, 0], runs.map((r) => r.stderr).join('\n----\n'));
  const changed = runs.filter((r) => /my-api: 1 updated/.test(r.stdout)).length;
  const unchanged = runs.filter((r) => /my-api: no changes/.test(r.stdout)).length;
  assert.deepEqual([changed, unchanged], [1, 1], runs.map((r) => r.stdout + r.stderr).join('\n----\n'));
});

test('without --lock-wait, runners applying at once exit 0 or 4 (locked), never 1', async () => {
  const runs = [0, 1, 2].map(() => home.start(apply('--set', 'spec.port=9002')));
  const codes = await Promise.all(runs.map((r) => r.done));
  const outputs = runs.map((r): CloudRun => ({ code: r.child.exitCode, stdout: r.stdout, stderr: r.stderr }));
  for (const [index, code] of codes.entries()) assert.ok(code === 0 || code === 4, `run ${index} exited ${code}:\n${outputs[index]!.stderr}`);
  assert.ok(codes.includes(0), 'one of them applied');
  assert.equal(Object.values(home.cloud().containers)[0]!.port, 9002);
});
