import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSources } from '../../src/manifest/read-sources.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'openmcf-read-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('a directory yields its *.yaml and *.yml files sorted by name, not other files, not subfolders', async () => {
  const dir = folder({ 'b.yml': 'b', 'a.yaml': 'a', 'C.YAML': 'c', 'notes.txt': 'x', 'sub/d.yaml': 'd' });
  const { files, diagnostics } = await readSources([dir]);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    files.map((f) => [f.file.slice(dir.length + 1), f.text]),
    [
      ['C.YAML', 'c'],
      ['a.yaml', 'a'],
      ['b.yml', 'b'],
    ],
  );
});

test('files keep the order they were given in, and a file is read whatever its extension', async () => {
  const dir = folder({ 'z.yaml': 'z', 'manifest.txt': 'm' });
  const { files } = await readSources([join(dir, 'z.yaml'), join(dir, 'manifest.txt')]);
  assert.deepEqual(
    files.map((f) => f.text),
    ['z', 'm'],
  );
});

test('- reads standard input once, named <stdin>', async () => {
  let reads = 0;
  const readStdin = async () => {
    reads++;
    return 'from: stdin\n';
  };
  const { files, diagnostics } = await readSources(['-', '-'], readStdin);
  assert.deepEqual(diagnostics, []);
  assert.equal(reads, 1);
  assert.deepEqual(files, [{ file: '<stdin>', text: 'from: stdin\n' }]);
});

test('a missing path and an empty folder are errors with no position, and do not stop the others', async () => {
  const dir = folder({ 'ok.yaml': 'ok', 'empty/readme.md': '' });
  const { files, diagnostics } = await readSources([join(dir, 'nope.yaml'), join(dir, 'empty'), join(dir, 'ok.yaml')]);
  assert.deepEqual(
    files.map((f) => f.text),
    ['ok'],
  );
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.file.slice(dir.length + 1), d.line, d.column, d.severity]),
    [
      ['input.not-found', 'nope.yaml', 0, 0, 'error'],
      ['input.empty-directory', 'empty', 0, 0, 'error'],
    ],
  );
});

test('many files are all read, in order', async () => {
  const names: Record<string, string> = {};
  for (let i = 0; i < 300; i++) names[`m${String(i).padStart(3, '0')}.yaml`] = String(i);
  const { files } = await readSources([folder(names)]);
  assert.deepEqual(
    files.map((f) => f.text),
    Object.keys(names).map((_, i) => String(i)),
  );
});

test('a file that cannot be read is an error saying why', async () => {
  const dir = folder({ 'sub/x.yaml': 'x' });
  const { files, diagnostics } = await readSources([join(dir, 'sub', 'x.yaml', 'deeper.yaml')]);
  assert.deepEqual(files, []);
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0]!.message, /a part of the path is not a directory|no such file/);
});
