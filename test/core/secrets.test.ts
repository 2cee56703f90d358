import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { invalidInput } from '../../src/core/errors.js';
import { maskError, SecretValues } from '../../src/core/secrets.js';
import { Redactor } from '../../src/core/redactor.js';

test('a secret is masked wherever it appears, as [secret]', () => {
  const secrets = SecretValues.of('hunter2-pw');
  assert.equal(secrets.mask('a hunter2-pw b hunter2-pw'), 'a [secret] b [secret]');
  assert.equal(secrets.mask('nothing here'), 'nothing here');
});

test('values shorter than four characters and undefined ones are not secrets worth masking', () => {
  const secrets = SecretValues.of('abc', undefined, '', 'abcd');
  assert.equal(secrets.size, 1);
  assert.equal(secrets.mask('abc on abcd'), 'abc on [secret]');
});

test('the longest secret is masked first, so one containing another is masked whole', () => {
  const secrets = SecretValues.of('pass', 'postgres://u:pass@db');
  assert.equal(secrets.mask('url postgres://u:pass@db'), 'url [secret]');
  assert.equal(SecretValues.of('postgres://u:pass@db').with('pass').mask('url postgres://u:pass@db'), 'url [secret]');
});

test('a set never changes: with and merge return a new one', () => {
  const first = SecretValues.of('first-secret');
  const more = first.with('second-secret');
  assert.equal(first.size, 1);
  assert.equal(first.mask('second-secret'), 'second-secret');
  assert.equal(more.mask('first-secret second-secret'), '[secret] [secret]');
  const merged = first.merge(SecretValues.of('third-secret'));
  assert.equal(merged.size, 2);
  assert.equal(first.size, 1);
  assert.equal(first.with('first-secret'), first, 'nothing new: the same set');
  assert.ok(merged.has('third-secret') && !first.has('third-secret'));
});

test('a set printed as JSON or inspected shows no value', () => {
  const holder = { backend: 'file:///x', secrets: SecretValues.of('json-leak-canary') };
  assert.ok(!JSON.stringify(holder).includes('json-leak-canary'), JSON.stringify(holder));
  assert.ok(!inspect(holder, { depth: 5, showHidden: true }).includes('json-leak-canary'), inspect(holder));
});

test('maskError masks the message, the hint and the stack of an error passing through', () => {
  const error = invalidInput('cannot parse line "token: err0r-s3cret"', 'x', 'remove err0r-s3cret from the file');
  const same = maskError(error, SecretValues.of('err0r-s3cret'));
  assert.equal(same, error);
  assert.equal(error.message, 'cannot parse line "token: [secret]"');
  assert.equal(error.hint, 'remove [secret] from the file');
  assert.ok(!(error.stack ?? '').includes('err0r-s3cret'));
  const plain = maskError(new Error('plain err0r-s3cret'), SecretValues.of('err0r-s3cret'));
  assert.equal(plain.message, 'plain [secret]');
  assert.equal(maskError('not an error', SecretValues.of('not an error')), 'not an error');
});

test('a redactor masks with every set added to it so far', () => {
  const redactor = new Redactor();
  assert.equal(redactor.mask('early-s3cret'), 'early-s3cret');
  redactor.add(SecretValues.of('early-s3cret'));
  redactor.add(SecretValues.of('later-s3cret'));
  assert.equal(redactor.mask('early-s3cret later-s3cret'), '[secret] [secret]');
  assert.equal(redactor.known.size, 2);
});

test('two redactors in one process share nothing', () => {
  const first = new Redactor();
  const second = new Redactor();
  first.add(SecretValues.of('only-the-first'));
  assert.equal(first.mask('only-the-first'), '[secret]');
  assert.equal(second.mask('only-the-first'), 'only-the-first');
});
