// Splits a file into YAML documents with source positions. Syntax errors, duplicate keys,
// unresolved aliases, alias bombs and documents that are not mappings become diagnostics that
// point at the offending text; such documents go no further.
import { LineCounter, parseAllDocuments, visit, isAlias, isMap, isSeq, isScalar, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '../core/diagnostic.js';
import type { ParsedDocument, SourceFile } from './document.js';
import { DiagnosticCode } from '../core/diagnostic-codes.js';

/**
 * Upper bound on alias expansions when turning a document into data. A manifest needs a handful;
 * thousands mean a "billion laughs" document that would exhaust memory.
 */
export const MAX_ALIAS_COUNT = 100;

export const PARSE_OPTIONS = {
  uniqueKeys: true,
  prettyErrors: false,
  // `<<: *defaults` merge keys, as Kubernetes users write them.
  merge: true,
} as const;

export function parseDocuments(source: SourceFile): { documents: ParsedDocument[]; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(source.text, { ...PARSE_OPTIONS, lineCounter });
  const all = Array.isArray(parsed) ? parsed : [];
  const documents: ParsedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: source.file, line, column: col };
  };

  let nonEmpty = 0;
  all.forEach((document, index) => {
    if (isEmptyDocument(document)) {
      if (document.errors.length === 0) return;
    } else {
      nonEmpty++;
    }
    if (document.errors.length > 0) {
      diagnostics.push(...document.errors.map((error) => syntaxDiagnostic(error, source.text, at)));
      return;
    }
    diagnostics.push(
      ...document.warnings.map((warning) => ({
        ...at(warning.pos[0]),
        severity: 'warning' as const,
        code: DiagnosticCode.yamlWarning,
        path: '',
        message: warning.message,
      })),
    );
    const contents = document.contents;
    if (!isMap(contents)) {
      const found = isSeq(contents) ? 'a list' : 'a single value';
      diagnostics.push({
        ...at(contents?.range?.[0] ?? 0),
        severity: 'error',
        code: DiagnosticCode.yamlNotAMapping,
        path: '',
        message: `a manifest must be a mapping of keys to values, but this document is ${found}`,
        hint: 'start the document with `apiVersion: scaleway.openmcf.org/v1`',
      });
      return;
    }
    const aliasProblem = checkAliases(document, at);
    if (aliasProblem) {
      diagnostics.push(aliasProblem);
      return;
    }
    documents.push({ file: source.file, index, document, lineCounter });
  });

  if (nonEmpty === 0 && diagnostics.length === 0) {
    diagnostics.push({
      file: source.file,
      line: 1,
      column: 1,
      severity: 'error',
      code: DiagnosticCode.yamlEmpty,
      path: '',
      message: 'no manifest in this file',
      hint: 'a manifest starts with `apiVersion: scaleway.openmcf.org/v1`; run `openmcf init` to write one',
    });
  }
  return { documents, diagnostics };
}

/** An empty document: `---` with nothing after it, or a file of comments. */
function isEmptyDocument(document: Document.Parsed): boolean {
  const contents = document.contents;
  if (contents === null) return true;
  return isScalar(contents) && contents.value === null && contents.range?.[0] === contents.range?.[1];
}

function syntaxDiagnostic(error: YAMLError, text: string, at: (offset: number) => { file: string; line: number; column: number }): Diagnostic {
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^:#\n]+)/.exec(text.slice(error.pos[0]))?.[1]?.trim();
    return {
      ...at(error.pos[0]),
      severity: 'error',
      code: DiagnosticCode.yamlDuplicateKey,
      path: '',
      message: `duplicate key${key ? ` \`${key}\`` : ''}: a key may appear only once in a mapping`,
      hint: 'remove one of the two entries',
    };
  }
  return {
    ...at(error.pos[0]),
    severity: 'error',
    code: DiagnosticCode.yamlSyntax,
    path: '',
    message: `invalid YAML: ${lowerFirst(error.message)}`,
    hint: `YAML error ${error.code}`,
  };
}

/**
 * Expands the document once with a bound on aliases: an alias to nowhere or an alias bomb is
 * reported here, with the position of the first alias, instead of failing later.
 */
function checkAliases(document: Document.Parsed, at: (offset: number) => { file: string; line: number; column: number }): Diagnostic | undefined {
  let hasAlias = false;
  let firstAlias = 0;
  visit(document, {
    Alias(_key, node) {
      if (!hasAlias) firstAlias = node.range?.[0] ?? 0;
      hasAlias = true;
      return visit.BREAK;
    },
  });
  if (!hasAlias) return undefined;
  try {
    document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/unresolved alias/i.test(message)) {
      const unresolved = findUnresolvedAlias(document);
      return {
        ...at(unresolved?.offset ?? firstAlias),
        severity: 'error',
        code: DiagnosticCode.yamlUnresolvedAlias,
        path: '',
        message: `alias \`*${unresolved?.source ?? '?'}\` refers to no anchor`,
        hint: 'define `&name` before using `*name`',
      };
    }
    return {
      ...at(firstAlias),
      severity: 'error',
      code: DiagnosticCode.yamlAliasLimit,
      path: '',
      message: `aliases expand to more than ${MAX_ALIAS_COUNT} nodes; refusing to expand this document`,
      hint: 'a manifest needs few aliases; this looks like a "billion laughs" document',
    };
  }
}

function findUnresolvedAlias(document: Document.Parsed): { offset: number; source: string } | undefined {
  let found: { offset: number; source: string } | undefined;
  visit(document, {
    Alias(_key, node) {
      if (isAlias(node) && node.resolve(document) === undefined) {
        found = { offset: node.range?.[0] ?? 0, source: node.source };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0]!.toLowerCase() + text.slice(1) : text;
}
