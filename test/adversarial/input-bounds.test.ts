// Finding 3 of issue 17: `--env-file /dev/zero` grew without bound, and `-f`/`--env-file` on a FIFO
// hung forever. Both flags read only regular files of at most 4 MiB: anything else is invalid
// input (exit 3) naming the file, at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/run-openmcf.js';
import { printed, run } from './adversarial.js';

const VALID = join('..', '..', 'fixtures', 'valid', 'minimal-fqdn.yaml');

function fifo(): string {
  const path = join(tempDir('openmcf-adv-fifo-'), 'pipe');
  execFileSync('mkfifo', [path]);
  return path;
}

test('--env-file /dev/zero is refused at once, naming the file', () => {
  const result = run(['validate', '-f', VALID, '--env-file', '/dev/zero']);
  assert.equal(result.code, 3, printed(result));
  assert.match(result.stderr, /cannot read --env-file \/dev\/zero: it is a character device, not a regular file/);
});

test('--env-file and -f on a FIFO with no writer are refused instead of hanging', () => {
  const pipe = fifo();
  const envFile = run(['validate', '-f', VALID, '--env-file', pipe]);
  assert.equal(envFile.code, 3, printed(envFile));
  assert.ok(envFile.stderr.includes(`cannot read --env-file ${pipe}: it is a FIFO (named pipe), not a regular file`), envFile.stderr);
  const manifest = run(['validate', '-f', pipe]);
  assert.equal(manifest.code, 3, printed(manifest));
  assert.ok(manifest.stderr.includes(`${pipe}: error: is a FIFO (named pipe), not a regular file`), manifest.stderr);
  assert.match(manifest.stderr, /use -f - and pipe it/);
  const cloud = run(['preview', '--sandbox', '-f', VALID, '--env-file', pipe]);
  assert.equal(cloud.code, 3, printed(cloud));
});

test('an --env-file over 4 MiB is refused like a manifest over 4 MiB', () => {
  const file = join(tempDir('openmcf-adv-envsize-'), 'huge.env');
  writeFileSync(file, `A=${'x'.repeat(4 * 1024 * 1024)}\n`);
  const result = run(['validate', '-f', VALID, '--env-file', file]);
  assert.equal(result.code, 3, printed(result));
  assert.ok(result.stderr.includes(`cannot read --env-file ${file}: it holds more than 4 MiB`), result.stderr);
});

test('-p on a FIFO is refused too, naming it', () => {
  const pipe = fifo();
  const result = run(['preview', '-f', 'secrets.yaml', '-p', pipe]);
  assert.equal(result.code, 3, printed(result));
  assert.ok(result.stderr.includes(`cannot read the provider config ${pipe}: it is a FIFO (named pipe), not a regular file`), result.stderr);
});
