import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { escapeData, escapeProperty, formatGithubAnnotations } from '../../src/render/github-annotations.js';

const error: Diagnostic = {
  file: 'manifests/app.yaml',
  line: 12,
  column: 3,
  severity: 'error',
  code: 'schema.type',
  path: 'spec.port',
  message: 'must be an integer',
  hint: 'e.g. 8080',
};

test('nothing outside GitHub Actions', () => {
  assert.equal(formatGithubAnnotations([error], {}), '');
  assert.equal(formatGithubAnnotations([error], { GITHUB_ACTIONS: 'false' }), '');
});

test('errors and warnings become workflow commands with file, line and column', () => {
  const out = formatGithubAnnotations([error, { ...error, severity: 'warning', line: 3, column: 1, hint: undefined }], { GITHUB_ACTIONS: 'true' });
  assert.equal(
    out,
    '::error file=manifests/app.yaml,line=12,col=3,title=openmcf schema.type::spec.port: must be an integer%0Ae.g. 8080\n' +
      '::warning file=manifests/app.yaml,line=3,col=1,title=openmcf schema.type::spec.port: must be an integer\n',
  );
});

test('escaping follows GitHub rules for data and properties', () => {
  assert.equal(escapeData('100%\r\nnext: a,b'), '100%25%0D%0Anext: a,b');
  assert.equal(escapeProperty('C:\\a,b%'), 'C%3A\\a%2Cb%25');
});

test('absolute paths inside the workspace become repository paths', () => {
  const out = formatGithubAnnotations([{ ...error, file: '/home/runner/work/repo/manifests/app.yaml' }], {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: '/home/runner/work/repo',
  });
  assert.match(out, /^::error file=manifests\/app.yaml,line=12,/);
});

test('a problem with a --set flag has no file position; the message names the flag', () => {
  const out = formatGithubAnnotations([{ ...error, file: '--set spec.port=x', line: 0, column: 0, hint: undefined }], { GITHUB_ACTIONS: 'true' });
  assert.equal(out, '::error title=openmcf schema.type::--set spec.port=x: spec.port: must be an integer\n');
});
