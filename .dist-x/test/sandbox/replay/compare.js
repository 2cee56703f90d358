// Compares what the local API answers with what the real API answered, call by call, after the
// recorded ids have been mapped to the ones the local API gave out. What may differ, and why:
//   - timing: the real platform stays `creating`/`updating`/`deleting` for several polls, the
//     local API for none (the provider's next poll sees the end state): status sequences are
//     compared with repeats collapsed, and a poll that recorded `deleting` may get the 404 that
//     came one poll later in the recording;
//   - deployments: the local API runs no image, so a container the real platform failed to start
//     (`error`, "Container is unable to start ...") is `ready` here;
//   - secret hashes: argon2id both, with lighter parameters here (see secret-hashes.ts);
//   - ids and timestamps: other values, same format.
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const ARGON2ID = /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;
export class IdMap {
    ids = new Map();
    add(recorded, ours) {
        this.ids.set(recorded, ours);
    }
    knows(recorded) {
        return this.ids.has(recorded);
    }
    /** Recorded ids replaced by ours wherever they appear (paths, bodies, endpoint prefixes). */
    translate(value) {
        if (typeof value === 'string') {
            let text = value;
            for (const [recorded, ours] of this.ids)
                text = text.split(recorded).join(ours).split(recorded.slice(0, 8)).join(ours.slice(0, 8));
            return text;
        }
        if (Array.isArray(value))
            return value.map((v) => this.translate(v));
        if (value !== null && typeof value === 'object') {
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.translate(v)]));
        }
        return value;
    }
}
function typeOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    return typeof value;
}
/** Field by field; `path` names the field in messages. */
export function compareAnswer(recorded, ours, path, out) {
    if (typeOf(recorded) !== typeOf(ours)) {
        out.push(`${path}: recorded ${JSON.stringify(recorded)}, local ${JSON.stringify(ours)}`);
        return;
    }
    if (Array.isArray(recorded)) {
        const mine = ours;
        if (recorded.length !== mine.length)
            out.push(`${path}: recorded ${recorded.length} items, local ${mine.length}`);
        recorded.forEach((item, i) => i < mine.length && compareAnswer(item, mine[i], `${path}[${i}]`, out));
        return;
    }
    if (recorded !== null && typeof recorded === 'object') {
        const r = recorded;
        const o = ours;
        const settled = r.status === o.status && r.status !== 'error';
        const skip = new Set(settled ? [] : ['status', 'error_message']);
        const keys = new Set([...Object.keys(r), ...Object.keys(o)].filter((k) => !skip.has(k)));
        for (const key of keys) {
            const where = `${path}.${key}`;
            if (!(key in r))
                out.push(`${where}: not in the recorded answer (local ${JSON.stringify(o[key])})`);
            else if (!(key in o))
                out.push(`${where}: missing (recorded ${JSON.stringify(r[key])})`);
            else
                compareField(key, r[key], o[key], where, out);
        }
        return;
    }
    if (recorded !== ours)
        out.push(`${path}: recorded ${JSON.stringify(recorded)}, local ${JSON.stringify(ours)}`);
}
function compareField(key, recorded, ours, where, out) {
    if (key === 'created_at' || key === 'updated_at') {
        if (typeof ours !== 'string' || !TIMESTAMP.test(ours))
            out.push(`${where}: not a timestamp: ${JSON.stringify(ours)}`);
        return;
    }
    if (key === 'id' && typeof ours === 'string' && ID.test(ours))
        return;
    if (key === 'secret_environment_variables' && recorded !== null && typeof recorded === 'object') {
        const r = recorded;
        const o = (ours ?? {});
        if (Object.keys(r).sort().join() !== Object.keys(o).sort().join())
            out.push(`${where}: recorded names ${Object.keys(r).join(',')}, local ${Object.keys(o).join(',')}`);
        for (const name of Object.keys(o))
            if (!ARGON2ID.test(o[name]))
                out.push(`${where}.${name}: not an argon2id hash`);
        return;
    }
    compareAnswer(recorded, ours, where, out);
}
/** `creating, creating, ready` -> `creating, ready`. */
export function collapse(statuses) {
    return statuses.filter((s, i) => i === 0 || s !== statuses[i - 1]);
}
/** A recorded `error` of a deployment is `ready` here (no image runs in the local API). */
export function simulatedOutcome(status, kind) {
    return kind === 'containers' && status === 'error' ? 'ready' : status;
}
