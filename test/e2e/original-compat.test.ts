// What users of the original OpenMCF CLI bring, through the built binary: a manifest in its style
// (proto snake_case names, the whole metadata, `status`, proto enum values), a snake_case provider
// file, its flag and command names, and a kustomize overlay; applied in the sandbox, with the
// original module's tags on the namespace and the container.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, REPO_ROOT, manifest, parseJson } from './cloud-run.js';
import { kustomizeBinary } from '../helpers/engine.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-compat-');
const ORIGINAL = join(REPO_ROOT, 'test', 'fixtures', 'valid', 'original-style.yaml');
const SECRET = 'legacy-secret-token-value';

interface StateResource {
  readonly type: string;
  readonly inputs: Record<string, unknown>;
}

/** The resources of a sandbox stack, from the engine's own state file. */
function stateResources(project: string, stack: string): StateResource[] {
  const file = home.stateFiles().find((f) => f.path.endsWith(join('.pulumi', 'stacks', project, `${stack}.json`)));
  assert.ok(file, `no state for ${project}/${stack}`);
  return (JSON.parse(file.text) as { checkpoint: { latest: { resources: StateResource[] } } }).checkpoint.latest.resources;
}

const byType = (resources: StateResource[], type: string) => resources.find((r) => r.type === `scaleway:containers/${type}`);

test('the original-style manifest validates and loads: snake_case read, status left out and said so', () => {
  const validated = home.run(['validate', ORIGINAL]);
  assert.equal(validated.code, 0, validated.stderr);
  assert.match(validated.stderr, /1 manifest valid in 1 file$/m);
  assert.doesNotMatch(validated.stderr, /warning/);

  const loaded = home.run(['load-manifest', '--manifest', ORIGINAL]);
  assert.equal(loaded.code, 0, loaded.stderr);
  assert.match(loaded.stdout, /^# status: left out: not used as input/m);
  assert.doesNotMatch(loaded.stdout, /^status:/m);
  assert.match(loaded.stdout, /^ {2}memoryLimitMb: 512$/m);
  assert.match(loaded.stdout, /^ {2}privacy: private$/m);
  assert.match(loaded.stdout, /^ {4}note_with_underscores: kept as written$/m, 'annotation keys are not renamed');
  assert.ok(!loaded.stdout.includes(SECRET));

  const json = parseJson<{ manifests: Array<{ ignoredFields?: string[]; manifest: { metadata: Record<string, unknown> } }> }>(home.run(['load', ORIGINAL, '--json']).stdout);
  assert.deepEqual(json.manifests[0]?.ignoredFields, ['status']);
  assert.deepEqual(Object.keys(json.manifests[0]?.manifest.metadata ?? {}), ['name', 'labels', 'slug', 'id', 'org', 'env', 'annotations', 'tags', 'relationships', 'group']);
});

test("it applies in the sandbox; namespace and container carry the original module's tags", () => {
  const result = home.run(['apply', '-f', ORIGINAL, '--sandbox', '--yes', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const [stack] = parseJson<ResultDocument>(result.stdout).results;
  assert.equal(stack?.status, 'succeeded');
  assert.equal(stack?.stack, 'acme/legacy/dev.ScalewayServerlessContainer.legacy-api');
  assert.ok(!(result.stdout + result.stderr).includes(SECRET), 'the secret is never printed');

  const expectedTags = [
    'planton-ai_resource=true',
    'planton-ai_name=legacy-api',
    'planton-ai_kind=ScalewayServerlessContainer',
    'planton-ai_organization=acme',
    'planton-ai_environment=dev',
    'planton-ai_id=scwsc-01hx7legacy',
    // openmcf's own: the stack that owns them (recovery takes in only what carries it).
    'openmcf.org/stack=acme/legacy/dev.ScalewayServerlessContainer.legacy-api',
  ];
  const resources = stateResources('legacy', 'dev.ScalewayServerlessContainer.legacy-api');
  assert.deepEqual(byType(resources, 'namespace:Namespace')?.inputs.tags, expectedTags);
  const container = byType(resources, 'container:Container');
  assert.deepEqual(container?.inputs.tags, expectedTags);
  assert.equal(container?.inputs.privacy, 'private', 'privacy_private deploys a private container');
  assert.equal(container?.inputs.memoryLimitBytes, 512_000_000);
  assert.ok(byType(resources, 'cron:Cron'), 'the cron_triggers entry became a Cron');

  const again = home.run(['apply', '-f', ORIGINAL, '--sandbox', '--yes', '--json']);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(parseJson<ResultDocument>(again.stdout).results[0]?.status, 'unchanged');
});

test('a manifest without org, env and id gets the three fixed tags only (and the owner tag)', () => {
  const result = home.run(['apply', '-f', manifest('my-api'), '--sandbox', '--yes', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const resources = stateResources('my-project', 'dev.ScalewayServerlessContainer.my-api');
  assert.deepEqual(byType(resources, 'container:Container')?.inputs.tags, [
    'planton-ai_resource=true',
    'planton-ai_name=my-api',
    'planton-ai_kind=ScalewayServerlessContainer',
    'openmcf.org/stack=my-org/my-project/dev.ScalewayServerlessContainer.my-api',
  ]);
});

test('a kustomize overlay applies in the sandbox with its patched image tag', () => {
  const result = home.run(['apply', '--kustomize-dir', 'test/fixtures/kustomize', '--overlay', 'prod', '--sandbox', '--yes', '--json'], {
    env: { OPENMCF_KUSTOMIZE: kustomizeBinary() },
  });
  assert.equal(result.code, 0, result.stderr);
  const [stack] = parseJson<ResultDocument>(result.stdout).results;
  assert.equal(stack?.manifest.file, 'test/fixtures/kustomize/overlays/prod (kustomize build)');
  const container = byType(stateResources('my-project', 'dev.ScalewayServerlessContainer.kustomized-api'), 'container:Container');
  assert.equal(container?.inputs.image, 'rg.fr-par.scw.cloud/my-registry/kustomized-api:v2.0.0');
});

test("a provider file in the original's documented snake_case spelling is read (doctor shows its source)", () => {
  const file = home.file(
    'scaleway-provider.yaml',
    'access_key: SCWABCDEFGHIJKLMNOPQ\nsecret_key: 11111111-2222-3333-4444-555555555555\nproject_id: 66666666-7777-8888-9999-000000000000\nregion: fr-par\nzone: fr-par-1\n',
  );
  const result = home.run(['doctor', '-p', file, '--json']);
  const report = parseJson<{ checks: Array<{ name: string; ok: boolean; summary: string }> }>(result.stdout);
  const credentials = report.checks.find((check) => check.name === 'credentials');
  assert.equal(credentials?.ok, true, credentials?.summary);
  assert.equal(credentials?.summary, `${file}, project 66666666-7777-8888-9999-000000000000`);
  assert.ok(!(result.stdout + result.stderr).includes('11111111-2222-3333-4444-555555555555'), 'the secret key is never printed');
});

test("the original's command and flag names: -v, version, load-manifest, --manifest, a positional path", () => {
  const version = home.run(['-v']);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^openmcf \d+\.\d+\.\d+\n/);
  assert.equal(home.run(['version']).stdout, version.stdout);
  assert.equal(home.run(['--version']).stdout, version.stdout);

  const positional = home.run(['validate', manifest('my-api'), manifest('order-api')]);
  assert.equal(positional.code, 0, positional.stderr);
  assert.match(positional.stderr, /2 manifests valid in 2 files/);
  const mixed = home.run(['load', '--manifest', manifest('my-api'), '-f', manifest('order-api'), '--json']);
  const names = parseJson<{ manifests: Array<{ manifest: { metadata: { name: string } } }> }>(mixed.stdout).manifests.map((m) => m.manifest.metadata.name);
  assert.deepEqual(names, ['my-api', 'order-api'], '--manifest and -f join one list, in command-line order');
  assert.match(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'), /--manifest/);
});
