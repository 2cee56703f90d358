// `apply --redeploy` through the built binary on the sandbox: the same image reference (a tag such
// as latest pushed again) is deployed again through the provider's deployment trigger; `preview
// --redeploy` says so and counts it as a change; afterwards nothing is left to change, and the
// manifest's own registrySha256 keeps redeploying.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome, manifest, parseJson } from './cloud-run.js';
import type { ResultDocument } from '../../src/render/result-document.js';

const home = new CloudHome('openmcf-redeploy-');
const myApi = manifest('my-api');
const deployments = (): number | undefined => Object.values(home.cloud().containers)[0]?._deployments;

test('preview --redeploy says the container is deployed again, as a change (exit 2)', () => {
  assert.equal(home.run(['apply', '-f', myApi, '--sandbox', '--yes']).code, 0);
  assert.equal(deployments(), 1);
  const result = home.run(['preview', '-f', myApi, '--sandbox', '--redeploy', '--detailed-exitcode', '--json']);
  assert.equal(result.code, 2, result.stderr);
  const notice = '--redeploy: apply deploys the container again with the same image (my-api:latest), so the platform pulls that tag again';
  assert.ok(result.stderr.includes(notice), result.stderr);
  const entry = parseJson<ResultDocument>(result.stdout).results[0]!;
  assert.equal(entry.changes.update, 1);
  assert.deepEqual(entry.notices, [notice]);
  assert.equal(deployments(), 1, 'a preview deploys nothing');
});

test('apply --redeploy deploys the same image again, then nothing is left to change', () => {
  const result = home.run(['apply', '-f', myApi, '--sandbox', '--yes', '--redeploy']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /my-api: --redeploy: deploying the container again with the same image \(my-api:latest\)/);
  const container = Object.values(home.cloud().containers)[0]!;
  assert.equal(container._deployments, 2);
  assert.equal(container.image, 'rg.fr-par.scw.cloud/my-registry/my-api:latest');
  assert.equal(container.status, 'ready');
  assert.equal(home.run(['preview', '-f', myApi, '--sandbox', '--detailed-exitcode']).code, 0);
});

test("the manifest's own registrySha256 still redeploys, and --redeploy again counts on", () => {
  assert.equal(home.run(['apply', '-f', myApi, '--sandbox', '--yes', '--set', 'spec.registrySha256=sha-1']).code, 0);
  assert.equal(deployments(), 3);
  assert.equal(home.run(['apply', '-f', myApi, '--sandbox', '--yes', '--set', 'spec.registrySha256=sha-1', '--redeploy']).code, 0);
  assert.equal(deployments(), 4);
  assert.equal(home.run(['preview', '-f', myApi, '--sandbox', '--detailed-exitcode', '--set', 'spec.registrySha256=sha-1']).code, 0);
});
