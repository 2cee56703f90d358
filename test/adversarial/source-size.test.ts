// Finding 15 of issue 9: `-f /dev/zero` read until memory ran out. A manifest source (file, device,
// pipe, standard input) is capped at 4 MiB: beyond that it is invalid input, quickly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENMCF_BIN, openmcfEnv, tempDir } from '../helpers/run-openmcf.js';
import { printed, run } from './adversarial.js';

const LIMIT = /: error: holds more than 4 MiB; a manifest source may not be larger$/m;

test('-f /dev/zero is refused without reading it (a device, not a regular file: issue 17)', () => {
  const result = run(['validate', '-f', '/dev/zero']);
  assert.equal(result.code, 3, printed(result));
  assert.match(result.stderr, /^\/dev\/zero: error: is a character device, not a regular file; only regular files are read$/m);
});

test('a regular file over the bound is refused; the cloud commands say the same', () => {
  const file = join(tempDir('openmcf-adv-size-'), 'huge.yaml');
  writeFileSync(file, `# ${'x'.repeat(4 * 1024 * 1024)}\n`);
  for (const args of [['validate'], ['preview', '--sandbox']]) {
    const result = run([...args, '-f', file]);
    assert.equal(result.code, 3, printed(result));
    assert.match(result.stderr, LIMIT);
  }
});

test('standard input is capped too, even when it never ends', () => {
  // Node's own stdin from /dev/zero: endless; the run must stop by itself.
  // Through sh for the redirect; `exec` so that the timeout reaches the CLI itself.
  const endless = spawnSync('sh', ['-c', `exec "${process.execPath}" "${OPENMCF_BIN}" validate -f - < /dev/zero`], { env: openmcfEnv(), encoding: 'utf8', timeout: 30_000 });
  assert.equal(endless.status, 3, endless.stderr);
  assert.match(endless.stderr, new RegExp(`^<stdin>${LIMIT.source}`, 'm'));
  const piped = run(['validate', '-f', '-'], { input: `# ${'y'.repeat(5 * 1024 * 1024)}\n` });
  assert.equal(piped.code, 3);
  assert.match(piped.stderr, new RegExp(`^<stdin>${LIMIT.source}`, 'm'));
});
