import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnvFile, readEnvFile, substitutionVariables } from '../../src/manifest/env-file.js';
import { OpenmcfError } from '../../src/core/errors.js';

test('parses the dotenv forms: comments, export, quotes, escapes, inline comments', () => {
  const text = [
    '# comment',
    '',
    'PLAIN=value with spaces   ',
    'export EXPORTED=yes',
    "SINGLE='literal $HOME \\n'",
    'DOUBLE="a\\nb \\"q\\" # not a comment"',
    'INLINE=abc # a comment',
    'HASH=abc#def',
    'EMPTY=',
    'EQUALS=a=b',
  ].join('\n');
  const { variables, diagnostics } = parseEnvFile('.env', text);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(variables, {
    PLAIN: 'value with spaces',
    EXPORTED: 'yes',
    SINGLE: 'literal $HOME \\n',
    DOUBLE: 'a\nb "q" # not a comment',
    INLINE: 'abc',
    HASH: 'abc#def',
    EMPTY: '',
    EQUALS: 'a=b',
  });
});

test('syntax problems point at the line and column', () => {
  const { diagnostics } = parseEnvFile('.env', 'OK=1\nnot a line\nQ="open\nR="x" trailing\n1X=2');
  assert.deepEqual(
    diagnostics.map((d) => [d.file, d.line, d.column, d.code, d.message]),
    [
      ['.env', 2, 1, 'env-file.syntax', 'expected NAME=value'],
      ['.env', 3, 3, 'env-file.syntax', 'missing closing "'],
      ['.env', 4, 6, 'env-file.syntax', 'unexpected text after the closing quote'],
      ['.env', 5, 1, 'env-file.syntax', 'expected NAME=value'],
    ],
  );
});

test('the environment wins over the env file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'openmcf-env-'));
  const file = join(dir, '.env');
  writeFileSync(file, 'A=from-file\nB=from-file\n');
  const { variables } = substitutionVariables(file, { B: 'from-env', C: 'env-only', D: undefined });
  assert.deepEqual(variables, { A: 'from-file', B: 'from-env', C: 'env-only' });
});

test('a missing env file is invalid input (exit 3) naming the flag', () => {
  assert.throws(
    () => readEnvFile('/nonexistent/.env'),
    (error: unknown) => error instanceof OpenmcfError && error.exitCode === 3 && /--env-file \/nonexistent\/\.env: not found/.test(error.message),
  );
});
