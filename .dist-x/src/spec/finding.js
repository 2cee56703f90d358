/** Describes a value's kind for messages: "a number", "a list", ... Never the value itself. */
export function kindOf(value) {
    if (value === null || value === undefined)
        return 'nothing (an empty value)';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'boolean')
        return `the boolean ${value}`;
    if (typeof value === 'number')
        return Number.isInteger(value) ? `the number ${value}` : `the fractional number ${value}`;
    return 'a string';
}
export function valueAt(data, path) {
    let node = data;
    for (const segment of path) {
        if (node === null || typeof node !== 'object')
            return undefined;
        node = node[segment];
    }
    return node;
}
/** Code-formatted for messages: `value`. */
export function code(text) {
    return `\`${text}\``;
}
export function record(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
export function list(value) {
    return Array.isArray(value) ? value : [];
}
export function text(value) {
    return typeof value === 'string' ? value : undefined;
}
export function integer(value) {
    return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}
export function specOf(data) {
    return record(record(data)?.spec) ?? {};
}
export function labelsOf(data) {
    return record(record(record(data)?.metadata)?.labels);
}
