// Reads a small YAML configuration file (provider config, Scaleway CLI config) keeping positions,
// so that problems can say `file:line:col`. These files hold secret keys: a YAML error is reported
// with its position and the parser's short reason only, never with the quoted source line the
// parser would add.
import { notAFileMessage, readRegularFile } from '../manifest/bounded-file.js';
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { invalidInput, OpenmcfError } from '../core/errors.js';
import { errorCode, isMissingFile } from '../core/optional-file.js';

export interface YamlConfigFile {
  readonly path: string;
  /** The document as plain data; a mapping at the top (checked). */
  readonly data: Readonly<Record<string, unknown>>;
  /** `path:line:col` of the node at `keys` (its value), or of the file when not found. */
  position(keys: readonly string[]): string;
  /** `path:line:col` of a top-level key itself (for "unknown key" problems). */
  keyPosition(key: string): string;
}

/** Undefined when the file does not exist; `what` names the file in messages ("provider config"). */
export async function readYamlConfigFile(path: string, what: string, code: string): Promise<YamlConfigFile | undefined> {
  let text: string;
  try {
    // Bounded like every file a flag names: a FIFO would hang, a device never end.
    const read = readRegularFile(path);
    if ('notAFile' in read) throw invalidInput(`cannot read the ${what} ${path}: it ${notAFileMessage(read.notAFile)}`, `${code}-unreadable`, 'give a regular file');
    if ('tooLarge' in read) throw invalidInput(`cannot read the ${what} ${path}: it holds more than 4 MiB`, `${code}-unreadable`, 'check the path');
    text = read.bytes.toString('utf8');
  } catch (error) {
    if (error instanceof OpenmcfError) throw error;
    if (isMissingFile(error)) return undefined;
    const reason = errorCode(error);
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
  const position = (keys: readonly string[]): string => positionOf(document, lineCounter, path, keys);
  const keyPosition = (key: string): string => {
    const contents = document.contents;
    const pair = isMap(contents) ? contents.items.find((item) => isScalar(item.key) && String(item.key.value) === key) : undefined;
    if (pair === undefined || !isNode(pair.key) || !pair.key.range) return path;
    const { line, col } = lineCounter.linePos(pair.key.range[0]);
    return `${path}:${line}:${col}`;
  };
  if (document.contents === null) return { path, data: {}, position, keyPosition };
  if (!isMap(document.contents)) {
    throw invalidInput(`${position([])}: the ${what} must be a mapping of keys to values`, `${code}-malformed`);
  }
  let data: Record<string, unknown>;
  try {
    // A config file has no business expanding aliases into large structures.
    data = document.toJS({ maxAliasCount: 20 }) as Record<string, unknown>;
  } catch {
    throw invalidInput(`${path}: the ${what} uses too many YAML aliases`, `${code}-malformed`, 'write the values out instead of using aliases');
  }
  return { path, data, position, keyPosition };
}

function positionOf(document: Document, lineCounter: LineCounter, path: string, keys: readonly string[]): string {
  const node = keys.length === 0 ? document.contents : document.getIn(keys, true);
  if (isNode(node) && node.range) {
    const { line, col } = lineCounter.linePos(node.range[0]);
    return `${path}:${line}:${col}`;
  }
  return path;
}
