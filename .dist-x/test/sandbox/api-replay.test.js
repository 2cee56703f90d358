// The local API held against real traffic: every containers v1 call the Terraform provider's
// acceptance tests recorded against Scaleway (cassettes in the provider's module) is replayed in
// order against a fresh local API, and its answers compared with the recorded ones: status codes,
// every response field with its type and value (the defaults the API fills in, formats, enum
// values, hashed secrets), and each object's status sequence. What may differ on purpose is
// listed in replay/compare.ts; cassettes left out are listed below with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalApi } from '../../src/sandbox/api/server.js';
import { cassetteDir, cassetteNames, readInteractions } from './replay/cassettes.js';
import { collapse, compareAnswer, IdMap, simulatedOutcome } from './replay/compare.js';
/** Cassettes of trigger sources the local API does not simulate (openmcf only creates cron triggers). */
const NOT_SIMULATED = {
    'trigger-nats.cassette.yaml': 'NATS triggers (MnQ) are not simulated',
    'trigger-sqs.cassette.yaml': 'SQS triggers (MnQ) are not simulated',
    'trigger-change-source.cassette.yaml': 'it moves a trigger between cron, NATS and SQS sources',
};
const TOKEN = { 'X-Auth-Token': '00000000-0000-4000-8000-000000000000', 'Content-Type': 'application/json' };
async function replay(name, interactions) {
    const store = mkdtempSync(join(tmpdir(), 'openmcf-replay-'));
    const api = await startLocalApi({ storeDir: store });
    const ids = new IdMap();
    const differences = [];
    const statuses = new Map();
    try {
        for (const [index, call] of interactions.entries()) {
            const where = `${name} #${index} ${call.method} ${call.path}`;
            const body = ids.translate(call.body);
            const answer = await fetch(`${api.url}${ids.translate(call.path)}`, {
                method: call.method,
                headers: TOKEN,
                ...(call.method === 'GET' || call.method === 'DELETE' ? {} : { body: JSON.stringify(body) }),
            });
            const local = (await answer.json());
            const recorded = call.response;
            if (call.method === 'POST' && call.code === 200 && answer.status === 200 && recorded && typeof recorded.id === 'string')
                ids.add(recorded.id, String(local.id));
            const kind = /\/regions\/[^/]+\/(namespaces|containers|triggers)/.exec(call.path)[1];
            const single = recorded && typeof recorded.id === 'string' && typeof recorded.status === 'string';
            // Timing: a deletion is over by the next poll here, one or more polls earlier than there.
            const deletedSooner = call.code === 200 && recorded?.status === 'deleting' && answer.status === 404;
            if (answer.status !== call.code && !deletedSooner) {
                differences.push(`${where}: status ${answer.status}, recorded ${call.code} (${JSON.stringify(local).slice(0, 200)})`);
                continue;
            }
            if (single) {
                const track = statuses.get(recorded.id) ?? { kind, recorded: [], local: [] };
                track.recorded.push(simulatedOutcome(String(recorded.status), kind));
                track.local.push(deletedSooner ? 'gone' : String(local.status));
                if (call.code === 404 || deletedSooner)
                    track.recorded.push('gone');
                statuses.set(recorded.id, track);
            }
            else if (call.code === 404 && call.method !== 'POST') {
                const id = /\/([0-9a-f-]{36})(?:\/|$|\?)/.exec(call.path)?.[1];
                if (id && statuses.has(id)) {
                    statuses.get(id).recorded.push('gone');
                    statuses.get(id).local.push('gone');
                }
            }
            if (deletedSooner)
                continue;
            const out = [];
            compareAnswer(ids.translate(onlyOurs(recorded, ids, kind)), local, 'answer', out);
            differences.push(...out.map((d) => `${where}: ${d}`));
        }
        for (const [id, track] of statuses) {
            const recorded = collapse(track.recorded).join(' -> ');
            const local = collapse(track.local).join(' -> ');
            if (recorded !== local)
                differences.push(`${name}: ${track.kind} ${id}: status sequence recorded ${recorded}, local ${local}`);
        }
        return { calls: interactions.length, differences };
    }
    finally {
        await api.close();
        rmSync(store, { recursive: true, force: true });
    }
}
/**
 * The recording's account held objects of other tests running at the same time (the namespace
 * lists of data-source-namespace-basic show eight); a list is compared on the objects this
 * cassette made.
 */
function onlyOurs(recorded, ids, kind) {
    if (!recorded || !Array.isArray(recorded[kind]))
        return recorded;
    const items = recorded[kind].filter((item) => ids.knows(item.id));
    return { ...recorded, [kind]: items, total_count: items.length };
}
test('the local API answers the recorded real traffic as the real API did', { timeout: 120_000 }, async (t) => {
    const dir = cassetteDir();
    const names = cassetteNames(dir);
    assert.ok(names.length >= 20, `the recorded cassettes are there (${names.length})`);
    let replayed = 0;
    for (const name of names) {
        if (NOT_SIMULATED[name])
            continue;
        await t.test(name, async () => {
            const interactions = readInteractions(dir, name);
            assert.ok(interactions.length > 0, 'the cassette has containers API calls');
            const result = await replay(name, interactions);
            replayed += result.calls;
            assert.deepEqual(result.differences, []);
        });
    }
    assert.ok(replayed > 700, `most of the recorded calls were replayed (${replayed})`);
});
