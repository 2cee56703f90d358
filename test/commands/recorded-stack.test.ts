import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createdByOriginalCli, recordedStackOf } from '../../src/run/recorded-state.js';
import type { StackState, StateResource } from '../../src/engine/stack-state.js';

const STACK = 'urn:pulumi:dev.ScalewayServerlessContainer.legacy-api::legacy';
const resource = (type: string, name: string, inputs: Record<string, unknown> = {}): StateResource => ({ urn: `${STACK}::${type}::${name}`, type, inputs });
const stateOf = (...resources: StateResource[]): StackState => ({ resources, pendingOperations: [] });

test('the cron args the state records are read by resource name', () => {
  const state = stateOf(
    resource('scaleway:containers/cron:Cron', 'cron-nightly', { args: '{"task": "cleanup"}' }),
    resource('scaleway:containers/cron:Cron', 'cron-cron-1', { args: '{}' }),
    resource('scaleway:containers/container:Container', 'container', { args: ['--serve'] }),
  );
  assert.deepEqual(recordedStackOf(state), { cronArgs: { 'cron-nightly': '{"task": "cleanup"}', 'cron-cron-1': '{}' } });
});

test("a stack whose resources sit on an explicit `scaleway` provider was created by the original CLI; the default provider is openmcf's", () => {
  assert.equal(createdByOriginalCli(stateOf(resource('pulumi:providers:scaleway', 'scaleway', { accessKey: 'SCW...' }))), true);
  assert.equal(createdByOriginalCli(stateOf(resource('pulumi:providers:scaleway', 'default_1_54_0'))), false);
  assert.equal(createdByOriginalCli(stateOf()), false);
});
