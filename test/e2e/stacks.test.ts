// Orphaned stacks through the built binary on the real engine and the sandbox: `stacks` lists the
// backend's stacks (and marks those no manifest names), `preview` of a folder lists them,
// `outputs` and `destroy` take `--stack` alone, and `apply --prune` destroys them once the whole
// apply succeeded. PostgreSQL: stacks-postgres.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudHome, manifest, parseJson } from './cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-stacks-');
const folder = join(home.dir, 'fleet');
const base = readFileSync(manifest('my-api'), 'utf8');
const write = (name: string): void => writeFileSync(join(folder, `${name}.yaml`), base.replaceAll('my-api', name));
const engineName = (name: string): string => `organization/my-project/dev.ScalewayServerlessContainer.${name}`;
const fqdn = (name: string): string => `my-org/my-project/dev.ScalewayServerlessContainer.${name}`;
const stackFile = (name: string): string => join(home.dir, 'sandbox', 'state', '.pulumi', 'stacks', 'my-project', `dev.ScalewayServerlessContainer.${name}.json`);
const containerNames = (): string[] =>
  Object.values(home.cloud().containers)
    .map((c) => c.name)
    .sort();

interface StacksDocument {
  apiVersion: string;
  exitCode: number;
  backend: string;
  stacks: Array<{
    stack: string;
    project: string;
    name: string;
    resourceCount?: number;
    lastUpdate?: string;
    lastOperation?: string;
    result?: string;
    manifest?: { file: string; name: string };
    orphan?: boolean;
  }>;
  orphans?: string[];
}

test.before(() => {
  mkdirSync(folder, { recursive: true });
  write('svc-a');
  write('svc-b');
  const applied = home.run(['apply', '-f', folder, '--sandbox', '--yes']);
  assert.equal(applied.code, 0, applied.stderr);
  // svc-b is renamed to svc-c: its manifest goes, its stack and container stay.
  rmSync(join(folder, 'svc-b.yaml'));
  write('svc-c');
});

test('stacks lists every stack of the backend with its resource count, last update and result', () => {
  const result = home.run(['stacks', '--sandbox', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const document = parseJson<StacksDocument>(result.stdout);
  assert.equal(document.apiVersion, 'openmcf.org/stacks/v1');
  assert.match(document.backend, /^file:\/\/.*\/sandbox\/state$/);
  assert.deepEqual(
    document.stacks.map((s) => s.stack),
    [engineName('svc-a'), engineName('svc-b')],
  );
  for (const stack of document.stacks) {
    assert.equal(stack.project, 'my-project');
    assert.ok((stack.resourceCount ?? 0) >= 2, `the namespace and the container at least: ${JSON.stringify(stack)}`);
    assert.ok(!Number.isNaN(Date.parse(stack.lastUpdate ?? '')), `a last update time: ${JSON.stringify(stack)}`);
    assert.deepEqual([stack.lastOperation, stack.result], ['update', 'succeeded']);
    assert.equal(stack.orphan, undefined, 'no manifests given: nothing is called an orphan');
  }
  const human = home.run(['stacks', '--sandbox']);
  assert.equal(human.code, 0, human.stderr);
  assert.match(human.stdout, /^STACK +RESOURCES +LAST UPDATE +RESULT$/m);
  assert.match(human.stdout, new RegExp(`^${engineName('svc-a').replace(/\./g, '\\.')} +\\d+ +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC +succeeded \\(update\\)$`, 'm'));
});

test('stacks -f marks the stack no manifest names any more as an orphan, and says how to remove it', () => {
  const result = home.run(['stacks', '-f', folder, '--sandbox', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const document = parseJson<StacksDocument>(result.stdout);
  assert.deepEqual(document.orphans, [engineName('svc-b')]);
  const a = document.stacks.find((s) => s.stack === engineName('svc-a'));
  assert.deepEqual([a?.orphan, a?.manifest?.name], [false, 'svc-a']);
  assert.equal(document.stacks.find((s) => s.stack === engineName('svc-b'))?.orphan, true);
  const human = home.run(['stacks', '-f', folder, '--sandbox']);
  assert.match(human.stdout, new RegExp(`^${engineName('svc-b').replace(/\./g, '\\.')} .* ORPHAN$`, 'm'));
  assert.match(human.stderr, /1 orphaned stack: .*no manifest names it/);
  assert.match(human.stderr, new RegExp(`openmcf destroy --stack ${engineName('svc-b').replace(/\./g, '\\.')} --sandbox --yes`));
});

test('preview of a folder lists its orphans, in --json too', () => {
  const result = home.run(['preview', '-f', folder, '--sandbox', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const document = parseJson<ResultDocument>(result.stdout);
  assert.deepEqual(document.orphans, [{ stack: engineName('svc-b'), project: 'my-project', name: 'dev.ScalewayServerlessContainer.svc-b' }]);
  assert.match(result.stderr, /1 orphaned stack in these manifests' projects and environments/);
  assert.match(result.stderr, /--prune` destroys it/);
  const file = home.run(['preview', '-f', join(folder, 'svc-a.yaml'), '--sandbox', '--json']);
  assert.equal(parseJson<ResultDocument>(file.stdout).orphans, undefined, 'a single file is not a folder: no orphan scan');
});

test('outputs --stack reads a stack without its manifest, and says its status is as of the last run', () => {
  const result = home.run(['outputs', '--stack', fqdn('svc-b'), '--sandbox', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const [entry] = parseJson<ResultDocument>(result.stdout).results;
  assert.equal(entry?.manifest.file, '--stack');
  assert.equal(entry?.stack, fqdn('svc-b'));
  assert.match(String(entry?.outputs?.url), /^https:\/\/\S+-svc-b\.functions\.fnc\.fr-par\.scw\.cloud$/);
  assert.ok(!Number.isNaN(Date.parse(entry?.statusAsOf ?? '')), `statusAsOf: ${entry?.statusAsOf}`);
  const human = home.run(['outputs', '--stack', fqdn('svc-b'), '--sandbox']);
  assert.match(human.stdout, /^status: +ready$/m);
  assert.match(human.stderr, /note: .*status is as of the last run \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); `openmcf status --stack \S+svc-b --sandbox` reads the live one/);
  const missing = home.run(['outputs', '--stack', fqdn('nope'), '--sandbox']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /stack my-org\/my-project\/dev\.ScalewayServerlessContainer\.nope does not exist/);
  assert.match(missing.stderr, /`openmcf stacks --sandbox` lists the stacks/);
});

test('apply --prune skips the orphans when a stack of the apply failed', () => {
  const result = home.run(['apply', '-f', folder, '--sandbox', '--yes', '--prune'], { env: { OPENMCF_SANDBOX_FAULTS: 'create:Container=500' } });
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /prune skipped: 1 stack was not applied/);
  assert.ok(existsSync(stackFile('svc-b')), 'the orphan is still there');
  assert.ok(containerNames().includes('svc-b'));
});

test('apply --prune applies the folder, then destroys and removes its orphan', () => {
  const result = home.run(['apply', '-f', folder, '--sandbox', '--yes', '--prune', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const document = parseJson<ResultDocument>(result.stdout);
  const pruned = document.results.find((r) => r.manifest.file === '--prune');
  assert.equal(pruned?.stack, `organization/my-project/dev.ScalewayServerlessContainer.svc-b`);
  assert.equal(pruned?.status, 'succeeded');
  assert.equal(pruned?.changes.delete, 2, 'its namespace and container');
  assert.match(result.stderr, /Prune destroys 1 orphaned stack/);
  assert.deepEqual(containerNames(), ['svc-a', 'svc-c']);
  assert.ok(!existsSync(stackFile('svc-b')), 'the emptied stack is removed from the backend');
  const again = home.run(['stacks', '-f', folder, '--sandbox', '--json']);
  assert.deepEqual(parseJson<StacksDocument>(again.stdout).orphans, []);
});

test('destroy --stack destroys a stack from its state alone; a stack that does not exist is an error', () => {
  const result = home.run(['destroy', '--stack', fqdn('svc-a'), '--sandbox', '--yes']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /2 deleted/);
  assert.deepEqual(containerNames(), ['svc-c']);
  const missing = home.run(['destroy', '--stack', fqdn('nope'), '--sandbox', '--yes', '--json']);
  assert.equal(missing.code, 1, missing.stderr);
  const [entry] = parseJson<ResultDocument>(missing.stdout).results;
  assert.equal(entry?.error?.code, 'stack-not-found');
  const noStack = home.run(['destroy', '--sandbox', '--yes']);
  assert.equal(noStack.code, 3);
  assert.match(noStack.stderr, /no manifest given/);
});

test('on a terminal apply --prune asks before destroying: "n" keeps the orphan (exit 1), "y" destroys it', async () => {
  // svc-a's manifest goes too: its stack (emptied by the destroy above) is now an orphan.
  rmSync(join(folder, 'svc-a.yaml'));
  const question = /Destroy stack organization\/my-project\/dev\.ScalewayServerlessContainer\.svc-a and everything it deployed\? \[y\/N\] /;
  const declined = await home.onTerminal(['apply', '-f', folder, '--sandbox', '--prune'], question, 'n');
  assert.ok(declined.asked, declined.screen);
  assert.equal(declined.code, 1, declined.screen);
  assert.match(declined.screen, /prune cancelled: the confirmation was declined; nothing was changed/);
  assert.ok(existsSync(stackFile('svc-a')), 'declined: the stack stays');
  const accepted = await home.onTerminal(['apply', '-f', folder, '--sandbox', '--prune'], question, 'y');
  assert.equal(accepted.code, 0, accepted.screen);
  assert.ok(!existsSync(stackFile('svc-a')), 'confirmed: the stack is removed');
  assert.deepEqual(containerNames(), ['svc-c']);
});
