import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayHoldSecretValue, mayMeanSecretValue } from '../../src/manifest/secret-paths.js';

test('the paths to a secret value, the value and what lies below it may hold a secret', () => {
  for (const path of [
    ['spec'],
    ['spec', 'env'],
    ['spec', 'env', 'secrets'],
    ['spec', 'env', 'secrets', 0],
    ['spec', 'env', 'secrets', 3, 'value'],
    ['spec', 'env', 'secrets', 0, 'value', 'x'],
  ]) {
    assert.equal(mayHoldSecretValue(path), true, path.join('.'));
  }
  for (const path of [['metadata'], ['spec', 'image'], ['spec', 'env', 'variables'], ['spec', 'env', 'secrets', 0, 'name'], ['spec', 'env', 'secrets', 'value']]) {
    assert.equal(mayHoldSecretValue(path), false, path.join('.'));
  }
});

test('an unknown field is taken for a way to a secret when it looks like the next step or like nothing known', () => {
  assert.equal(mayMeanSecretValue(['spec', 'env'], 'secerts', ['variables', 'secrets']), true);
  assert.equal(mayMeanSecretValue([], 'sepc', ['apiVersion', 'kind', 'metadata', 'spec']), true);
  assert.equal(mayMeanSecretValue(['spec'], 'zzz', ['env', 'port']), true);
  assert.equal(mayMeanSecretValue(['spec', 'env', 'secrets', 0], 'nmae', ['name', 'value']), true);
  assert.equal(mayMeanSecretValue(['spec'], 'minScal', ['env', 'minScale']), false);
  assert.equal(mayMeanSecretValue(['spec', 'env'], 'varaibles', ['variables', 'secrets']), false);
  assert.equal(mayMeanSecretValue(['spec', 'image'], 'tagg', ['name', 'tag']), false);
});
