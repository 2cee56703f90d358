// Validation of one document: the JSON Schema (compiled at build time) plus the rules a schema
// cannot state, all run so that every problem of the document is reported at once. Each problem
// gets the position of the text it is about.
import type { Diagnostic } from '../core/diagnostic.js';
import type { ParsedDocument } from '../manifest/document.js';
import { documentStart, locate } from '../manifest/locate.js';
import { displayPath } from '../manifest/path.js';
import { MAX_ALIAS_COUNT } from '../manifest/parse.js';
import { DiagnosticCode } from '../core/diagnostic-codes.js';
import { IGNORED_TOP_LEVEL_FIELDS, type ScalewayServerlessContainerManifest } from './spec-types.js';
import { checkSchema } from './schema-check.js';
import type { Rule } from './finding.js';
import {
  cpuAndMemoryMetricsNeedMinScale,
  deployFalseHasNoEffect,
  envNamesNotReserved,
  envNamesUnique,
  minScaleNotAboveMaxScale,
  portNotReserved,
  privateNetworkInContainerRegion,
  scalingSetsOneMetric,
} from './platform-rules.js';
import { cronArgsAreJsonObjects, cronNamesUnique, cronSchedulesParse } from './cron-rules.js';
import { labelsKnownToOpenmcf, provisionerIsPulumi, stackLabelsPresent } from './label-rules.js';
import { noPlaceholderValues } from './placeholder-rules.js';
import { secretValuesWithinLimit } from './env-limit-rules.js';
import { applyDefaults } from './defaults.js';
import { record, type Finding } from './finding.js';

/**
 * The rules a JSON Schema cannot state (src/validation/), one small named function each, all run
 * on every document (even one the schema rejected) so that all of its problems are reported at
 * once. They live in a few small modules (platform, labels, cron, placeholders, env-limits): each module costs start-up time.
 */
export const RULES: readonly Rule[] = [
  provisionerIsPulumi,
  stackLabelsPresent,
  labelsKnownToOpenmcf,
  portNotReserved,
  minScaleNotAboveMaxScale,
  scalingSetsOneMetric,
  cpuAndMemoryMetricsNeedMinScale,
  envNamesNotReserved,
  envNamesUnique,
  privateNetworkInContainerRegion,
  deployFalseHasNoEffect,
  cronSchedulesParse,
  cronArgsAreJsonObjects,
  cronNamesUnique,
  noPlaceholderValues,
  secretValuesWithinLimit,
];

export interface ValidationResult {
  /** Present when the document has no errors: the manifest with defaults filled in. */
  readonly manifest?: ScalewayServerlessContainerManifest;
  /** Where the document starts (1-based). */
  readonly origin: { readonly line: number; readonly column: number };
  readonly diagnostics: Diagnostic[];
  /** Top-level fields present that are never input (IGNORED_TOP_LEVEL_FIELDS). */
  readonly ignoredFields: readonly string[];
}

/** JSON Schema validation (ajv, compiled at build time) plus the rules a schema cannot state. */
export function validateDocument(doc: ParsedDocument): ValidationResult {
  const origin = documentStart(doc);
  let data: unknown;
  try {
    data = doc.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // parseDocuments already refuses such documents; this guards documents changed since.
    return {
      origin,
      ignoredFields: [],
      diagnostics: [
        {
          file: doc.file,
          ...origin,
          severity: 'error',
          code: DiagnosticCode.yamlAliasLimit,
          path: '',
          message: `cannot expand the document: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
  const findings: Finding[] = [...checkSchema(data), ...RULES.flatMap((rule) => rule(data))];
  const diagnostics = findings.map((finding) => toDiagnostic(doc, finding)).sort(byPosition);
  const top = record(data) ?? {};
  const ignoredFields = IGNORED_TOP_LEVEL_FIELDS.filter((field) => top[field] !== undefined);
  if (diagnostics.some((d) => d.severity === 'error')) return { origin, diagnostics, ignoredFields };
  return { origin, diagnostics, ignoredFields, manifest: applyDefaults(data) };
}

function toDiagnostic(doc: ParsedDocument, finding: Finding): Diagnostic {
  const position = locate(doc, finding.at ?? finding.path, finding.anchor ?? 'value');
  return {
    file: doc.file,
    line: position.line,
    column: position.column,
    severity: finding.severity,
    code: finding.code,
    path: displayPath(finding.path),
    message: finding.message,
    ...(finding.hint ? { hint: finding.hint } : {}),
  };
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column;
}
