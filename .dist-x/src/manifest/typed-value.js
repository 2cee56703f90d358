const INTEGER = /^[-+]?\d+$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
export function typeValue(kind, text) {
    switch (kind) {
        case 'integer': {
            const value = Number(text);
            return INTEGER.test(text) && Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, expected: 'an integer' };
        }
        case 'number':
            return NUMBER.test(text) ? { ok: true, value: Number(text) } : { ok: false, expected: 'a number' };
        case 'boolean':
            if (text === 'true')
                return { ok: true, value: true };
            if (text === 'false')
                return { ok: true, value: false };
            return { ok: false, expected: 'true or false' };
        case 'array':
            return parseJson(text, Array.isArray, 'a list in JSON, e.g. ["node","server.js"]');
        case 'object':
            return parseJson(text, isPlainObject, 'an object in JSON, e.g. {"path":"/health"}');
        case 'stringValueOrRef':
            // A bare string is the literal `value`; JSON gives access to `valueFrom`.
            if (text.trimStart().startsWith('{'))
                return parseJson(text, isPlainObject, 'a string or {"valueFrom": {...}} in JSON');
            return { ok: true, value: { value: text } };
        case 'string':
        case 'any':
            return { ok: true, value: text };
    }
}
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function parseJson(text, accept, expected) {
    try {
        const value = JSON.parse(text);
        return accept(value) ? { ok: true, value } : { ok: false, expected };
    }
    catch {
        return { ok: false, expected };
    }
}
