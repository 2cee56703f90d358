export function parseSetFlag(text) {
    const equals = text.indexOf('=');
    if (equals < 0)
        return { ok: false, message: 'expected path=value, e.g. spec.image.tag=v2' };
    const path = parsePath(text.slice(0, equals));
    if (typeof path === 'string')
        return { ok: false, message: path };
    return { ok: true, path, value: text.slice(equals + 1) };
}
/** The segments of a path, or a message saying what is wrong with it. */
export function parsePath(text) {
    if (text === '')
        return 'the path before = is empty';
    const segments = [];
    let i = 0;
    let expectKey = true;
    while (i < text.length) {
        const char = text[i];
        if (char === '[') {
            const close = text.indexOf(']', i);
            if (close < 0)
                return `"[" at character ${i + 1} has no closing "]"`;
            const inner = text.slice(i + 1, close);
            if (/^\d+$/.test(inner))
                segments.push(Number(inner));
            else if (/^(".*"|'.*')$/.test(inner) && inner.length >= 3)
                segments.push(inner.slice(1, -1));
            else
                return `"[${inner}]" is neither a list index like [0] nor a quoted key like ["a.b"]`;
            i = close + 1;
            expectKey = false;
            continue;
        }
        if (char === '.') {
            if (expectKey)
                return `empty field name at character ${i + 1}`;
            i += 1;
            expectKey = true;
            if (i === text.length)
                return 'the path ends with "."';
            continue;
        }
        if (!expectKey)
            return `expected "." or "[" at character ${i + 1}`;
        let end = i;
        while (end < text.length && !'.[]'.includes(text[end]))
            end += 1;
        if (end === i)
            return `unexpected "${char}" at character ${i + 1}`;
        segments.push(text.slice(i, end));
        i = end;
        expectKey = false;
    }
    return segments;
}
