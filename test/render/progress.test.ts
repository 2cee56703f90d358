import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressRenderer, formatElapsed } from '../../src/render/progress.js';
import type { Io } from '../../src/core/io.js';
import { Redactor } from '../../src/core/redactor.js';
import { SecretValues } from '../../src/core/secrets.js';

function captureIo(interactive = false, redactor = new Redactor()): Io & { text: () => string } {
  let err = '';
  return { out: () => undefined, err: (t) => (err += t), interactive, color: false, redactor, text: () => err };
}
const container = { urn: 'urn:pulumi:s::p::scaleway:containers/container:Container::my-api', type: 'scaleway:containers/container:Container', name: 'my-api' };

test('without a terminal: a line when a resource starts and one with its elapsed time when it ends', () => {
  const io = captureIo();
  const progress = new ProgressRenderer(io);
  const listen = progress.forStack('my-api');
  listen({ type: 'resource-started', resource: container, change: 'create', step: 'create', planning: false, properties: [] });
  listen({ type: 'resource-finished', resource: container, change: 'create', step: 'create', planning: false, elapsedMs: 2_345, properties: [] });
  assert.equal(io.text(), 'creating container my-api...\n+ created container my-api (2.3s)\n');
});

test('with several stacks every line names its stack; failures and errors are shown', () => {
  const io = captureIo();
  const progress = new ProgressRenderer(io);
  progress.setMultipleStacks(true);
  const listen = progress.forStack('my-api');
  listen({ type: 'resource-failed', resource: container, change: 'update', step: 'update', elapsedMs: 1_000 });
  listen({ type: 'diagnostic', severity: 'error', message: 'sandbox: 500', resource: container });
  assert.equal(io.text(), '[my-api] x failed to update container my-api (1.0s)\n[my-api] error: container my-api: sandbox: 500\n');
});

test('planned steps and unchanged resources print nothing while running', () => {
  const io = captureIo();
  const listen = new ProgressRenderer(io).forStack('s');
  listen({ type: 'resource-started', resource: container, change: 'create', step: 'create', planning: true, properties: [] });
  listen({ type: 'resource-finished', resource: container, change: 'same', step: 'same', planning: false, elapsedMs: 1, properties: [] });
  assert.equal(io.text(), '');
});

test('on a terminal the live line lists the resources in flight with their elapsed time', () => {
  let t = 0;
  const shown: string[] = [];
  const io = captureIo(true);
  const progress = new ProgressRenderer(io, { now: () => t, statusLine: { update: (text) => shown.push(text), stop: () => undefined } });
  const listen = progress.forStack('s');
  listen({ type: 'resource-started', resource: container, change: 'update', step: 'update', planning: false, properties: [] });
  t = 1_500;
  listen({ type: 'resource-finished', resource: container, change: 'update', step: 'update', planning: false, elapsedMs: 1_500, properties: [] });
  progress.stop();
  assert.equal(shown[0], 'updating container my-api 0.0s');
  assert.equal(shown.at(-1), '');
  assert.equal(io.text(), '~ updated container my-api (1.5s)\n');
});

test('the live line, drawn on the terminal directly, is masked with the secrets of the io it is given', () => {
  const shown: string[] = [];
  const io = captureIo(true, new Redactor(SecretValues.of('tok3n-in-url-42')));
  const progress = new ProgressRenderer(io, { now: () => 0, statusLine: { update: (text) => shown.push(text), stop: () => undefined } });
  progress.activity('reading https://h/app.yaml?t=tok3n-in-url-42');
  progress.stop();
  assert.equal(shown[0], 'reading https://h/app.yaml?t=[secret] 0.0s');
  const other = captureIo(true);
  const unmasked: string[] = [];
  const second = new ProgressRenderer(other, { now: () => 0, statusLine: { update: (text) => unmasked.push(text), stop: () => undefined } });
  second.activity('reading tok3n-in-url-42');
  second.stop();
  assert.equal(unmasked[0], 'reading tok3n-in-url-42 0.0s', 'another io masks only its own secrets');
});

test('elapsed times read naturally', () => {
  assert.equal(formatElapsed(1_234), '1.2s');
  assert.equal(formatElapsed(42_000), '42s');
  assert.equal(formatElapsed(65_000), '1m05s');
});

test('plans and results go to the results writer, progress to stderr', () => {
  const io = captureIo();
  const results: string[] = [];
  const progress = new ProgressRenderer(io, { results: (text) => results.push(text) });
  const listen = progress.forStack('my-api');
  listen({ type: 'resource-started', resource: container, change: 'create', step: 'create', planning: false, properties: [] });
  progress.result('Preview of my-api');
  assert.deepEqual(results, ['Preview of my-api\n']);
  assert.equal(io.text(), 'creating container my-api...\n');
});
