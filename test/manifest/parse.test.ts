import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocuments } from '../../src/manifest/parse.js';

const parse = (text: string) => parseDocuments({ file: 'm.yaml', text });

test('a file with several documents yields each mapping with its index; empty documents are skipped', () => {
  const { documents, diagnostics } = parse('a: 1\n---\n# only a comment\n---\nb: 2\n---\n');
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    documents.map((d) => [d.index, d.document.toJS()]),
    [
      [0, { a: 1 }],
      [2, { b: 2 }],
    ],
  );
  assert.ok(documents.every((d) => d.file === 'm.yaml'));
});

test('positions are kept: the line counter maps offsets of later documents to their lines', () => {
  const { documents } = parse('a: 1\n---\nb:\n  c: 3\n');
  const second = documents[1]!;
  const node = second.document.getIn(['b', 'c'], true) as { range: [number, number, number] };
  assert.deepEqual(second.lineCounter.linePos(node.range[0]), { line: 4, col: 6 });
});

test('a syntax error is a diagnostic at its line and column, and the document goes no further', () => {
  const { documents, diagnostics } = parse('ok: 1\nlist: [a, b\nnext: 2\n');
  assert.equal(documents.length, 0);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.code, 'yaml.syntax');
  assert.equal(diagnostics[0]!.severity, 'error');
  assert.deepEqual([diagnostics[0]!.line, diagnostics[0]!.column], [3, 1]);
  assert.match(diagnostics[0]!.message, /^invalid YAML: /);
});

test('a duplicate key names the key and points at its second occurrence', () => {
  const { documents, diagnostics } = parse('spec:\n  port: 1\n  "port": 2\n');
  assert.equal(documents.length, 0);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.line, d.column, d.message]),
    [['yaml.duplicate-key', 3, 3, 'duplicate key `"port"`: a key may appear only once in a mapping']],
  );
});

test('an alias bomb is refused with the position of its first alias, without expanding it', () => {
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
    const previous = String.fromCharCode('a'.charCodeAt(0) + i);
    levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
  }
  const started = Date.now();
  const { documents, diagnostics } = parse(`${levels.join('\n')}\n`);
  assert.ok(Date.now() - started < 2000, 'must not expand 10^7 nodes');
  assert.equal(documents.length, 0);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.line, d.column]),
    [['yaml.alias-limit', 2, 8]],
  );
});

test('a few aliases are fine', () => {
  const { documents, diagnostics } = parse('a: &x {p: 1}\nb: *x\nc: *x\n');
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(documents[0]!.document.toJS(), { a: { p: 1 }, b: { p: 1 }, c: { p: 1 } });
});

test('an alias to no anchor is an error at the alias', () => {
  const { diagnostics } = parse('a: 1\nb: *nowhere\n');
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.line, d.column, d.message]),
    [['yaml.unresolved-alias', 2, 4, 'alias `*nowhere` refers to no anchor']],
  );
});

test('documents that are lists or scalars are errors naming what they are', () => {
  const { documents, diagnostics } = parse('- a\n---\njust text\n---\nok: 1\n');
  assert.equal(documents.length, 1);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.line, d.message.replace(/.*this document is /, '')]),
    [
      ['yaml.not-a-mapping', 1, 'a list'],
      ['yaml.not-a-mapping', 3, 'a single value'],
    ],
  );
});

test('a file without any document is an error', () => {
  for (const text of ['', '# nothing\n', '---\n']) {
    const { documents, diagnostics } = parse(text);
    assert.equal(documents.length, 0);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.line, d.column]),
      [['yaml.empty', 1, 1]],
      JSON.stringify(text),
    );
  }
});
