// The fault gate of the local API. The `hold` fault: a call on its resource waits, visibly, until
// the test releases it; then it and every later call go through. Driven the way a test in another
// process drives it: files. And the rules as the API takes them: parsed once, or as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FaultGate, holdFiles } from '../../src/sandbox/fault-gate.js';
import { parseFaults } from '../../src/sandbox/faults.js';
import { Hold } from '../helpers/hold.js';
import { apiClient, PROJECT } from './api-client.js';

function store(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'openmcf-hold-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const SUBJECT = { kind: 'container', id: '00000000-0000-4000-8000-000000000001', state: 'ready' } as const;

test('a held call waits until its release file exists, then it and later calls pass', async (t) => {
  const dir = store(t);
  const gate = new FaultGate(dir, parseFaults('hold:Container=window'));
  const hold = new Hold(dir, 'window');
  let entered = false;
  const call = gate.enter('update', 'Container', SUBJECT).then(() => (entered = true));
  await hold.waitHeld(10_000);
  // The held file says which call waits; a second call joins it.
  const second = gate.enter('read', 'Container', SUBJECT);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(entered, false, 'the call is still held');
  hold.release();
  await call;
  await second;
  assert.equal(entered, true);
  assert.match(readFileSync(holdFiles(dir, 'window').held, 'utf8'), /^update Container\n/);
  // Released for good: a later call does not wait (it would never end otherwise).
  await gate.enter('delete', 'Container', SUBJECT);
});

test('a hold stops only calls on its resource', async (t) => {
  const dir = store(t);
  const gate = new FaultGate(dir, parseFaults('hold:Cron=crons'));
  await gate.enter('create', 'Container', SUBJECT);
  await gate.enter('create', 'Namespace', SUBJECT);
  assert.equal(new Hold(dir, 'crons', 'Cron').held, false, 'no call on a cron was made, none held');
});

test('a hold for one operation lets the others through: the preview of a run reads, its update waits', async (t) => {
  const dir = store(t);
  const gate = new FaultGate(dir, parseFaults('hold:Container@update=update-only'));
  const hold = new Hold(dir, 'update-only', 'Container', 'update');
  assert.equal(hold.rule, 'hold:Container@update=update-only');
  await gate.enter('read', 'Container', SUBJECT);
  await gate.enter('create', 'Container', SUBJECT);
  assert.equal(hold.held, false, 'reads and creates are not held');
  const update = gate.enter('update', 'Container', SUBJECT);
  await hold.waitHeld(10_000);
  hold.release();
  await update;
});

test('a hold comes before the other rules of the call: a 409 answers only once released', async (t) => {
  const dir = store(t);
  const gate = new FaultGate(dir, parseFaults('create:Container=409,hold:Container=first'));
  const hold = new Hold(dir, 'first');
  const outcome = gate.enter('create', 'Container', SUBJECT).then(
    () => 'passed',
    (error: Error) => error.message,
  );
  await hold.waitHeld(10_000);
  hold.release();
  assert.match(await outcome, /transient state/);
});

test('through the local API: the request gets no answer while held, and its answer once released', async (t) => {
  const api = await apiClient(t, { faults: 'hold:Namespace=ns' });
  const hold = new Hold(api.storeDir, 'ns', 'Namespace');
  let answered = false;
  const created = api.call('POST', '/namespaces', { name: 'held-ns', project_id: PROJECT }).then((answer) => {
    answered = true;
    return answer;
  });
  await hold.waitHeld(10_000);
  const list = await api.call('GET', '/containers');
  assert.equal(list.status, 200, 'calls on other resources are answered meanwhile');
  assert.equal(answered, false, 'the held create has no answer yet');
  hold.release();
  const answer = await created;
  assert.equal(answer.status, 200);
  assert.equal(answer.json.name, 'held-ns');
});

test('a call still held when the server closes ends as an internal error, keeping no process alive', async (t) => {
  const dir = store(t);
  const gate = new FaultGate(dir, parseFaults('hold:*=forever'));
  const call = gate.enter('read', 'Namespace', SUBJECT);
  await new Hold(dir, 'forever', '*').waitHeld(10_000);
  gate.close();
  await assert.rejects(call, (error: { status?: number }) => error.status === 500);
});

test('the local API takes rules parsed once by the run, as they are, or their text', async (t) => {
  const parsed = await apiClient(t, { faults: parseFaults('create:Namespace=500') });
  assert.equal((await parsed.call('POST', '/namespaces', { name: 'parsed', project_id: PROJECT })).status, 500);
  const text = await apiClient(t, { faults: 'create:Namespace=500' });
  assert.equal((await text.call('POST', '/namespaces', { name: 'text', project_id: PROJECT })).status, 500);
  await assert.rejects(apiClient(t, { faults: 'create:Namespace=404' }), /409 \(transient state\) or 500/);
});
