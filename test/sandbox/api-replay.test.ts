// The local API held against real traffic: every containers v1 call of two sets of recordings
// made against Scaleway, the Terraform provider's acceptance tests (the client sandbox runs use)
// and the Scaleway CLI's (a client we did not write), replayed in order against a fresh local API
// and its answers compared with the recorded ones: status codes, every response field with its
// type and value (the defaults the API fills in, formats, enum values, hashed secrets, error
// messages), and each object's status sequence. In realistic transitions the sequences match
// call for call once repeated identical reads are collapsed; in instant transitions (the default
// of sandbox runs) they end sooner (replay/replay.ts). Deployments the platform failed are failed
// here by fault rules (replay/scenarios.ts, each with the reason); what else may differ on purpose
// is listed in replay/compare.ts and replay/replay.ts; recordings left out are in scenarios.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cassetteNames, cliRecordings, providerRecordings, readInteractions, type RecordingSet } from './replay/cassettes.js';
import { replay, type Mode } from './replay/replay.js';
import { FAULTS, NOT_SIMULATED } from './replay/scenarios.js';

async function replaySet(t: test.TestContext, set: RecordingSet, mode: Mode): Promise<number> {
  let replayed = 0;
  for (const name of cassetteNames(set.dir)) {
    if (NOT_SIMULATED[name]) continue;
    await t.test(`${name} (${mode})`, async () => {
      const interactions = readInteractions(set.dir, name);
      assert.ok(interactions.length > 0, 'the recording has containers API calls');
      const result = await replay(name, interactions, mode, FAULTS[name]);
      replayed += result.calls;
      assert.deepEqual(result.differences, []);
    });
  }
  return replayed;
}

for (const mode of ['realistic', 'instant'] as const) {
  test(`the local API answers the Terraform provider's recorded traffic as the real API did (${mode} transitions)`, { timeout: 180_000 }, async (t) => {
    const set = providerRecordings();
    assert.ok(cassetteNames(set.dir).length >= 20, 'the recordings are there');
    const replayed = await replaySet(t, set, mode);
    assert.ok(replayed > 700, `most of the recorded calls were replayed (${replayed})`);
  });

  test(`the local API answers the Scaleway CLI's recorded traffic as the real API did (${mode} transitions)`, { timeout: 60_000 }, async (t) => {
    const set = cliRecordings();
    assert.equal(cassetteNames(set.dir).length, 4, 'the four recordings are there');
    const replayed = await replaySet(t, set, mode);
    assert.ok(replayed >= 56, `every containers call was replayed (${replayed})`);
  });
}
