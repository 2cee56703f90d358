// The saved plan's digests: equal inputs give equal digests, any change of a value (a secret too)
// changes them, and no secret appears in what the plan keeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestDigest, newSalt, parseSavedPlan, savedSetFlags } from '../../src/run/saved-plan.js';
import type { LoadedManifest } from '../../src/validation/load-manifests.js';
import { manifest } from '../program/manifest-fixture.js';

function loaded(secret: string, tag = 'v1'): LoadedManifest {
  const m = manifest({
    image: { registryEndpoint: { value: 'rg.fr-par.scw.cloud/team' }, name: 'api', tag },
    env: { variables: [], secrets: [{ name: 'DB_PASSWORD', value: secret }] },
  });
  return { origin: { file: 'api.yaml', line: 1, column: 1, documentIndex: 0 }, manifest: m, secretValues: [secret], ignoredFields: [] };
}

test('the manifest digest follows every value, secrets included, and depends on the salt', () => {
  const salt = newSalt();
  const digest = manifestDigest(loaded('hunter2-secret'), salt);
  assert.equal(manifestDigest(loaded('hunter2-secret'), salt), digest);
  assert.notEqual(manifestDigest(loaded('hunter3-secret'), salt), digest);
  assert.notEqual(manifestDigest(loaded('hunter2-secret', 'v2'), salt), digest);
  assert.notEqual(manifestDigest(loaded('hunter2-secret'), newSalt()), digest);
});

test('a --set on a secret path is kept as "given", never its value', () => {
  const kept = savedSetFlags(['spec.image.tag=v2', 'spec.env.secrets[0].value=s3cr3t-value', 'spec.env={"secrets":[]}']);
  assert.deepEqual(kept, [{ flag: 'spec.image.tag=v2' }, { secret: true }, { secret: true }]);
  assert.doesNotMatch(JSON.stringify(kept), /s3cr3t/);
});

test('a file that is not a plan of this openmcf is invalid input', () => {
  assert.throws(
    () => parseSavedPlan('{', 'plan.json'),
    (e: Error & { exitCode?: number }) => e.exitCode === 3 && /plan\.json is not a plan file/.test(e.message),
  );
  assert.throws(
    () => parseSavedPlan('{"apiVersion":"x"}', 'plan.json'),
    (e: Error & { exitCode?: number }) => e.exitCode === 3 && /expected apiVersion openmcf\.org\/plan\/v1/.test(e.message),
  );
});
