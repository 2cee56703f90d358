// Taking over a stack the original OpenMCF CLI created (issue 11, item 9). The stack is made by
// test/fixtures/original-openmcf/original-module.mjs, a program declaring what the original's
// module declares (explicit `scaleway` provider resource with the credentials, registryImage,
// memoryLimit in MB, httpOption, healthChecks, localStorageLimit, deploy, no region on the
// container, crons named `cron-<name>` and `cron-cron-<index>`), on the real engine and provider
// against the local API, on a file backend. `openmcf preview` and `apply` must then change it in
// place only: the same namespace, container and triggers (ids), the same URL, nothing replaced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CloudHome, parseJson, REPO_ROOT, waitUntil } from './cloud-run.js';
import { engineBinary, pluginBinary } from '../helpers/engine.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-takeover-');
const MANIFEST = join(REPO_ROOT, 'test', 'fixtures', 'original-openmcf', 'legacy-api.yaml');
const ORIGINAL_MODULE = join(REPO_ROOT, 'test', 'fixtures', 'original-openmcf', 'original-module.mjs');
const CREDENTIALS = {
  SCW_ACCESS_KEY: 'SCWTAKEOVER000000TST',
  SCW_SECRET_KEY: '0b6e2c4a-8d1f-4e3a-9b5c-7d2e1f0a3b4c',
  SCW_DEFAULT_PROJECT_ID: '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f',
};
/** The manifest's env.secrets value. */
const API_TOKEN = 'legacy-secret-token-value';
/** The passphrase the original's stack was created with: the user keeps giving it. */
const PASSPHRASE = 'the-original-cli-passphrase';

function filesUnder(dir: string): Array<{ path: string; text: string }> {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, text: readFileSync(path, 'latin1') }];
  });
}

test('a stack the original OpenMCF CLI created is taken over with updates in place: same resources, same URL, the credentials out of the state', async () => {
  const api = home.start(['sandbox', 'api']);
  try {
    await waitUntil(
      () => /^http:\/\/127\.0\.0\.1:\d+\n/.test(api.stdout),
      30_000,
      () => `no URL on stdout: ${api.stdout} ${api.stderr}`,
    );
    const env = { ...CREDENTIALS, SCW_API_URL: api.stdout.split('\n')[0]!, PULUMI_CONFIG_PASSPHRASE: PASSPHRASE };
    const state = join(home.dir, 'legacy-state');
    mkdirSync(state);
    const backend = `file://${state}`;

    // 1. The original CLI's stack: the manifest with its defaults, then the original's program.
    const loaded = home.run(['load', '-f', MANIFEST, '--json', '--show-secrets'], { env });
    assert.equal(loaded.code, 0, loaded.stderr);
    const loadFile = home.file('legacy-load.json', loaded.stdout);
    const providerFile = home.file(
      'legacy-provider.json',
      JSON.stringify({ accessKey: CREDENTIALS.SCW_ACCESS_KEY, secretKey: CREDENTIALS.SCW_SECRET_KEY, projectId: CREDENTIALS.SCW_DEFAULT_PROJECT_ID, region: 'fr-par' }),
    );
    const original = spawnSync(process.execPath, [ORIGINAL_MODULE, loadFile, providerFile], {
      cwd: REPO_ROOT,
      env: { ...home.env(env), PULUMI_BACKEND_URL: backend, OPENMCF_PULUMI_CLI: engineBinary(), PATH: `${dirname(pluginBinary())}:${process.env.PATH}` },
      encoding: 'utf8',
      timeout: 180_000,
    });
    assert.equal(original.status, 0, `the original's program failed:\n${original.stdout}\n${original.stderr}`);
    const originalOutputs = JSON.parse(original.stdout.trim().split('\n').pop()!) as { container_id: string; namespace_id: string; domain_name: string };
    const before = home.cloud();
    assert.equal(Object.keys(before.containers).length, 1);
    assert.equal(Object.keys(before.triggers).length, 2);
    const triggerIds = Object.keys(before.triggers).sort();
    const stateBefore = filesUnder(state)
      .map((f) => f.text)
      .join('\n');
    // The original kept the credentials in the state, as its explicit provider's inputs (encrypted).
    assert.ok(stateBefore.includes('"accessKey"') && stateBefore.includes('"secretKey"'), "the original's provider resource holds the credentials");
    assert.ok(
      stateBefore.includes('"registryImage"') && stateBefore.includes('"memoryLimit"') && stateBefore.includes('"healthChecks"'),
      "the original's deprecated arguments are in the state",
    );
    assert.ok(stateBefore.includes('::cron-cron-1"'), "the unnamed trigger has the original's resource name");

    const args = ['-f', MANIFEST, '--backend', backend];

    // 2. The preview: nothing created, replaced or deleted; the take-over said before the plan's end.
    const previewed = home.run(['preview', ...args], { env });
    assert.equal(previewed.code, 0, previewed.stderr);
    assert.match(previewed.stdout + previewed.stderr, /created by the original OpenMCF CLI: openmcf takes this stack over in place/);
    assert.doesNotMatch(previewed.stdout + previewed.stderr, /replace|to create|to delete/i);
    const previewJson = home.run(['preview', ...args, '--json'], { env });
    assert.equal(previewJson.code, 0, previewJson.stderr);
    const planned = parseJson<ResultDocument>(previewJson.stdout).results[0]!;
    assert.deepEqual({ create: planned.changes?.create, replace: planned.changes?.replace, delete: planned.changes?.delete }, { create: 0, replace: 0, delete: 0 });
    for (const resource of planned.resources ?? []) assert.equal(resource.change, 'update', `${resource.name}: ${resource.change}`);
    assert.match(planned.notices?.[0] ?? '', /^created by the original OpenMCF CLI/, 'said in --json too');
    // The deprecated `deploy: true` going away reads in the manifest's terms; the stack's owner
    // tag (openmcf.org/stack=...) is added to the container and the namespace, in place.
    const container = (planned.resources ?? []).find((r) => r.name === 'container');
    assert.deepEqual(
      container?.manifestChanges?.map((c) => [c.path, c.kind]),
      [
        ['spec.deploy', 'delete'],
        ['tags[6]', 'add'],
      ],
    );
    const namespace = (planned.resources ?? []).find((r) => r.name === 'namespace');
    assert.ok(
      namespace?.manifestChanges?.some((c) => c.path.startsWith('tags[') && c.kind === 'add'),
      JSON.stringify(namespace?.manifestChanges),
    );
    // Cron args written `{"task": "cleanup"}` by the original stay as recorded: the same JSON.
    assert.ok(!(planned.resources ?? []).some((r) => r.name === 'cron-nightly'), 'the named trigger is unchanged');

    // 3. The apply: the same container, namespace and triggers, the URL unchanged.
    const applied = home.run(['apply', ...args, '--yes', '--json'], { env });
    assert.equal(applied.code, 0, applied.stderr);
    const result = parseJson<ResultDocument>(applied.stdout).results[0]!;
    assert.equal(result.status, 'succeeded');
    assert.deepEqual({ create: result.changes?.create, replace: result.changes?.replace, delete: result.changes?.delete }, { create: 0, replace: 0, delete: 0 });
    assert.equal(result.outputs?.containerId, originalOutputs.container_id);
    assert.equal(result.outputs?.namespaceId, originalOutputs.namespace_id);
    assert.equal(result.outputs?.url, `https://${originalOutputs.domain_name}`, "the container's URL is unchanged");
    const after = home.cloud();
    assert.deepEqual(Object.keys(after.containers), Object.keys(before.containers));
    assert.deepEqual(Object.keys(after.namespaces), Object.keys(before.namespaces));
    assert.deepEqual(Object.keys(after.triggers).sort(), triggerIds, 'both triggers kept (the unnamed one through its alias)');
    assert.deepEqual(
      Object.values(after.triggers)
        .map((t) => t.name)
        .sort(),
      ['cron-1', 'nightly'],
    );
    for (const object of [...Object.values(after.namespaces), ...Object.values(after.containers)]) {
      assert.ok(
        object.tags.some((tag) => tag.startsWith('openmcf.org/stack=')),
        `owner tag on ${object.name}: ${object.tags.join(', ')}`,
      );
    }

    // 4. Nothing left to do, and the credentials are gone from the state with the old provider.
    const again = home.run(['preview', ...args, '--detailed-exitcode'], { env });
    assert.equal(again.code, 0, `no perpetual diff after the take-over:\n${again.stdout}\n${again.stderr}`);
    assert.doesNotMatch(again.stdout + again.stderr, /original OpenMCF CLI/, 'taken over: no notice any more');
    const stateAfter = filesUnder(join(state, '.pulumi', 'stacks'))
      .filter((f) => !f.path.includes('.bak'))
      .map((f) => f.text)
      .join('\n');
    assert.ok(!stateAfter.includes('"accessKey"') && !stateAfter.includes('"secretKey"'), "the credentials left the state with the original's provider resource");
    assert.ok(!stateAfter.includes('::pulumi:providers:scaleway::scaleway"'), "the original's provider resource is deleted");
    assert.ok(!stateAfter.includes(CREDENTIALS.SCW_SECRET_KEY) && !stateAfter.includes(API_TOKEN), 'no secret in plaintext state');

    for (const run of [previewed, previewJson, applied, again]) {
      for (const secret of [CREDENTIALS.SCW_SECRET_KEY, CREDENTIALS.SCW_ACCESS_KEY, API_TOKEN, PASSPHRASE]) {
        assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), 'no credential or secret printed');
      }
    }
  } finally {
    api.signal('SIGINT');
    await api.done;
  }
});
