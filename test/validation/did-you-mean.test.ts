import { test } from 'node:test';
import assert from 'node:assert/strict';
import { didYouMean, editDistance } from '../../src/core/did-you-mean.js';

const SPEC_FIELDS = [
  'region',
  'image',
  'privacy',
  'port',
  'description',
  'memoryLimitMb',
  'cpuLimit',
  'minScale',
  'maxScale',
  'timeoutSeconds',
  'httpOption',
  'protocol',
  'commands',
  'args',
  'env',
  'cronTriggers',
];

test('case, snake_case and kebab-case variants find the field', () => {
  assert.equal(didYouMean('memoryLimitMB', SPEC_FIELDS), 'memoryLimitMb');
  assert.equal(didYouMean('memory_limit_mb', SPEC_FIELDS), 'memoryLimitMb');
  assert.equal(didYouMean('cron-triggers', SPEC_FIELDS), 'cronTriggers');
});

test('typos within a few edits find the field', () => {
  assert.equal(didYouMean('prot', SPEC_FIELDS), 'port');
  assert.equal(didYouMean('regoin', SPEC_FIELDS), 'region');
  assert.equal(didYouMean('protocl', SPEC_FIELDS), 'protocol');
  assert.equal(didYouMean('maxScaling', SPEC_FIELDS), 'maxScale');
});

test('a word cut short finds the one field it starts', () => {
  assert.equal(didYouMean('timeout', SPEC_FIELDS), 'timeoutSeconds');
  assert.equal(didYouMean('memory', SPEC_FIELDS), 'memoryLimitMb');
});

test('unrelated words get no suggestion', () => {
  assert.equal(didYouMean('flavour', SPEC_FIELDS), undefined);
  assert.equal(didYouMean('x', SPEC_FIELDS), undefined);
  assert.equal(didYouMean('', SPEC_FIELDS), undefined);
  assert.equal(didYouMean('anything', []), undefined);
});

test('edit distance counts an adjacent swap as one edit', () => {
  assert.equal(editDistance('port', 'prot'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('', 'abc'), 3);
});
