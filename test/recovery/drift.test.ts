// Issue 16.5: changes made outside openmcf (in the console) are seen. `preview` and `apply` refresh
// first by default; what changed outside is shown apart from the manifest's own changes, in the
// manifest's terms, and in --json as `drift`; a resource deleted outside is created again;
// `refresh --detailed-exitcode` exits 2 on drift. The console is the local API (`openmcf sandbox
// api`, serving the same simulated cloud the --sandbox runs use), changed with plain HTTP calls.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CloudHome, manifest, parseJson, waitUntil, type Background } from '../e2e/cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-drift-');
// The Quick Start manifest with maxScale 20, as the walkthrough had it.
const driftApi = home.file('drift-api.yaml', `${readFileSync(manifest('my-api'), 'utf8').trimEnd()}\n  maxScale: 20\n`);
const TOKEN = '00000000-0000-4000-8000-000000000000';
let api: Background;
let url = '';

before(async () => {
  // Serves the whole file (stopped in after()), longer than a single run's guard on a busy machine.
  api = home.start(['sandbox', 'api'], { guardMs: 0 });
  await waitUntil(
    () => /^http:\/\/127\.0\.0\.1:\d+\n/.test(api.stdout),
    30_000,
    () => `no URL on stdout: ${api.stdout} ${api.stderr}`,
  );
  url = api.stdout.split('\n')[0]!;
});
after(async () => {
  api.signal('SIGINT');
  await api.done;
});

/** The console: one HTTP call to the local API. */
async function console_(method: 'PATCH' | 'DELETE', body?: Record<string, unknown>): Promise<void> {
  const [container] = Object.values(home.cloud().containers);
  assert.ok(container, 'the container is deployed');
  const call = (): Promise<Response> =>
    fetch(`${url}/containers/v1/regions/fr-par/containers/${container.id}`, {
      method,
      headers: { 'X-Auth-Token': TOKEN, 'Content-Type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  // Once more on a connection error: fetch may reuse a kept-alive socket the server has just
  // closed (Node's server drops idle ones after 5 s), as any HTTP client of the API may meet.
  const response = await call()
    .catch(call)
    .catch((error: unknown) => {
      throw new Error(`the local API did not answer ${method} (${String(error)}); it printed:\n${api.stdout}${api.stderr}`);
    });
  assert.ok(response.ok, `${method} answered ${response.status}: ${await response.text()}`);
}

const container = () => Object.values(home.cloud().containers)[0];

test('set-up: drift-api is deployed with maxScale 20', () => {
  const result = home.run(['apply', '-f', driftApi, '--sandbox', '--yes']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(container()?.max_scale, 20);
});

test('max_scale changed to 3 in the console, then apply of a tag bump: the drift is shown apart and set back', async () => {
  await console_('PATCH', { max_scale: 3 });
  assert.equal(container()?.max_scale, 3);
  const result = home.run(['apply', '-f', driftApi, '--sandbox', '--yes', '--json', '--set', 'spec.image.tag=v2']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /! container changed outside openmcf: spec\.maxScale 20 -> 3 \(will be set back to 20\)/);
  assert.match(result.stderr, /~ spec\.image\.tag: "latest" -> "v2"/);
  const [stack] = parseJson<ResultDocument>(result.stdout).results;
  const drifted = stack?.drift?.find((d) => d.name === 'container');
  assert.equal(drifted?.change, 'update', JSON.stringify(stack?.drift));
  assert.deepEqual(
    drifted?.manifestChanges.filter((c) => c.path === 'spec.maxScale').map((c) => [c.old, c.new]),
    [[20, 3]],
  );
  assert.equal(container()?.max_scale, 20, "the manifest's value is back in the cloud");
  assert.match(String(container()?.image), /:v2$/);
});

test('preview sees a console change by default, not with --no-refresh; refresh --detailed-exitcode exits 2 on drift, then 0', async () => {
  await console_('PATCH', { max_scale: 7 });
  const args = ['-f', driftApi, '--sandbox', '--set', 'spec.image.tag=v2'];
  const blind = home.run(['preview', ...args, '--no-refresh', '--detailed-exitcode']);
  assert.equal(blind.code, 0, `--no-refresh plans from the state as recorded: ${blind.stderr}`);
  assert.doesNotMatch(blind.stderr, /outside openmcf/);

  const seen = home.run(['preview', ...args, '--detailed-exitcode', '--json']);
  assert.equal(seen.code, 2, seen.stderr);
  assert.match(seen.stderr, /! container changed outside openmcf: spec\.maxScale 20 -> 7 \(will be set back to 20\)/);
  assert.equal(parseJson<ResultDocument>(seen.stdout).results[0]?.drift?.length, 1);

  const drift = home.run(['refresh', '-f', driftApi, '--sandbox', '--detailed-exitcode', '--json']);
  assert.equal(drift.code, 2, drift.stderr);
  assert.equal(parseJson<ResultDocument>(drift.stdout).exitCode, 2);
  assert.deepEqual(
    parseJson<ResultDocument>(drift.stdout).results[0]?.drift?.map((d) => d.name),
    ['container'],
  );
  const none = home.run(['refresh', '-f', driftApi, '--sandbox', '--detailed-exitcode']);
  assert.equal(none.code, 0, `the state now records what the cloud has: ${none.stderr}`);
  const back = home.run(['apply', ...args, '--yes']);
  assert.equal(back.code, 0, back.stderr);
  assert.equal(container()?.max_scale, 20);
});

test('the container deleted in the console, then apply: it is said and created again', async () => {
  await console_('DELETE');
  await waitUntil(
    () => container() === undefined,
    30_000,
    () => 'the console delete did not finish',
  );
  const result = home.run(['apply', '-f', driftApi, '--sandbox', '--yes', '--set', 'spec.image.tag=v2']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /! container deleted outside openmcf \(will be created again\)/);
  assert.match(result.stdout, /my-api: 1 created/);
  assert.equal(container()?.max_scale, 20, 'the container is back');
  const again = home.run(['preview', '-f', driftApi, '--sandbox', '--set', 'spec.image.tag=v2', '--detailed-exitcode']);
  assert.equal(again.code, 0, again.stderr);
});
