// `openmcf --help` ends with examples and the environment variables the CLI reads; typos get a
// "did you mean", for commands and for flags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runOpenmcf } from '../helpers/run-openmcf.js';

const help = runOpenmcf(['--help']);

function sourceText(dir: string): string {
  return readdirSync(dir)
    .map((entry) => join(dir, entry))
    .map((path) => (statSync(path).isDirectory() ? sourceText(path) : path.endsWith('.ts') ? readFileSync(path, 'utf8') : ''))
    .join('\n');
}

test('--help lists examples and the environment variables', () => {
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Examples:\n {2}\$ openmcf init /m);
  assert.match(help.stdout, /^Environment variables:$/m);
  for (const name of ['OPENMCF_HOME', 'NO_COLOR', 'FORCE_COLOR', 'PULUMI_BACKEND_URL', 'PULUMI_CONFIG_PASSPHRASE', 'SCW_ACCESS_KEY', 'OPENMCF_PROGRESS_INTERVAL']) {
    assert.match(help.stdout, new RegExp(`\\b${name}\\b`), name);
  }
});

test('every environment variable --help names is one the code reads', () => {
  const section = help.stdout.slice(help.stdout.indexOf('Environment variables:'), help.stdout.indexOf('Exit codes:'));
  const names = [...new Set([...section.matchAll(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\bNO_COLOR\b/g)].map((m) => m[0]))];
  assert.ok(names.length >= 15, names.join(' '));
  const source = sourceText(join(REPO_ROOT, 'src'));
  for (const name of names) assert.ok(new RegExp(`\\b${name}\\b`).test(source.replace(/^export const TOP_LEVEL_HELP[\s\S]*?`;$/m, '')), `${name} is not read anywhere in src/`);
});

test('a mistyped command gets a suggestion and exit 3', () => {
  const result = runOpenmcf(['aply', '-f', 'x.yaml']);
  assert.equal(result.code, 3);
  assert.match(result.stderr, /unknown command 'aply'\n\(Did you mean apply\?\)/);
});

test('a mistyped flag gets a suggestion, before any complaint about a missing -f', () => {
  const missingFile = runOpenmcf(['validate', '--fil', 'manifests/my-api.yaml']);
  assert.equal(missingFile.code, 3);
  assert.match(missingFile.stderr, /unknown option '--fil'\n\(Did you mean --file\?\)/);
  assert.doesNotMatch(missingFile.stderr, /no manifest given/);
  const typo = runOpenmcf(['preview', '-f', 'manifests/my-api.yaml', '--sandbx']);
  assert.equal(typo.code, 3);
  assert.match(typo.stderr, /\(Did you mean --sandbox\?\)/);
  // Without a typo, the missing manifest is still reported.
  const none = runOpenmcf(['validate']);
  assert.equal(none.code, 3);
  assert.match(none.stderr, /no manifest given\n {2}pass -f\/--file <path>/);
});
