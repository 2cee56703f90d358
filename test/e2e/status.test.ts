// `openmcf status` through the built binary on the real engine and the sandbox: the live
// namespace, container and triggers read from the API by the ids in the state, `--probe` answered
// by the local API for the container's domain, exit 1 for a container in error, missing, never
// deployed or not answering; `outputs` keeps saying what the last run recorded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome, EXAMPLE_SECRETS, manifest, parseJson } from './cloud-run.js';
import { updateCloud } from '../../src/sandbox/store.js';

const home = new CloudHome('openmcf-status-');

interface Live {
  id: string;
  name: string;
  status: string;
  errorMessage?: string;
  image?: string;
  minScale?: number;
  maxScale?: number;
  url?: string;
  updatedAt?: string;
  schedule?: string;
}
interface StatusDocument {
  apiVersion: string;
  exitCode: number;
  results: Array<{
    manifest: { file: string; name: string };
    stack: string;
    healthy: boolean;
    namespace?: Live;
    container?: Live;
    triggers: Live[];
    probe?: { url: string; httpStatus?: number; durationMs: number; answering: boolean };
    problems: string[];
  }>;
}

test.before(() => {
  const applied = home.run(['apply', '-f', manifest('my-api'), '-f', manifest('data-pipeline'), '--sandbox', '--yes']);
  assert.equal(applied.code, 0, applied.stderr);
});

test('status reads the live namespace, container and triggers from the API: healthy, exit 0', () => {
  const result = home.run(['status', '-f', manifest('my-api'), '-f', manifest('data-pipeline'), '--sandbox', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const document = parseJson<StatusDocument>(result.stdout);
  assert.equal(document.apiVersion, 'openmcf.org/status/v1');
  const [api, pipeline] = document.results;
  assert.equal(api?.healthy, true);
  assert.deepEqual(api?.problems, []);
  assert.equal(api?.namespace?.status, 'ready');
  const container = api?.container;
  assert.deepEqual(
    [container?.name, container?.status, container?.image, container?.minScale, container?.maxScale],
    ['my-api', 'ready', 'rg.fr-par.scw.cloud/my-registry/my-api:latest', 0, 20],
  );
  assert.match(container?.url ?? '', /^https:\/\/myapi[0-9a-f]{8}-my-api\.functions\.fnc\.fr-par\.scw\.cloud$/);
  assert.match(container?.id ?? '', /^fr-par\/[0-9a-f-]{36}$/);
  assert.ok(!Number.isNaN(Date.parse(container?.updatedAt ?? '')));
  assert.ok((pipeline?.triggers.length ?? 0) > 0, 'the data pipeline has cron triggers');
  for (const trigger of pipeline?.triggers ?? []) {
    assert.equal(trigger.status, 'ready');
    assert.match(trigger.schedule ?? '', /^\S+( \S+){4}$|^@/);
  }
  const human = home.run(['status', '-f', manifest('my-api'), '--sandbox']);
  assert.equal(human.code, 0, human.stderr);
  assert.match(human.stdout, /^my-api \(stack my-org\/my-project\/dev\.ScalewayServerlessContainer\.my-api\): healthy$/m);
  assert.match(human.stdout, /^ {2}container +my-api +ready +image rg\.fr-par\.scw\.cloud\/my-registry\/my-api:latest +scale 0-20 +updated /m);
});

test('status --probe requests the URL once: the local API answers 200 for a ready container', () => {
  const result = home.run(['status', '-f', manifest('my-api'), '--sandbox', '--probe', '--json']);
  assert.equal(result.code, 0, result.stderr);
  const [entry] = parseJson<StatusDocument>(result.stdout).results;
  assert.equal(entry?.probe?.url, entry?.container?.url);
  assert.deepEqual([entry?.probe?.httpStatus, entry?.probe?.answering], [200, true]);
  assert.ok((entry?.probe?.durationMs ?? -1) >= 0);
  const human = home.run(['status', '-f', manifest('my-api'), '--sandbox', '--probe']);
  assert.match(human.stdout, /^ {2}probe +GET https:\/\/\S+ -> HTTP 200 in \d+ ms$/m);
  const byStack = home.run(['status', '--stack', 'my-org/my-project/dev.ScalewayServerlessContainer.my-api', '--sandbox', '--probe']);
  assert.equal(byStack.code, 0, `--stack alone, without the manifest: ${byStack.stderr}`);
});

test('a container in error: exit 1 with the platform message; the probe gets a 502', () => {
  const applied = home.run(['apply', '-f', manifest('order-api'), '--sandbox', '--yes'], { env: { OPENMCF_SANDBOX_FAULTS: 'status:Container=error:image not found' } });
  assert.equal(applied.code, 1, applied.stderr);
  const result = home.run(['status', '-f', manifest('order-api'), '--sandbox', '--probe', '--json']);
  assert.equal(result.code, 1, result.stderr);
  const [entry] = parseJson<StatusDocument>(result.stdout).results;
  assert.deepEqual([entry?.healthy, entry?.container?.status, entry?.container?.errorMessage], [false, 'error', 'image not found']);
  assert.deepEqual([entry?.probe?.httpStatus, entry?.probe?.answering], [502, false]);
  assert.ok(
    entry?.problems.some((p) => /container order-api is in error: image not found/.test(p)),
    entry?.problems.join('\n'),
  );
  assert.ok(entry?.problems.some((p) => /probe: .* answered HTTP 502/.test(p)));
  for (const secret of EXAMPLE_SECRETS) assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret), `a secret was printed: ${secret}`);
});

test("a container deleted behind openmcf's back is missing (exit 1), while outputs still shows what the last run recorded", async () => {
  await updateCloud(home.storeDir, (cloud) => {
    for (const [id, container] of Object.entries(cloud.containers)) if (container.name === 'my-api') delete cloud.containers[id];
  });
  const result = home.run(['status', '-f', manifest('my-api'), '--sandbox', '--json']);
  assert.equal(result.code, 1, result.stderr);
  const [entry] = parseJson<StatusDocument>(result.stdout).results;
  assert.equal(entry?.container?.status, 'missing');
  assert.ok(
    entry?.problems.some((p) => /container my-api \(fr-par\/\S+\) is missing from the cloud/.test(p)),
    entry?.problems.join('\n'),
  );
  const human = home.run(['status', '-f', manifest('my-api'), '--sandbox']);
  assert.match(human.stdout, /: unhealthy$/m);
  assert.match(human.stdout, /^ {2}x container my-api .* is missing from the cloud/m);
  const outputs = home.run(['outputs', '-f', manifest('my-api'), '--sandbox']);
  assert.match(outputs.stdout, /^status: +ready$/m);
  assert.match(outputs.stderr, /status is as of the last run .*`openmcf status -f \S+my-api\.yaml --sandbox` reads the live one/);
});

test('a manifest never deployed: nothing to read, exit 1', () => {
  const result = home.run(['status', '-f', manifest('inference-grpc'), '--sandbox', '--json']);
  assert.equal(result.code, 1, result.stderr);
  const [entry] = parseJson<StatusDocument>(result.stdout).results;
  assert.equal(entry?.healthy, false);
  assert.match(entry?.problems[0] ?? '', /nothing is deployed: stack \S+inference-grpc does not exist/);
});
