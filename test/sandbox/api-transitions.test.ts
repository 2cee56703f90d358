// Transient statuses: instant by default (sandbox runs never wait), realistic on request, as the
// platform's recordings show them: `creating` on reads after a create, `updating` after a PATCH,
// `deleting` after a DELETE and then 404. Time is the test's own clock: nothing waits here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTransitions, REALISTIC_MS } from '../../src/sandbox/transitions.js';
import { sandboxTransitions } from '../../src/stack/sandbox-environment.js';
import { apiClient, PROJECT, type ApiClient } from './api-client.js';

class Clock {
  ms = Date.parse('2026-08-01T10:00:00Z');
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

async function status(api: ApiClient, path: string): Promise<string> {
  const answer = await api.call('GET', path);
  return answer.status === 404 ? '404' : String(answer.json.status);
}

test('transition modes: instant by default, realistic for 5 s or the milliseconds given; anything else is invalid input', () => {
  assert.equal(parseTransitions(undefined), 0);
  assert.equal(parseTransitions('instant'), 0);
  assert.equal(parseTransitions('realistic'), REALISTIC_MS);
  assert.equal(REALISTIC_MS, 5000);
  assert.equal(parseTransitions(' realistic:1500 '), 1500);
  assert.throws(() => parseTransitions('slow'), /transitions "slow" is not a mode: use instant, realistic \(5 s\) or realistic:<milliseconds>/);
  assert.throws(() => parseTransitions('realistic:-1'), /not a mode/);
  assert.equal(sandboxTransitions({ OPENMCF_SANDBOX_TRANSITIONS: 'realistic:20' }), 20);
  assert.equal(sandboxTransitions({ OPENMCF_SANDBOX_TRANSITIONS: 'realistic:20' }, 'instant'), 0, 'the flag wins');
  assert.throws(
    () => sandboxTransitions({ OPENMCF_SANDBOX_TRANSITIONS: 'soon' }),
    (error: Error & { exitCode?: number }) => error.exitCode === 3 && /OPENMCF_SANDBOX_TRANSITIONS: transitions "soon"/.test(error.message),
  );
});

test('realistic: creating, updating and deleting last on every read until their time is over, then ready or 404', async (t) => {
  const clock = new Clock();
  const api = await apiClient(t, { transitionMs: 5000, clock: clock.now });
  const ns = await api.call('POST', '/namespaces', { name: 'slow', project_id: PROJECT });
  assert.equal(ns.json.status, 'creating');
  assert.equal(await status(api, `/namespaces/${ns.json.id}`), 'creating');
  clock.advance(4999);
  assert.equal(await status(api, `/namespaces/${ns.json.id}`), 'creating', 'repeated reads stay creating');
  const early = await api.call('POST', '/containers', { namespace_id: ns.json.id, name: 'slow', image: 'nginx:latest' });
  assert.equal(early.status, 409, 'a container needs its namespace ready, as on the platform');
  clock.advance(1);
  assert.equal(await status(api, `/namespaces/${ns.json.id}`), 'ready');

  const container = await api.call('POST', '/containers', { namespace_id: ns.json.id, name: 'slow', image: 'nginx:latest' });
  const path = `/containers/${container.json.id}`;
  assert.equal(await status(api, path), 'creating');
  clock.advance(5000);
  assert.equal(await status(api, path), 'ready');
  const patched = await api.call('PATCH', path, { mvcpu_limit: 1500, privacy: 'unknown_privacy' });
  assert.equal(patched.json.status, 'updating');
  assert.equal(await status(api, path), 'updating');
  assert.equal((await api.call('PATCH', path, { port: 80 })).status, 409, 'no update while updating');
  clock.advance(5000);
  assert.equal(await status(api, path), 'ready');

  const deleted = await api.call('DELETE', `/namespaces/${ns.json.id}`);
  assert.equal(deleted.json.status, 'deleting');
  assert.equal(await status(api, `/namespaces/${ns.json.id}`), 'deleting', 'deleting before the 404');
  assert.equal(await status(api, path), 'deleting', 'its containers go with it');
  clock.advance(5000);
  assert.equal(await status(api, `/namespaces/${ns.json.id}`), '404');
  assert.equal(await status(api, path), '404');
});

test('instant (the default): the answer to the call is transient, the next read sees the end state', async (t) => {
  const api = await apiClient(t);
  const ns = await api.call('POST', '/namespaces', { name: 'fast', project_id: PROJECT });
  assert.equal(ns.json.status, 'creating');
  assert.equal(await status(api, `/namespaces/${ns.json.id}`), 'ready');
  const deleted = await api.call('DELETE', `/namespaces/${ns.json.id}`);
  assert.equal(deleted.json.status, 'deleting');
  assert.equal(await status(api, `/namespaces/${ns.json.id}`), '404');
});
