import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsRetry, registrySha256For } from '../../src/program/redeploy.js';

test('a container in error gets a retry suffix on registrySha256, counted up on each retry', () => {
  assert.equal(registrySha256For('', { status: 'error' }), '#retry-1');
  assert.equal(registrySha256For('', { status: 'error', registrySha256: '#retry-1' }), '#retry-2');
  assert.equal(registrySha256For('abc', { status: 'error', registrySha256: 'abc' }), 'abc#retry-1');
  assert.equal(registrySha256For('abc', { status: 'error', registrySha256: 'abc#retry-4' }), 'abc#retry-5');
});

test('once deployed, the suffix is kept (nothing to change) while the manifest value is unchanged', () => {
  assert.equal(registrySha256For('', { status: 'ready', registrySha256: '#retry-1' }), '#retry-1');
  assert.equal(registrySha256For('abc', { status: 'ready', registrySha256: 'abc#retry-2' }), 'abc#retry-2');
  assert.equal(registrySha256For('', { status: 'ready' }), '');
  assert.equal(registrySha256For('abc', undefined), 'abc');
});

test('a new manifest value replaces the suffix: the change itself redeploys', () => {
  assert.equal(registrySha256For('def', { status: 'ready', registrySha256: 'abc#retry-2' }), 'def');
  assert.equal(registrySha256For('def', { status: 'error', registrySha256: 'abc' }), 'def');
  assert.equal(registrySha256For('', { status: 'error', registrySha256: 'abc' }), '');
});

test('only the error status calls for a retry', () => {
  assert.equal(needsRetry({ status: 'error' }), true);
  for (const status of ['ready', 'pending', 'creating', undefined]) assert.equal(needsRetry(status === undefined ? {} : { status }), false);
  assert.equal(needsRetry(undefined), false);
});

test('--redeploy appends #redeploy-N to a deployed container, counting on from any earlier suffix', () => {
  assert.equal(registrySha256For('', { status: 'ready' }, true), '#redeploy-1');
  assert.equal(registrySha256For('abc', { status: 'ready', registrySha256: 'abc' }, true), 'abc#redeploy-1');
  assert.equal(registrySha256For('abc', { status: 'ready', registrySha256: 'abc#retry-2' }, true), 'abc#redeploy-3');
  assert.equal(registrySha256For('', { status: 'ready', registrySha256: '#redeploy-1' }, true), '#redeploy-2');
});

test('without --redeploy the suffix is kept; a new container or a new manifest value needs none', () => {
  assert.equal(registrySha256For('', { status: 'ready', registrySha256: '#redeploy-1' }), '#redeploy-1');
  assert.equal(registrySha256For('abc', undefined, true), 'abc');
  assert.equal(registrySha256For('def', { status: 'ready', registrySha256: 'abc#redeploy-1' }, true), 'def');
  assert.equal(registrySha256For('', { status: 'error', registrySha256: '#redeploy-1' }, true), '#retry-2');
});
