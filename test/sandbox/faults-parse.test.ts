// The OPENMCF_SANDBOX_FAULTS syntax documented in src/sandbox/faults.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchingFaults, parseFaults } from '../../src/sandbox/faults.js';

test('each documented rule form parses', () => {
  const rules = parseFaults('create:Container=409,update:Container=500*1,status:Container=error:image not found,delay:Cron=2000,read:*=500');
  assert.deepEqual(
    rules.map((r) => [r.operation, r.resource, r.effect, r.count]),
    [
      ['create', 'Container', { kind: 'http', status: 409 }, undefined],
      ['update', 'Container', { kind: 'http', status: 500 }, 1],
      ['status', 'Container', { kind: 'status', status: 'error', message: 'image not found' }, undefined],
      ['delay', 'Cron', { kind: 'delay', ms: 2000 }, undefined],
      ['read', '*', { kind: 'http', status: 500 }, undefined],
    ],
  );
});

test('a message keeps its commas; only "<operation>:" starts a new rule', () => {
  const rules = parseFaults('status:Container=error:pull failed, 3 retries, giving up,create:Cron=409');
  assert.equal(rules.length, 2);
  assert.deepEqual(rules[0]!.effect, { kind: 'status', status: 'error', message: 'pull failed, 3 retries, giving up' });
});

test('empty or unset means no faults', () => {
  assert.deepEqual(parseFaults(undefined), []);
  assert.deepEqual(parseFaults('  '), []);
});

test('bad rules are errors naming the rule and the fix', () => {
  assert.throws(() => parseFaults('create:Container'), /OPENMCF_SANDBOX_FAULTS: cannot read rule "create:Container": expected <operation>:<Resource>=<effect>/);
  assert.throws(() => parseFaults('explode:Container=409'), /unknown operation "explode"/);
  assert.throws(() => parseFaults('create:Bucket=409'), /unknown resource "Bucket"/);
  assert.throws(() => parseFaults('create:Container=404'), /409 \(transient state\) or 500/);
  assert.throws(() => parseFaults('delay:Cron=soon'), /whole number of milliseconds/);
  assert.throws(() => parseFaults('status:Cron=error:x'), /only containers have a status fault/);
  assert.throws(() => parseFaults('status:Container=failed'), /error:<message>/);
});

test('rules match their operation and resource, * matching every resource', () => {
  const rules = parseFaults('create:*=500,create:Cron=409,update:Cron=409');
  assert.deepEqual(
    matchingFaults(rules, 'create', 'Cron').map((r) => r.text),
    ['create:*=500', 'create:Cron=409'],
  );
  assert.deepEqual(
    matchingFaults(rules, 'create', 'Namespace').map((r) => r.text),
    ['create:*=500'],
  );
  assert.deepEqual(matchingFaults(rules, 'delete', 'Cron'), []);
});

test('a hold rule is named, for any resource, and never counted', () => {
  assert.deepEqual(
    parseFaults('hold:Container=apply-1,hold:*=all_calls.2').map((r) => [r.operation, r.resource, r.effect, r.count]),
    [
      ['hold', 'Container', { kind: 'hold', name: 'apply-1' }, undefined],
      ['hold', '*', { kind: 'hold', name: 'all_calls.2' }, undefined],
    ],
  );
  assert.deepEqual(
    matchingFaults(parseFaults('hold:Cron=c,delay:Cron=5'), 'hold', 'Cron').map((r) => r.text),
    ['hold:Cron=c'],
  );
  assert.deepEqual(parseFaults('hold:Container@update=apply-1')[0]!.effect, { kind: 'hold', name: 'apply-1', operation: 'update' });
  assert.equal(parseFaults('hold:Container@update=apply-1')[0]!.image, undefined, 'an operation, not an image');
  assert.throws(() => parseFaults('hold:Container@status=x'), /a hold names an operation after @: one of create, update, delete, read/);
  assert.throws(() => parseFaults('delay:Container@update=5'), /only status rules name an image/);
  assert.throws(() => parseFaults('hold:Container=first*1'), /OPENMCF_SANDBOX_FAULTS: cannot read rule "hold:Container=first\*1": a hold is not counted/);
  for (const bad of ['hold:Container=../escape', 'hold:Container=a b', 'hold:Container=.hidden', 'hold:Container=x/y']) {
    assert.throws(() => parseFaults(bad), /a hold is named with letters, digits/, bad);
  }
});
