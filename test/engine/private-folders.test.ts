// Finding 2 of issue 17, the modes and the leftovers: folders openmcf makes for itself are 0700
// (one an earlier version made 0755 is tightened), and the engine workspace folders a hard-killed
// run left in the temporary folder are removed by the next run, never those of a live process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFolder } from '../../src/core/folders.js';
import { makeWorkspaceFolder } from '../../src/engine/private-temp.js';

const mode = (path: string): number => statSync(path).mode & 0o777;

test('ensureFolder makes folders and their missing parents 0700, and tightens an existing 0755 one', () => {
  const root = mkdtempSync(join(tmpdir(), 'openmcf-folders-'));
  const nested = join(root, 'home', 'sandbox', 'state');
  ensureFolder(nested, 'the sandbox folder');
  assert.deepEqual([mode(join(root, 'home')), mode(join(root, 'home', 'sandbox')), mode(nested)], [0o700, 0o700, 0o700]);
  const old = join(root, 'old-home');
  mkdirSync(old);
  chmodSync(old, 0o755);
  ensureFolder(old, 'OPENMCF_HOME');
  assert.equal(mode(old), 0o700);
});

test("a workspace folder is private and named after its process; a dead process's folder is swept", async () => {
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'openmcf-sweep-'));
  try {
    // A pid that existed and has ended: a short-lived child's.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const leftover = join(process.env.TMPDIR, `openmcf-ws-${dead}-abc123`);
    mkdirSync(leftover);
    writeFileSync(join(leftover, 'Pulumi.yaml'), 'name: p\n');
    const live = join(process.env.TMPDIR, `openmcf-ws-${process.ppid}-def456`);
    mkdirSync(live);
    const made = await makeWorkspaceFolder();
    assert.match(made, new RegExp(`/openmcf-ws-${process.pid}-[^/]+$`));
    assert.equal(mode(made), 0o700);
    assert.equal(existsSync(leftover), false, 'the folder of a process that has ended is removed');
    assert.equal(existsSync(live), true, 'the folder of a running process is left alone');
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
});
