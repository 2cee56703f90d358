// Paths into a manifest, as segments (`['spec', 'env', 'variables', 0, 'name']`) and as the dotted
// form users read in messages (`spec.env.variables[0].name`).
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
/** `spec.env.variables[0].name`; keys that are not plain words are quoted: `metadata.labels["a/b.c"]`. */
export function displayPath(path) {
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            out += `[${segment}]`;
        else if (PLAIN_KEY.test(segment))
            out += out === '' ? segment : `.${segment}`;
        else
            out += `[${JSON.stringify(segment)}]`;
    }
    return out;
}
/** The schema-shaped form of a path: indices become `[]` (`spec.env.variables[]`). */
export function schemaPathKey(path) {
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            out += '[]';
        else
            out += out === '' ? segment : `.${segment}`;
    }
    return out;
}
/** Segments of an ajv instancePath (a JSON pointer); array indices become numbers. */
export function pointerToPath(pointer, data) {
    if (pointer === '')
        return [];
    const path = [];
    let node = data;
    for (const raw of pointer.slice(1).split('/')) {
        const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (Array.isArray(node) && /^\d+$/.test(key)) {
            const index = Number(key);
            path.push(index);
            node = node[index];
        }
        else {
            path.push(key);
            node = node !== null && typeof node === 'object' ? node[key] : undefined;
        }
    }
    return path;
}
