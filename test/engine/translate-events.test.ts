import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineEventTranslator, changeKindOf, stripEngineMarkup, typeFromUrn } from '../../src/engine/translate-events.js';
import type { OperationEvent } from '../../src/engine/events.js';
import type { StepEventMetadata } from '@pulumi/pulumi/automation/index.js';
import { CONTAINER, CRON, NAMESPACE, diagnostic, failed, outputs, pre, state, step, urn } from './fixtures.js';

function clock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

test('counts a first apply from steps and ignores the stack and provider resources', () => {
  const translator = new EngineEventTranslator();
  const stackStep = step('create', 'pulumi:pulumi:Stack', 'my-project-dev');
  const provider = step('create', 'pulumi:providers:scaleway', 'default_1_54_0');
  for (const s of [stackStep, provider, step('create', NAMESPACE, 'my-api'), step('create', CONTAINER, 'my-api'), step('create', CRON, 'my-api-hourly')]) {
    translator.translate(pre(s));
    translator.translate(outputs(s));
  }
  assert.deepEqual(translator.counts(), { create: 3, update: 0, replace: 0, delete: 0, same: 0 });
});

test('a replacement counts once although the engine takes three steps', () => {
  const translator = new EngineEventTranslator();
  for (const op of ['create-replacement', 'replace', 'delete-replaced'] as const) {
    const s = step(op, NAMESPACE, 'my-api', { old: state({ name: 'a' }), new: state({ name: 'b' }), keys: ['name'] });
    translator.translate(pre(s, true));
    translator.translate(outputs(s, true));
  }
  const counts = translator.counts();
  assert.equal(counts.replace, 1);
  assert.equal(counts.create + counts.delete, 0);
});

test('resource-finished carries the elapsed time since the step started', () => {
  const c = clock();
  const translator = new EngineEventTranslator({ now: c.now });
  const s = step('create', CONTAINER, 'my-api');
  translator.translate(pre(s));
  c.advance(2_500);
  const [finished] = translator.translate(outputs(s));
  assert.equal(finished?.type, 'resource-finished');
  assert.equal(finished.elapsedMs, 2_500);
});

test('a failed step is reported with its elapsed time and not counted', () => {
  const c = clock();
  const translator = new EngineEventTranslator({ now: c.now });
  const s = step('update', CONTAINER, 'my-api', { old: state({ port: 1 }), new: state({ port: 2 }) });
  translator.translate(pre(s));
  c.advance(800);
  const events = translator.translate(failed(s));
  assert.deepEqual(
    events.map((e) => e.type),
    ['resource-failed'],
  );
  assert.equal((events[0] as Extract<OperationEvent, { type: 'resource-failed' }>).elapsedMs, 800);
  assert.equal(translator.counts().update, 0);
});

test('a refresh step that finishes as an update counts as drift, unchanged ones as same', () => {
  const translator = new EngineEventTranslator({ refresh: true });
  const drifted = step('refresh', CONTAINER, 'my-api');
  const unchanged = step('refresh', NAMESPACE, 'my-api');
  translator.translate(pre(drifted));
  translator.translate(pre(unchanged));
  const [event] = translator.translate(
    outputs(step('update', CONTAINER, 'my-api', { old: state({ minScale: 0 }, { minScale: 0 }), new: state({ minScale: 0 }, { minScale: 2 }) })),
  );
  translator.translate(outputs(step('same', NAMESPACE, 'my-api')));
  assert.equal(event?.type, 'resource-finished');
  const finished = event;
  assert.equal(finished.step, 'refresh', 'paired with the step that started');
  assert.equal(finished.change, 'update');
  assert.deepEqual(finished.properties, [{ path: 'minScale', kind: 'update', old: 0, new: 2, replaces: false }]);
  assert.deepEqual(translator.counts(), { create: 0, update: 1, replace: 0, delete: 0, same: 1 });
});

test('diagnostics lose the engine colour markup, keep their resource, and skip bookkeeping info', () => {
  const translator = new EngineEventTranslator();
  const [error] = translator.translate(diagnostic('<{%fg 1%}>sandbox: 500 internal error<{%reset%}>\n', 'error', urn(CONTAINER, 'my-api')));
  assert.deepEqual(error, {
    type: 'diagnostic',
    severity: 'error',
    message: 'sandbox: 500 internal error',
    resource: { urn: urn(CONTAINER, 'my-api'), type: CONTAINER, name: 'my-api' },
  });
  assert.deepEqual(translator.translate(diagnostic('provider chatter', 'info', urn('pulumi:providers:scaleway', 'default'))), []);
  assert.deepEqual(translator.translate(diagnostic('', 'warning')), []);
});

test("the provider's standing deprecation of the Cron resource is not repeated on every cron; other warnings are kept", () => {
  const translator = new EngineEventTranslator();
  const cron = urn(CRON, 'cron-nightly');
  const deprecated = `${cron} verification warning: Deprecated Resource: The "scaleway_container_cron" resource is deprecated, please use \`scaleway_container_trigger\` with a cron configuration instead`;
  assert.deepEqual(translator.translate(diagnostic(deprecated, 'warning', cron)), []);
  const [kept] = translator.translate(diagnostic('property "deploy" is deprecated', 'warning', cron));
  assert.equal(kept?.type === 'diagnostic' ? kept.message : undefined, 'property "deploy" is deprecated');
});

test('step kinds map to what users call them', () => {
  assert.equal(changeKindOf('create-replacement'), 'replace');
  assert.equal(changeKindOf('discard'), 'delete');
  assert.equal(changeKindOf('remove-pending-replace'), undefined);
  assert.equal(stripEngineMarkup('<{%bold%}>x<{%reset%}>'), 'x');
  assert.equal(typeFromUrn('urn:pulumi:s::p::pulumi:pulumi:Stack$scaleway:containers/cron:Cron::c'), CRON);
});

test('--refresh before an update: the reads are not counted, so each resource counts once', () => {
  const translator = new EngineEventTranslator();
  // The engine reads both resources first (the container has drifted), then plans the update.
  translator.translate(pre(step('refresh', CONTAINER, 'my-api')));
  translator.translate(pre(step('refresh', NAMESPACE, 'my-api')));
  const [read] = translator.translate(outputs(step('update', CONTAINER, 'my-api', { old: state({ minScale: 0 }, { minScale: 0 }), new: state({ minScale: 0 }, { minScale: 2 }) })));
  translator.translate(outputs(step('same', NAMESPACE, 'my-api')));
  assert.equal((read as Extract<OperationEvent, { type: 'resource-finished' }>).step, 'refresh');
  const update = step('update', CONTAINER, 'my-api', { old: state({ minScale: 2 }), new: state({ minScale: 0 }) });
  translator.translate(pre(update));
  translator.translate(outputs(update));
  const same = step('same', NAMESPACE, 'my-api');
  translator.translate(pre(same));
  translator.translate(outputs(same));
  assert.deepEqual(translator.counts(), { create: 0, update: 1, replace: 0, delete: 0, same: 1 });
});

test('the refresh inside a preview ends its reads as `refresh`: a detailed diff is drift (an update), no id afterwards a delete', () => {
  const translator = new EngineEventTranslator();
  translator.translate(pre(step('refresh', CONTAINER, 'my-api'), true));
  translator.translate(pre(step('refresh', NAMESPACE, 'my-api'), true));
  translator.translate(pre(step('refresh', CRON, 'cron-nightly'), true));
  const drifted = step('refresh', CONTAINER, 'my-api', {
    old: state({ maxScale: 20 }),
    new: state({ maxScale: 3 }),
    detailedDiff: { maxScale: { diffKind: 'update', inputDiff: false } } as StepEventMetadata['detailedDiff'],
  });
  const [changed] = translator.translate(outputs(drifted, true)) as Array<Extract<OperationEvent, { type: 'resource-finished' }>>;
  assert.deepEqual([changed?.step, changed?.change, changed?.properties], ['refresh', 'update', [{ path: 'maxScale', kind: 'update', replaces: false, old: 20, new: 3 }]]);
  const [unchanged] = translator.translate(outputs(step('refresh', NAMESPACE, 'my-api', { old: state({}), new: state({}), detailedDiff: {} }), true)) as Array<
    Extract<OperationEvent, { type: 'resource-finished' }>
  >;
  assert.equal(unchanged?.change, 'refresh');
  const gone = step('refresh', CRON, 'cron-nightly', { old: state({ schedule: '0 2 * * *' }), new: { ...state({}, {}), id: '' } });
  const [deleted] = translator.translate(outputs(gone, true)) as Array<Extract<OperationEvent, { type: 'resource-finished' }>>;
  assert.equal(deleted?.change, 'delete');
  assert.deepEqual(translator.counts(), { create: 0, update: 0, replace: 0, delete: 0, same: 0 }, 'reads are not counted');
});
