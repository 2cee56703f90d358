/** The outputs as plain values, each secret replaced by `[secret]` unless `showSecrets`. */
export function outputValues(outputs, showSecrets) {
    const values = {};
    for (const name of Object.keys(outputs).sort()) {
        const output = outputs[name];
        values[name] = output.secret && !showSecrets ? '[secret]' : output.value;
    }
    return values;
}
/** The order a reader scans them in: what was deployed, then where it answers, then its health. */
const HUMAN_ORDER = ['containerId', 'namespaceId', 'domainName', 'url', 'status', 'errorMessage'];
function humanRank(name) {
    const rank = HUMAN_ORDER.indexOf(name);
    return rank === -1 ? HUMAN_ORDER.length : rank;
}
/** Lines for humans: known outputs in reading order, then the rest by name; an empty string
 * (e.g. `errorMessage` of a healthy container) says nothing and is left out. JSON keeps them all. */
export function renderOutputs(outputs, showSecrets, indent = '  ') {
    const values = outputValues(outputs, showSecrets);
    const names = Object.keys(values)
        .filter((name) => values[name] !== '')
        .sort((a, b) => humanRank(a) - humanRank(b) || a.localeCompare(b));
    if (names.length === 0)
        return [`${indent}(no outputs)`];
    const width = Math.max(...names.map((n) => n.length));
    return names.map((name) => {
        const value = values[name];
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        return `${indent}${`${name}:`.padEnd(width + 1)} ${text}`;
    });
}
