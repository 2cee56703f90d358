// Reads a small YAML configuration file (provider config, Scaleway CLI config) keeping positions,
// so that problems can say `file:line:col`. These files hold secret keys: a YAML error is reported
// with its position and the parser's short reason only, never with the quoted source line the
// parser would add.
import { readFile } from 'node:fs/promises';
import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import { invalidInput } from '../errors.js';
/** Undefined when the file does not exist; `what` names the file in messages ("provider config"). */
export async function readYamlConfigFile(path, what, code) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (error) {
        const reason = errorCode(error);
        if (reason === 'ENOENT' || reason === 'ENOTDIR')
            return undefined;
        throw invalidInput(`cannot read the ${what} ${path}: ${reason}`, `${code}-unreadable`, 'check the path and its permissions');
    }
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
    const [first] = document.errors;
    if (first) {
        const at = first.linePos?.[0];
        const reason = first.message.split(' at line ')[0] ?? first.code;
        throw invalidInput(`${path}${at ? `:${at.line}:${at.col}` : ''}: the ${what} is not valid YAML: ${reason}`, `${code}-malformed`, 'fix the YAML syntax');
    }
    const position = (keys) => positionOf(document, lineCounter, path, keys);
    const keyPosition = (key) => {
        const contents = document.contents;
        const pair = isMap(contents) ? contents.items.find((item) => isScalar(item.key) && String(item.key.value) === key) : undefined;
        if (pair === undefined || !isNode(pair.key) || !pair.key.range)
            return path;
        const { line, col } = lineCounter.linePos(pair.key.range[0]);
        return `${path}:${line}:${col}`;
    };
    if (document.contents === null)
        return { path, data: {}, position, keyPosition };
    if (!isMap(document.contents)) {
        throw invalidInput(`${position([])}: the ${what} must be a mapping of keys to values`, `${code}-malformed`);
    }
    let data;
    try {
        // A config file has no business expanding aliases into large structures.
        data = document.toJS({ maxAliasCount: 20 });
    }
    catch {
        throw invalidInput(`${path}: the ${what} uses too many YAML aliases`, `${code}-malformed`, 'write the values out instead of using aliases');
    }
    return { path, data, position, keyPosition };
}
function positionOf(document, lineCounter, path, keys) {
    const node = keys.length === 0 ? document.contents : document.getIn(keys, true);
    if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return `${path}:${line}:${col}`;
    }
    return path;
}
function errorCode(error) {
    return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unknown error';
}
