// Every example a user reads runs here, through the built binary on the real engine and plugin,
// against the simulated cloud, with the exit code it should have and a check of what it did.
//
// What counts as an example (collected from the real sources by documented-examples/collect.ts,
// never copied here):
//   - every `$ ...` line (with its `\` continuation lines) of `openmcf --help` and of the --help of
//     every command and subcommand that help lists, as the built binary prints them;
//   - every ```sh block of README.md, run as one script (an `export` line sets up the next line);
//     its lines listed in EXCLUDED are left out, with the reason there;
//   - every inline code span of README.md's prose that runs openmcf (`openmcf ...`,
//     `node -- bin/openmcf.js ...`, `$(openmcf ...)`, `<(openmcf ...)`), except synopses (with
//     placeholders: `<path>`, `[name]`, `...`, `bash\|zsh`) and bare command names naming a command
//     in a sentence (`openmcf engine install`); those two kinds are checked to name a command the
//     CLI has. ```yaml blocks are configuration (the GitHub Actions matrix is a template of
//     `${{ }}` expressions), and the plain ``` block is output, not a command.
//
// Each example is matched to a RUNNER by its command text (comments and spacing aside). An example
// without one fails with a message saying to add one: a new example cannot slip in untested. Runners
// whose example is gone fail too, and so do substitutions no example uses any more.
//
// How they run (documented-examples/workspace.ts): in bash, in a working folder holding the files
// the examples name (my-api.yaml, manifests/, scaleway.yaml, deploy/, ...), with `openmcf` on PATH
// and an OPENMCF_HOME and HOME of their own; the text runs exactly as written except for the
// SUBSTITUTIONS below, each of which says why. Runs without --sandbox ("real" runners) get
// credentials of the real format and SCW_API_URL pointing at `openmcf sandbox api` (REAL_CLOUD).
// A scene is one user's machine: examples of one scene share its home, state and simulated cloud,
// in the order of RUNNERS (so `outputs` runs after the `apply` that made the outputs).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EXAMPLE_SECRETS, MANIFESTS, REPO_ROOT, parseJson } from './cloud-run.js';
import { allHelpExamples, commandPaths, normaliseCommand, readmeInlineCommands, readmeShellBlocks, type Example } from './documented-examples/collect.js';
import { lockContent, runShell, Scene, type ExampleRun } from './documented-examples/workspace.js';
import { freePort } from '../helpers/free-port.js';
import { runOpenmcf } from '../helpers/run-openmcf.js';
import { startPostgres, type PostgresServer } from '../helpers/postgres-server.js';
import { startS3, type S3Server } from '../helpers/s3-server.js';
import { readCloud } from '../../src/sandbox/store.js';
import type { ResultDocument } from '../../src/render/result-document.js';

// ---------------------------------------------------------------------------------------------
// What is left out, and why (the README lines and inline commands not run here).

const EXCLUDED: Readonly<Record<string, string>> = {
  'npm ci && npm run build && npm run quickstart':
    'installs and builds the checkout the tests run from: CI (.ci/run) runs this very line, npm ci, npm run build, then npm run quickstart, before the tests; the quickstart is `openmcf engine install` then `apply --sandbox --yes -f manifests/order-api.yaml` (scripts/quickstart.mjs), both also run here as examples',
  'npm test': 'the whole suite, this file included: CI (.ci/run) runs it',
  'npm ci': 'the Development block: installs the checkout the tests run from (CI runs it)',
  'npm run build': 'the Development block: builds the checkout the tests run from (CI runs it)',
  'node scripts/test.mjs sandbox': 'the Development block: a part of the suite CI runs in full; a test runner started from a test would run this file again',
  'openmcf preview -f my-api.yaml --sandbox --json --set spec.image.tag=v2 --set spec.memoryLimitMb=512':
    "the README's JSON example: test/e2e/readme-json.test.ts reads this command from the README, runs it after an apply and compares its whole output with the README's",
};

// ---------------------------------------------------------------------------------------------
// Substitutions: the only changes made to an example's text or environment, each with its reason.

interface Substitution {
  readonly find: string | RegExp;
  readonly why: string;
  readonly replace: (scene: Scene, text: string) => string | Promise<string>;
  /** Environment the example needs once substituted. */
  readonly env?: (scene: Scene, text: string) => Promise<Record<string, string>>;
}

const SUBSTITUTIONS: readonly Substitution[] = [
  {
    find: /s3:\/\/([a-z0-9-]+)\?endpoint=s3\.fr-par\.scw\.cloud&region=fr-par/g,
    why: 'Scaleway Object Storage -> the local S3 server (versitygw) the state-backend tests use, same bucket name; its keys as AWS_* unless the example sets them',
    replace: async (_scene, text) => {
      const s3 = await s3Server();
      return text.replace(/s3:\/\/([a-z0-9-]+)\?endpoint=s3\.fr-par\.scw\.cloud&region=fr-par/g, (_all, bucket: string) => s3.backendUrl(bucket));
    },
    env: async (_scene, text) => (text.includes('AWS_ACCESS_KEY_ID=') ? {} : (await s3Server()).env),
  },
  {
    find: 'AWS_ACCESS_KEY_ID=SCW...  AWS_SECRET_ACCESS_KEY=...',
    why: "a Scaleway API key's placeholder -> the local S3 server's keys",
    replace: async (_scene, text) => {
      const s3 = await s3Server();
      return text.replaceAll('AWS_ACCESS_KEY_ID=SCW...  AWS_SECRET_ACCESS_KEY=...', `AWS_ACCESS_KEY_ID=${s3.accessKey}  AWS_SECRET_ACCESS_KEY=${s3.secretKey}`);
    },
  },
  {
    find: 'postgres://u:pw@db:5432/state',
    why: 'a PostgreSQL host `db` -> the local PostgreSQL the state-backend tests start (its URL quoted: it has a `?`)',
    replace: async (_scene, text) => text.replaceAll('postgres://u:pw@db:5432/state', `'${(await postgresServer()).url}'`),
  },
  {
    find: 'https://example.com/my-api.yaml',
    why: 'example.com is not ours to serve from -> a local HTTP server of this test serving my-api.yaml (plain HTTP: no certificate for the CLI to trust)',
    replace: async (_scene, text) => text.replaceAll('https://example.com/my-api.yaml', `${await manifestServer()}/my-api.yaml`),
  },
  {
    find: /\b8443\b/g,
    why: "port 8443 may be taken on a shared machine -> a free port for an example that starts the API itself (`--port 8443`), else the port of the scene's running `openmcf sandbox api`",
    replace: async (scene, text) => {
      const port = /--port 8443\b/.test(text) ? String(await freePort()) : new URL(await scene.apiServer()).port;
      return text.replace(/\b8443\b/g, port);
    },
  },
  {
    find: 'curl "',
    why: "the container's domain exists only in the simulated cloud, so nothing answers it -> printf shows the URL curl would have fetched",
    replace: (_scene, text) => text.replaceAll('curl "', `printf 'curl %s\\n' "`),
  },
  {
    find: '${fpath[1]}',
    why: "zsh's first function folder; zsh is no prerequisite of the tests and bash reads ${fpath[1]} differently -> a folder in the example's HOME",
    replace: (_scene, text) => text.replaceAll('${fpath[1]}', '$HOME/.zsh/functions'),
  },
];

/** Runs without --sandbox: what a real deployment needs, pointed at the simulated cloud. */
const REAL_CLOUD = {
  why: "no Scaleway account here -> SCW_ACCESS_KEY/SCW_SECRET_KEY/SCW_DEFAULT_PROJECT_ID of the real format (a project per scene) and SCW_API_URL of `openmcf sandbox api` over the scene's simulated cloud",
  env: (scene: Scene) => scene.realCloud(),
};

// ---------------------------------------------------------------------------------------------
// Servers some substitutions need: the S3 and PostgreSQL servers of the state-backend tests (a
// temporary folder each, on a free port, stopped at the end) and a local HTTP server.

let s3: Promise<S3Server> | undefined;
let postgres: Promise<PostgresServer> | undefined;
let manifestUrl: Promise<string> | undefined;
const s3Server = (): Promise<S3Server> => (s3 ??= startS3());
const postgresServer = (): Promise<PostgresServer> => (postgres ??= startPostgres());
// Both start while the first examples run (a few seconds saved); a failure to start is reported
// by the examples that need the server.
s3Server().catch(() => undefined);
postgresServer().catch(() => undefined);
const manifestServer = (): Promise<string> =>
  (manifestUrl ??= new Promise((resolve) => {
    const server = createServer((req, res) => {
      if (req.url !== '/my-api.yaml') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/yaml' }).end(readFileSync(join(MANIFESTS, 'my-api.yaml')));
    });
    server.unref();
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  }));

// ---------------------------------------------------------------------------------------------
// Scenes: one user's machine each. Stacks of one name on two backends need two simulated clouds:
// the platform (and so the simulated cloud) refuses a second namespace of one name in a project.

type SceneName = 'main' | 'team-state' | 'postgres' | 'readme-s3' | 'shared-state' | 'readme-sandbox-api' | 'realistic-transitions' | 'readme-any-client' | 'orphans';
const scenes = new Map<SceneName, Scene>();
const sceneOf = (name: SceneName): Scene => {
  let scene = scenes.get(name);
  if (!scene) scenes.set(name, (scene = new Scene(name)));
  return scene;
};

after(async () => {
  for (const scene of scenes.values()) await scene.stop();
  await Promise.all([
    s3?.then(
      (s) => s.stop(),
      () => undefined,
    ),
    postgres?.then(
      (p) => p.stop(),
      () => undefined,
    ),
  ]);
});

// ---------------------------------------------------------------------------------------------
// The runners, in the order they run.

interface Runner {
  /** The example's command text (as normaliseCommand gives it). */
  readonly example: string;
  readonly scene?: SceneName;
  /** Without --sandbox: gets REAL_CLOUD. */
  readonly real?: true;
  /** In a new, empty working folder (`init` does not overwrite my-api.yaml). */
  readonly emptyFolder?: true;
  /** On a pseudo-terminal, with these answers to its questions. */
  readonly terminal?: ReadonlyArray<readonly [RegExp, string]>;
  /** A server in the foreground: checked while it runs, then stopped with Ctrl-C. */
  readonly whileRunning?: (stdout: string) => Promise<void>;
  /** Puts in place what the example is about (a lock a killed run left), before it runs. */
  readonly before?: (scene: Scene) => Promise<void>;
  /** Shell lines run after the example in the same shell, whose output `check` reads. */
  readonly then?: string;
  /** Exit code other than 0, and why the example has it. */
  readonly exit?: { readonly code: number; readonly why: string };
  readonly check: (run: ExampleRun, scene: Scene, folder: string) => void | Promise<void>;
}

const STACK = 'my-project/dev.ScalewayServerlessContainer.my-api';
const URL_OF_MY_API = /^https:\/\/myapi[0-9a-f]{8}-my-api\.functions\.fnc\.fr-par\.scw\.cloud$/;

/** Containers of the scene's simulated cloud, by name, with their namespace's project. */
function containers(scene: Scene): Array<{ name: string; image: string; project: string }> {
  const cloud = readCloud(scene.home.storeDir);
  return Object.values(cloud.containers).map((c) => ({ name: c.name, image: c.image, project: cloud.namespaces[c.namespace_id]?.project_id ?? '' }));
}
/** How many times the sandbox (not the scene's "real" cloud) deployed the container of that name. */
function sandboxDeployments(scene: Scene, name: string): number | undefined {
  const cloud = readCloud(scene.home.storeDir);
  return Object.values(cloud.containers).find((c) => c.name === name && cloud.namespaces[c.namespace_id]?.project_id !== scene.credentials.projectId)?._deployments;
}
const realContainers = (scene: Scene) => containers(scene).filter((c) => c.project === scene.credentials.projectId);
const sandboxContainers = (scene: Scene) => containers(scene).filter((c) => c.project !== scene.credentials.projectId);

function validates(file: string): void {
  const result = runOpenmcf(['validate', '-f', file]);
  assert.equal(result.code, 0, `${file} does not validate:\n${result.stderr}`);
}

function lockFiles(state: string): string[] {
  const root = join(state, '.pulumi', 'locks');
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else found.push(join(dir, entry.name));
    }
  };
  walk(root);
  return found;
}

/** The url output, once an example printed it: the ones after must print the same. */
let myApiUrl: string | undefined;

const RUNNERS: readonly Runner[] = [
  // --- the CLI itself --------------------------------------------------------------------------
  { example: 'openmcf version', check: (r) => assert.match(r.stdout, /^openmcf \d+\.\d+\.\d+\npulumi engine v3\.\d+\.\d+ \(pinned\)\n/) },
  { example: 'openmcf -v', check: (r) => assert.match(r.stdout, /^openmcf \d+\.\d+\.\d+\n/) },
  { example: 'openmcf --version', check: (r) => assert.match(r.stdout, /^openmcf \d+\.\d+\.\d+\n/) },
  {
    example: 'openmcf doctor',
    real: true,
    check: (r) => {
      assert.match(r.stderr, /^ok +credentials +SCW_ACCESS_KEY \/ SCW_SECRET_KEY environment variables/m);
      assert.match(r.stderr, /openmcf is ready to apply\./);
    },
  },
  { example: 'openmcf doctor --sandbox', check: (r) => assert.match(r.stderr, /^ok +credentials +sandbox [\s\S]*openmcf is ready to apply/m) },
  {
    example: 'openmcf doctor --json',
    real: true,
    check: (r) => {
      const doctor = parseJson<{ apiVersion: string; ok: boolean; sandbox: boolean }>(r.stdout);
      assert.deepEqual([doctor.apiVersion, doctor.ok, doctor.sandbox], ['openmcf.org/doctor/v1', true, false]);
    },
  },
  {
    example: 'openmcf engine install',
    check: (r) => assert.match(r.stderr + r.stdout, /pulumi v3\.274\.1 at \S+: already there[\s\S]*scaleway plugin v1\.54\.0 at \S+: already there/),
  },
  {
    example: 'OPENMCF_ENGINE_DOWNLOAD=0 openmcf engine install --json',
    check: (r) => {
      const engine = parseJson<{ apiVersion: string; version: string; plugin: { version: string } }>(r.stdout);
      assert.deepEqual([engine.apiVersion, engine.version, engine.plugin.version], ['openmcf.org/engine/v1', '3.274.1', '1.54.0']);
    },
  },

  // --- schema and completion -------------------------------------------------------------------
  {
    example: 'openmcf schema > openmcf.schema.json',
    check: (_r, scene) => assert.match(parseJson<{ $id: string }>(readFileSync(join(scene.work, 'openmcf.schema.json'), 'utf8')).$id, /ScalewayServerlessContainer/),
  },
  {
    example: 'openmcf schema --output .vscode/openmcf.schema.json',
    check: (_r, scene) => assert.match(parseJson<{ $id: string }>(readFileSync(join(scene.work, '.vscode', 'openmcf.schema.json'), 'utf8')).$id, /ScalewayServerlessContainer/),
  },
  {
    // README, "Editors".
    example: 'openmcf schema --output openmcf.schema.json',
    check: (r, scene) => {
      assert.match(r.stderr, /Wrote the manifest schema to openmcf\.schema\.json/);
      assert.equal(parseJson<{ type: string }>(readFileSync(join(scene.work, 'openmcf.schema.json'), 'utf8')).type, 'object');
    },
  },
  {
    example: 'source <(openmcf completion bash)',
    then: 'complete -p openmcf',
    check: (r) => assert.match(r.stdout, /^complete .*-F _openmcf openmcf$/m),
  },
  {
    example: 'mkdir -p ~/.local/share/bash-completion/completions && openmcf completion bash > ~/.local/share/bash-completion/completions/openmcf',
    check: (_r, scene) => {
      const file = join(scene.user, '.local', 'share', 'bash-completion', 'completions', 'openmcf');
      assert.equal(spawnSync('bash', ['-n', file]).status, 0, 'bash -n accepts the script');
      assert.match(readFileSync(file, 'utf8'), /^_openmcf\(\) \{$/m);
    },
  },
  {
    example: 'openmcf completion zsh > "${fpath[1]}/_openmcf"',
    check: (_r, scene) => assert.match(readFileSync(join(scene.user, '.zsh', 'functions', '_openmcf'), 'utf8'), /^#compdef openmcf$/m),
  },
  {
    example: 'openmcf completion fish > ~/.config/fish/completions/openmcf.fish',
    check: (_r, scene) =>
      assert.match(readFileSync(join(scene.user, '.config', 'fish', 'completions', 'openmcf.fish'), 'utf8'), /^complete -c openmcf -n __fish_use_subcommand -a apply /m),
  },

  // --- manifests offline -----------------------------------------------------------------------
  { example: 'openmcf validate -f my-api.yaml', check: (r) => assert.match(r.stderr, /1 manifest valid in 1 file/) },
  { example: 'openmcf validate my-api.yaml', check: (r) => assert.match(r.stderr, /1 manifest valid in 1 file/) },
  { example: 'openmcf validate -f manifests/order-api.yaml', check: (r) => assert.match(r.stderr, /1 manifest valid in 1 file/) },
  { example: 'openmcf validate manifests/order-api.yaml', check: (r) => assert.match(r.stderr, /1 manifest valid in 1 file/) },
  { example: 'openmcf validate -f manifests/', check: (r) => assert.match(r.stderr, /4 manifests valid in 4 files/) },
  { example: 'openmcf validate -f https://example.com/my-api.yaml', check: (r) => assert.match(r.stderr, /1 manifest valid in 1 file/) },
  { example: 'openmcf validate --kustomize-dir deploy --overlay prod', check: (r) => assert.match(r.stderr, /1 manifest valid/) },
  { example: 'openmcf validate --kustomize-dir test/fixtures/kustomize --overlay prod', check: (r) => assert.match(r.stderr, /1 manifest valid/) },
  { example: 'cat my-api.yaml | openmcf validate -f -', check: (r) => assert.match(r.stderr, /1 manifest valid/) },
  {
    // jq fails (exit 5, and so the example) unless stdout is JSON with a diagnostics list; the
    // bundled manifests have no problem, so it prints none.
    example: "openmcf validate -f manifests/ --json | jq '.diagnostics[] | .message'",
    check: (r) => assert.equal(r.stdout, ''),
  },
  { example: 'openmcf load -f manifests/order-api.yaml', check: (r) => loadedOrderApi(r.stdout) },
  { example: 'openmcf load manifests/order-api.yaml', check: (r) => loadedOrderApi(r.stdout) },
  {
    example: "openmcf load -f manifests/ --json | jq '.manifests[].manifest.spec.port'",
    check: (r) => assert.deepEqual(r.stdout.trim().split('\n').sort(), ['50051', '8080', '8080', '8080']),
  },
  {
    example: 'openmcf load -f my-api.yaml --set spec.image.tag=v2 --show-secrets',
    check: (r) => {
      const loaded = parse(r.stdout) as { spec: { image: { tag: string }; memoryLimitMb: number } };
      assert.deepEqual([loaded.spec.image.tag, loaded.spec.memoryLimitMb], ['v2', 256]);
    },
  },
  {
    example: 'openmcf init my-api.yaml --name my-api',
    emptyFolder: true,
    check: (r, _scene, folder) => {
      assert.match(r.stderr, /Created my-api\.yaml/);
      validates(join(folder, 'my-api.yaml'));
    },
  },
  {
    example: 'openmcf init',
    emptyFolder: true,
    terminal: [
      [/Name \(lowercase letters, digits, dashes\) \[my-api\]: /, ''],
      [/Region \(fr-par, nl-ams, pl-waw\) \[fr-par\]: /, 'nl-ams'],
      [/Image \(<registry>\/<name>:<tag>\) \[\S+\]: /, ''],
      [/Privacy \(public, private\) \[public\]: /, 'private'],
    ],
    check: (_r, _scene, folder) => {
      const file = join(folder, 'my-api.yaml');
      const starter = parse(readFileSync(file, 'utf8')) as { spec: { region: string; privacy: string } };
      assert.deepEqual([starter.spec.region, starter.spec.privacy], ['nl-ams', 'private'], 'the answers are in the manifest');
      validates(file);
    },
  },
  {
    example: 'openmcf init my-api.yaml --name my-api --region nl-ams --image rg.nl-ams.scw.cloud/acme/my-api:v1.0.0 --privacy private',
    emptyFolder: true,
    check: (_r, _scene, folder) => {
      const file = join(folder, 'my-api.yaml');
      const starter = parse(readFileSync(file, 'utf8')) as { spec: { region: string; privacy: string; image: object } };
      assert.deepEqual(starter.spec.image, { registryEndpoint: { value: 'rg.nl-ams.scw.cloud/acme' }, name: 'my-api', tag: 'v1.0.0' });
      validates(file);
    },
  },
  {
    example: 'openmcf init - --name my-api > my-api.yaml',
    emptyFolder: true,
    check: (_r, _scene, folder) => {
      assert.match(readFileSync(join(folder, 'my-api.yaml'), 'utf8'), /^ {2}name: my-api$/m);
      validates(join(folder, 'my-api.yaml'));
    },
  },

  // --- the simulated API for other tools -------------------------------------------------------
  {
    example: 'openmcf sandbox api',
    whileRunning: (stdout) => servesTheApi(stdout, /^http:\/\/127\.0\.0\.1:\d+$/),
    check: (r) => assert.match(r.stderr, /GET \/containers\/v1\/regions\/fr-par\/namespaces 200/),
  },
  {
    example: 'openmcf sandbox api --port 8443',
    whileRunning: (stdout) => servesTheApi(stdout, /^http:\/\/127\.0\.0\.1:\d+$/),
    check: (r) => assert.equal(r.stdout.split('\n')[0], `http://127.0.0.1:${/--port (\d+)/.exec(r.script)?.[1]}`, 'it listens on the port asked for'),
  },
  {
    example: 'openmcf sandbox api --transitions realistic:2000',
    // Its own simulated cloud: the namespace it makes is no other example's business.
    scene: 'realistic-transitions',
    whileRunning: async (stdout) => {
      await servesTheApi(stdout, /^http:\/\/127\.0\.0\.1:\d+$/);
      const base = `${stdout.split('\n')[0]}/containers/v1/regions/fr-par/namespaces`;
      const headers = { 'X-Auth-Token': '11111111-2222-4333-8444-555555555555', 'Content-Type': 'application/json' };
      const created = (await (
        await fetch(base, { method: 'POST', headers, body: JSON.stringify({ name: 'waits', project_id: '66666666-7777-4888-8999-000000000000' }) })
      ).json()) as { id: string };
      const read = (await (await fetch(`${base}/${created.id}`, { headers })).json()) as { status: string };
      assert.equal(read.status, 'creating', 'a read within the 2 s still answers creating');
    },
    check: (r) => assert.match(r.stderr, /transitions last 2000 ms/),
  },

  // --- the real path (no --sandbox), against the scene's simulated cloud -------------------------
  { example: 'openmcf preview -f my-api.yaml', real: true, check: (r) => assert.match(r.stdout, /my-api: 2 to create/) },
  {
    example: 'openmcf preview -f manifests/ --detailed-exitcode',
    real: true,
    exit: { code: 2, why: 'nothing of manifests/ is deployed yet: there are changes' },
    check: (r) => assert.match(r.stdout, /Total: 10 to create in 4 stacks/),
  },
  {
    example: 'openmcf preview -f manifests/ --shard 2/4 --detailed-exitcode',
    real: true,
    exit: { code: 2, why: 'its part (my-api) is not deployed yet: there are changes' },
    check: (r) => {
      assert.match(r.stderr, /^shard 2\/4 \(1 of 4 documents\)$/m);
      assert.match(r.stdout, /my-api: 2 to create/);
    },
  },
  {
    example: 'openmcf apply -f my-api.yaml',
    real: true,
    terminal: [[/Apply these changes to stack \S+my-api \(2 to create\)\? \[y\/N\] /, 'y']],
    check: (r, scene) => {
      assert.match(r.stderr, /my-api: 2 created/);
      assert.deepEqual(
        realContainers(scene).map((c) => c.name),
        ['my-api'],
      );
    },
  },
  { example: 'openmcf import -f my-api.yaml', real: true, check: (r) => assert.match(r.stderr, /my-api: already in the stack: namespace, container/) },
  {
    example: 'openmcf apply -f manifests/ --yes --json > result.json',
    real: true,
    check: (r, scene) => {
      assert.equal(r.stdout, '', 'the document went to result.json');
      const result = parseJson<ResultDocument>(readFileSync(join(scene.work, 'result.json'), 'utf8'));
      assert.deepEqual(result.results.map((s) => [s.manifest.name, s.status]).sort(), [
        ['data-pipeline', 'succeeded'],
        ['inference-grpc', 'succeeded'],
        ['my-api', 'unchanged'],
        ['order-api', 'succeeded'],
      ]);
      for (const secret of EXAMPLE_SECRETS) assert.ok(!r.stderr.includes(secret) && !r.stdout.includes(secret), `a secret of manifests/ was printed: ${secret}`);
    },
  },
  {
    example: 'openmcf apply -f my-api.yaml -p scaleway.yaml --set spec.image.tag=v2 --yes',
    real: true,
    check: (_r, scene) =>
      assert.deepEqual(
        realContainers(scene)
          .filter((c) => c.name === 'my-api')
          .map((c) => c.image),
        ['rg.fr-par.scw.cloud/my-registry/my-api:v2'],
      ),
  },
  {
    example: 'SCW_API_URL=http://127.0.0.1:8443 openmcf apply -f my-api.yaml --yes',
    real: true,
    check: (_r, scene) =>
      assert.deepEqual(
        realContainers(scene)
          .filter((c) => c.name === 'my-api')
          .map((c) => c.image),
        ['rg.fr-par.scw.cloud/my-registry/my-api:latest'],
      ),
  },
  { example: 'openmcf refresh -f my-api.yaml', real: true, check: (r) => (assert.match(r.stderr, /read container/), assert.match(r.stdout, /my-api: no changes \(2 unchanged\)/)) },
  {
    example: 'openmcf refresh -f manifests/ --detailed-exitcode',
    real: true,
    check: (r) => {
      assert.doesNotMatch(r.stdout + r.stderr, /Drift in/, 'nothing changed outside openmcf: exit 0');
      assert.match(r.stdout, /Total: no changes/);
    },
  },
  {
    example: 'openmcf outputs -f my-api.yaml url',
    real: true,
    check: (r) => {
      myApiUrl = r.stdout.trim();
      assert.match(myApiUrl, URL_OF_MY_API);
    },
  },
  { example: 'openmcf outputs -f my-api.yaml', real: true, check: (r) => assert.match(r.stdout, new RegExp(`^url: +${escape(myApiUrl)}$`, 'm')) },
  { example: 'curl "$(openmcf outputs -f my-api.yaml url)/health"', real: true, check: (r) => assert.equal(r.stdout, `curl ${myApiUrl}/health\n`) },
  { example: 'curl "$(openmcf outputs -f my-api.yaml url)"', real: true, check: (r) => assert.equal(r.stdout, `curl ${myApiUrl}\n`) },
  { example: 'eval "$(openmcf outputs -f my-api.yaml --shell)"; echo "$url"', real: true, check: (r) => assert.equal(r.stdout, `${myApiUrl}\n`) },
  { example: "openmcf outputs -f my-api.yaml --json | jq -r '.results[0].outputs.url'", real: true, check: (r) => assert.equal(r.stdout, `${myApiUrl}\n`) },
  {
    example: 'openmcf cancel -f my-api.yaml',
    real: true,
    before: async (scene) => void scene.plantLock(join(scene.home.dir, 'state'), STACK),
    terminal: [[/Release the lock of stack \S+my-api\? .*\[y\/N\] /, 'y']],
    check: (r, scene) => {
      assert.match(r.stderr, /released the lock of stack my-org\/my-project\/dev\.ScalewayServerlessContainer\.my-api/);
      assert.deepEqual(lockFiles(join(scene.home.dir, 'state')), []);
    },
  },
  {
    example: 'openmcf destroy -f my-api.yaml',
    real: true,
    terminal: [[/Destroy 2 resources in stack \S+my-api\? .*\[y\/N\] /, 'y']],
    check: (_r, scene) => assert.ok(!realContainers(scene).some((c) => c.name === 'my-api'), 'my-api is gone from the cloud'),
  },
  {
    example: 'openmcf destroy -f manifests/ --yes',
    real: true,
    check: (_r, scene) => assert.deepEqual(realContainers(scene), [], 'everything manifests/ deployed is gone'),
  },

  // --- the sandbox -----------------------------------------------------------------------------
  {
    example: 'openmcf apply -f my-api.yaml --sandbox --yes',
    check: (r, scene) => {
      assert.match(r.stdout, /my-api: 2 created/);
      assert.match(r.stderr, /sandbox: nothing real was deployed/);
      assert.deepEqual(
        sandboxContainers(scene).map((c) => c.name),
        ['my-api'],
      );
    },
  },
  { example: 'openmcf apply -f my-api.yaml --sandbox --yes --skip-preview', check: (r) => assert.match(r.stdout, /my-api: no changes/) },
  {
    example: 'openmcf preview -f my-api.yaml --sandbox > plan.txt',
    check: (r, scene) => {
      const plan = readFileSync(join(scene.work, 'plan.txt'), 'utf8');
      assert.match(plan, /^Preview of my-api /m);
      assert.match(plan, /my-api: no changes/);
      assert.doesNotMatch(plan, /sandbox: nothing real was deployed/, 'notes stay on stderr');
      assert.match(r.stderr, /sandbox: nothing real was deployed/);
    },
  },
  {
    // README, "--redeploy": the preview says it and counts it (exit 0 without --detailed-exitcode),
    // the apply deploys the same image a second time.
    example: `openmcf preview -f my-api.yaml --sandbox --redeploy
openmcf apply -f my-api.yaml --sandbox --yes --redeploy`,
    check: (r, scene) => {
      assert.match(r.stdout + r.stderr, /--redeploy: apply deploys the container again with the same image \(my-api:latest\)/);
      assert.match(r.stdout + r.stderr, /my-api: 1 to update/);
      assert.match(r.stdout + r.stderr, /--redeploy: deploying the container again/);
      assert.equal(sandboxDeployments(scene, 'my-api'), 2, 'deployed a second time');
    },
  },
  {
    // apply --help.
    example: 'openmcf apply -f my-api.yaml --sandbox --yes --redeploy',
    check: (r, scene) => {
      assert.match(r.stdout + r.stderr, /--redeploy: deploying the container again/);
      assert.equal(sandboxDeployments(scene, 'my-api'), 3, 'deployed a third time');
    },
  },
  {
    // README, "Saved plans".
    example: `openmcf preview -f my-api.yaml --sandbox --save-plan plan.json
openmcf apply --plan plan.json`,
    check: (r, scene) => {
      assert.match(r.stderr, /plan saved to plan\.json/);
      assert.match(r.stdout + r.stderr, /my-api: no changes/);
      assert.equal(parseJson<{ apiVersion: string }>(readFileSync(join(scene.work, 'plan.json'), 'utf8')).apiVersion, 'openmcf.org/plan/v1');
    },
  },
  {
    // The --help of preview and apply.
    example: 'openmcf preview -f my-api.yaml --sandbox --save-plan plan.json',
    check: (r, scene) => {
      assert.match(r.stderr, /plan saved to plan\.json/);
      assert.equal(parseJson<{ apiVersion: string }>(readFileSync(join(scene.work, 'plan.json'), 'utf8')).apiVersion, 'openmcf.org/plan/v1');
    },
  },
  { example: 'openmcf apply --plan plan.json', check: (r) => assert.match(r.stdout + r.stderr, /my-api: no changes/) },
  {
    // README, "Adopting what exists": everything is in the stack already here.
    example: 'openmcf import -f my-api.yaml --sandbox',
    check: (r) => assert.match(r.stdout + r.stderr, /my-api: already in the stack: namespace, container/),
  },
  {
    example: 'openmcf import -f my-api.yaml --sandbox --json',
    check: (r) => assert.equal(parseJson<ResultDocument>(r.stdout).results[0]?.status, 'unchanged'),
  },
  { example: 'openmcf outputs -f my-api.yaml --sandbox url', check: (r) => assert.match(r.stdout.trim(), URL_OF_MY_API) },
  { example: 'openmcf outputs --stack my-org/my-project/dev.ScalewayServerlessContainer.my-api --sandbox url', check: (r) => assert.match(r.stdout.trim(), URL_OF_MY_API) },
  { example: 'openmcf status -f my-api.yaml --sandbox', check: (r) => assert.match(r.stdout, /^my-api \(stack \S+\): healthy$/m) },
  { example: 'openmcf status -f my-api.yaml --sandbox --probe', check: (r) => assert.match(r.stdout, /^ {2}probe +GET https:\/\/\S+ -> HTTP 200 in \d+ ms$/m) },
  { example: "openmcf status -f my-api.yaml --sandbox --json | jq -r '.results[0].container.status'", check: (r) => assert.equal(r.stdout, 'ready\n') },
  {
    example: 'openmcf stacks --sandbox',
    check: (r) => assert.match(r.stdout, /^organization\/my-project\/dev\.ScalewayServerlessContainer\.my-api +\d+ +\d{4}-.* succeeded \(update\)$/m),
  },
  {
    example: 'openmcf stacks -f manifests/ --sandbox',
    check: (r) => assert.match(r.stdout, /^organization\/my-project\/dev\.ScalewayServerlessContainer\.my-api .* manifests\/my-api\.yaml$/m),
  },
  {
    example: "openmcf stacks --sandbox --json | jq -r '.stacks[].stack'",
    check: (r) => assert.equal(r.stdout, 'organization/my-project/dev.ScalewayServerlessContainer.my-api\n'),
  },
  {
    example: "openmcf preview -f my-api.yaml --sandbox --json | jq '.results[0].changes'",
    check: (r) => assert.deepEqual(parseJson(r.stdout), { create: 0, update: 0, replace: 0, delete: 0, same: 2 }),
  },
  { example: 'openmcf refresh -f my-api.yaml --sandbox --clear-pending-creates', check: (r) => assert.match(r.stdout, /my-api: no changes \(2 unchanged\)/) },
  {
    example: 'openmcf cancel -f my-api.yaml --sandbox --yes',
    before: async (scene) => void scene.plantLock(join(scene.home.dir, 'sandbox', 'state'), STACK),
    check: (r, scene) => {
      assert.match(r.stderr, /released the lock of stack my-org\/my-project\/dev\.ScalewayServerlessContainer\.my-api/);
      assert.deepEqual(lockFiles(join(scene.home.dir, 'sandbox', 'state')), []);
    },
  },
  {
    example: 'openmcf outputs -f my-api.yaml --sandbox --show-secrets',
    check: (r) => assert.match(r.stdout, /^url: +https:\/\/myapi[0-9a-f]{8}-my-api\.functions\.fnc\.fr-par\.scw\.cloud$/m),
  },
  {
    // The stack from its state alone; the next example then finds it empty and removes it.
    example: 'openmcf destroy --stack my-org/my-project/dev.ScalewayServerlessContainer.my-api --sandbox --yes',
    check: (r, scene) => {
      assert.match(r.stdout, /my-api: 2 deleted/);
      assert.deepEqual(sandboxContainers(scene), []);
    },
  },
  {
    example: 'openmcf destroy -f my-api.yaml --sandbox --yes --remove',
    check: (_r, scene) => {
      assert.deepEqual(sandboxContainers(scene), []);
      const stacks = join(scene.home.dir, 'sandbox', 'state', '.pulumi', 'stacks', 'my-project');
      assert.ok(!existsSync(join(stacks, 'dev.ScalewayServerlessContainer.my-api.json')), '--remove deleted the stack (the engine keeps a .bak)');
    },
  },
  {
    // README, first section: the quickstart by hand.
    example: 'node -- bin/openmcf.js apply --sandbox --yes -f manifests/order-api.yaml',
    check: (r, scene) => {
      assert.match(r.stdout, /order-api: 2 created/);
      assert.deepEqual(
        sandboxContainers(scene).map((c) => c.name),
        ['order-api'],
      );
      for (const secret of EXAMPLE_SECRETS) assert.ok(!r.stderr.includes(secret) && !r.stdout.includes(secret), `a secret was printed: ${secret}`);
    },
  },

  // --- orphaned stacks, on a machine of their own (the README's example deletes a manifest) -------
  {
    example: 'openmcf apply -f manifests/ --sandbox --yes --prune',
    scene: 'orphans',
    check: (r, scene) => {
      assert.match(r.stderr, /prune: no orphaned stacks/);
      assert.deepEqual(
        sandboxContainers(scene)
          .map((c) => c.name)
          .sort(),
        ['data-pipeline', 'inference-grpc', 'my-api', 'order-api'],
      );
    },
  },
  {
    // README, "Orphaned stacks and live status".
    example: `openmcf apply -f manifests/ --sandbox --yes
rm manifests/inference-grpc.yaml
openmcf stacks -f manifests/ --sandbox
openmcf apply -f manifests/ --sandbox --yes --prune
openmcf status -f manifests/ --sandbox --probe`,
    scene: 'orphans',
    check: (r, scene) => {
      assert.match(r.stdout, /^organization\/my-project\/prod\.ScalewayServerlessContainer\.inference-grpc .* ORPHAN$/m);
      assert.match(r.stderr, /Prune destroys 1 orphaned stack/);
      assert.deepEqual(
        sandboxContainers(scene)
          .map((c) => c.name)
          .sort(),
        ['data-pipeline', 'my-api', 'order-api'],
      );
      assert.equal(r.stdout.match(/: healthy$/gm)?.length, 3, 'status: the three left are healthy');
      assert.equal(r.stdout.match(/-> HTTP 200 in \d+ ms$/gm)?.length, 3, 'and each answered the probe');
    },
  },

  // --- other state backends, each on a machine of its own --------------------------------------
  {
    example: "openmcf apply -f manifests/ --shard 1/4 --lock-wait 10m --yes --backend 's3://team-state?endpoint=s3.fr-par.scw.cloud&region=fr-par'",
    scene: 'team-state',
    real: true,
    check: async (r) => {
      assert.match(r.stderr, /shard 1\/4 \(2 of 4 documents\)/);
      const stacks = (await s3Server())
        .objects('team-state')
        .map((o) => o.key)
        .filter((k) => k.startsWith('.pulumi/stacks/'));
      assert.deepEqual(stacks.filter((k) => k.endsWith('.json')).sort(), [
        '.pulumi/stacks/my-project/dev.ScalewayServerlessContainer.order-api.json',
        '.pulumi/stacks/my-project/prod.ScalewayServerlessContainer.data-pipeline.json',
      ]);
    },
  },
  {
    example: "openmcf cancel -f my-api.yaml --backend 's3://team-state?endpoint=s3.fr-par.scw.cloud&region=fr-par' --yes",
    scene: 'team-state',
    real: true,
    // The stack of my-api in that bucket, and the lock a killed run left on it.
    before: async (scene) => {
      const server = await s3Server();
      const applied = await runShell(`openmcf apply -f my-api.yaml --yes --backend '${server.backendUrl('team-state')}'`, {
        cwd: scene.work,
        env: scene.env({ ...server.env, ...(await scene.realCloud()) }),
      });
      assert.equal(applied.code, 0, applied.stderr);
      server.put('team-state', `.pulumi/locks/organization/${STACK}/0b8f2a43-1f3e-4c2d-9a7b-5e6f7a8b9c0d.json`, lockContent());
    },
    check: async (r) => {
      assert.match(r.stderr, /released the lock of stack my-org\/my-project\/dev\.ScalewayServerlessContainer\.my-api/);
      assert.deepEqual(
        (await s3Server()).objects('team-state').filter((o) => o.key.startsWith('.pulumi/locks/')),
        [],
      );
    },
  },
  {
    example: 'openmcf apply -f my-api.yaml --sandbox --backend postgres://u:pw@db:5432/state --yes',
    scene: 'postgres',
    check: async (r) => {
      assert.match(r.stdout, /my-api: 2 created/);
      assert.match((await postgresServer()).query('SELECT key FROM pulumi_state'), /dev\.ScalewayServerlessContainer\.my-api/);
    },
  },
  {
    // README, "State backends": Scaleway Object Storage shared by a team.
    example: `export AWS_ACCESS_KEY_ID=SCW... AWS_SECRET_ACCESS_KEY=...
export PULUMI_CONFIG_PASSPHRASE_FILE=~/team-passphrase
openmcf apply -f manifests/ --yes --backend 's3://my-team-state?endpoint=s3.fr-par.scw.cloud&region=fr-par'`,
    scene: 'readme-s3',
    real: true,
    check: async (r, scene) => {
      assert.match(r.stdout, /Total: 10 created in 4 stacks/);
      assert.equal(realContainers(scene).length, 4);
      assert.ok(!existsSync(join(scene.home.dir, 'passphrase')), 'the team passphrase file was used, none generated');
      const objects = (await s3Server()).objects('my-team-state');
      assert.equal(objects.filter((o) => /^\.pulumi\/stacks\/my-project\/[^/]+\.json$/.test(o.key)).length, 4);
      for (const secret of EXAMPLE_SECRETS) assert.ok(!objects.some((o) => o.text.includes(secret)), `a secret stored in plain text: ${secret}`);
    },
  },
  {
    // README, "Trying it without an account".
    example: 'mkdir -p shared-state && openmcf apply -f manifests/my-api.yaml --sandbox --backend file://$PWD/shared-state --yes',
    scene: 'shared-state',
    check: (r, scene) => {
      assert.match(r.stdout, /my-api: 2 created/);
      assert.ok(existsSync(join(scene.work, 'shared-state', '.pulumi', 'stacks', 'my-project', 'dev.ScalewayServerlessContainer.my-api.json')));
    },
  },
  {
    // README, "The sandbox": the API for other tools, and openmcf without --sandbox against it.
    example: `openmcf sandbox api --port 8443 &
mkdir -p .state
SCW_ACCESS_KEY=SCWXXXXXXXXXXXXXXXXX SCW_SECRET_KEY=11111111-2222-4333-8444-555555555555 SCW_DEFAULT_PROJECT_ID=66666666-7777-4888-8999-000000000000 SCW_API_URL=http://127.0.0.1:8443 openmcf apply -f manifests/my-api.yaml --backend file://$PWD/.state --yes`,
    scene: 'readme-sandbox-api',
    check: (r, scene) => {
      assert.match(r.stdout, /my-api: 2 created/);
      assert.ok(!r.stderr.includes('sandbox: nothing real was deployed'), 'the normal path, not a sandbox run');
      assert.deepEqual(
        containers(scene).map((c) => [c.name, c.project]),
        [['my-api', '66666666-7777-4888-8999-000000000000']],
      );
      assert.ok(existsSync(join(scene.work, '.state', '.pulumi', 'stacks', 'my-project', 'dev.ScalewayServerlessContainer.my-api.json')));
    },
  },
  {
    // README, "The sandbox": any HTTP client (the Scaleway CLI sends trigger_type=unknown_source_type).
    example: `openmcf sandbox api --port 8443 &
curl -s --retry 10 --retry-connrefused --retry-delay 1 -H 'X-Auth-Token: 11111111-2222-4333-8444-555555555555' 'http://127.0.0.1:8443/containers/v1/regions/fr-par/triggers?trigger_type=unknown_source_type&page=1'`,
    scene: 'readme-any-client',
    check: (r) => assert.deepEqual(JSON.parse(r.stdout.split('\n').find((line) => line.startsWith('{')) ?? 'null'), { triggers: [], total_count: 0 }),
  },
];

function loadedOrderApi(stdout: string): void {
  const loaded = parse(stdout.replace(/^---\n/, '')) as { spec: { memoryLimitMb: number; env: { secrets: Array<{ value: string }> } } };
  assert.equal(loaded.spec.memoryLimitMb, 512);
  for (const secret of EXAMPLE_SECRETS) assert.ok(!stdout.includes(secret), `load printed a secret without --show-secrets: ${secret}`);
}

async function servesTheApi(stdout: string, url: RegExp): Promise<void> {
  const base = stdout.split('\n')[0] as string;
  assert.match(base, url);
  const listed = await fetch(`${base}/containers/v1/regions/fr-par/namespaces`, { headers: { 'X-Auth-Token': '11111111-2222-4333-8444-555555555555' } });
  assert.equal(listed.status, 200);
  assert.deepEqual(await listed.json(), { namespaces: [], total_count: 0 });
}

function escape(text: string | undefined): string {
  assert.ok(text, 'the url output was read by an earlier example');
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------
// Collecting, then the tests.

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const commands = await commandPaths();
const excludedKeys = new Set(Object.keys(EXCLUDED).map(normaliseCommand));
const blocks = readmeShellBlocks(readme, excludedKeys);
const inline = readmeInlineCommands(readme, commands);
const examples: Example[] = [
  ...(await allHelpExamples()),
  ...blocks.flatMap((b) => (b.example ? [b.example] : [])),
  ...inline.filter((c) => c.kind === 'example').map((c) => ({ key: normaliseCommand(c.text), text: c.text, source: c.source })),
];
/** Examples of one text run once; every place that documents it is named. */
const byKey = new Map<string, Example[]>();
for (const example of examples) {
  if (excludedKeys.has(example.key)) continue;
  byKey.set(example.key, [...(byKey.get(example.key) ?? []), example]);
}

test('every documented example has a runner, and every runner, exclusion and substitution is still needed', () => {
  const runnerKeys = new Set(RUNNERS.map((r) => normaliseCommand(r.example)));
  const missing = [...byKey].filter(([key]) => !runnerKeys.has(key)).map(([key, found]) => `  ${key}   (${found.map((e) => e.source).join(', ')})`);
  assert.deepEqual(
    missing,
    [],
    `examples without a runner: add one to RUNNERS in test/e2e/documented-examples.test.ts (and to SUBSTITUTIONS if it names something that does not exist here):\n${missing.join('\n')}`,
  );
  const stale = [...runnerKeys].filter((key) => !byKey.has(key));
  assert.deepEqual(stale, [], 'runners whose example is documented nowhere any more: remove them');
  const documented = new Set([...examples.map((e) => e.key), ...blocks.flatMap((b) => b.excluded)]);
  assert.deepEqual(
    [...excludedKeys].filter((key) => !documented.has(key)),
    [],
    'exclusions of lines the README no longer has: remove them',
  );
  const texts = [...byKey.values()].map((found) => (found[0] as Example).text);
  const unused = SUBSTITUTIONS.filter((s) => !texts.some((t) => (typeof s.find === 'string' ? t.includes(s.find) : new RegExp(s.find.source).test(t)))).map((s) => String(s.find));
  assert.deepEqual(unused, [], 'substitutions no example needs any more: remove them');
  assert.ok(existsSync(join(REPO_ROOT, 'test', 'e2e', 'readme-json.test.ts')), "the README's JSON example is run by test/e2e/readme-json.test.ts");
});

test('the README names only commands the CLI has, in its synopses and references', () => {
  for (const command of inline.filter((c) => c.kind !== 'example')) {
    assert.ok(command.words.length > 0, `${command.source}: \`${command.text}\` names no command of \`openmcf --help\``);
  }
  assert.ok(
    blocks.some((b) => b.example),
    'the README has ```sh blocks to run',
  );
});

for (const runner of RUNNERS) {
  const key = normaliseCommand(runner.example);
  const found = byKey.get(key);
  if (!found) continue; // reported by the first test
  const sceneName = runner.scene ?? 'main';
  const expected = runner.exit?.code ?? 0;
  const name = `${key.replace(/\n/g, ' ; ')}   [${found.map((e) => e.source).join(', ')}]${expected !== 0 ? ` exits ${expected}: ${runner.exit?.why}` : ''}`;
  test(name, async () => {
    const scene = sceneOf(sceneName);
    const example = found[0] as Example;
    let script = example.text;
    let env: Record<string, string> = runner.real ? await REAL_CLOUD.env(scene) : {};
    for (const substitution of SUBSTITUTIONS) {
      const applies = typeof substitution.find === 'string' ? script.includes(substitution.find) : new RegExp(substitution.find.source).test(script);
      if (!applies) continue;
      const original = script;
      script = await substitution.replace(scene, script);
      if (substitution.env) env = { ...env, ...(await substitution.env(scene, original)) };
    }
    if (runner.then) script = `${script}\n${runner.then}`;
    await runner.before?.(scene);
    const folder = runner.emptyFolder ? scene.emptyFolder() : scene.work;
    const run = await runShell(script, {
      cwd: folder,
      env: scene.env(env),
      ...(runner.terminal ? { terminal: runner.terminal } : {}),
      ...(runner.whileRunning ? { foreground: { ready: /^http:\/\/\S+\n/, whileRunning: runner.whileRunning } } : {}),
    });
    assert.equal(run.code, expected, `\`${run.script}\` exited ${run.code}, not ${expected}:\n${run.stderr}\n${run.stdout}`);
    await runner.check(run, scene, folder);
  });
}
