// `openmcf validate` output, from the report the command made (commands/validate.ts): the
// diagnostics and a closing line on stderr, or with --json one document on stdout.
// --json (human text still goes to stderr):
//   {
//     "apiVersion": "openmcf.org/validate/v1",
//     "valid": true | false,                  // no error anywhere
//     "summary": { "files": n, "documents": n, "validDocuments": n, "errors": n, "warnings": n },
//     "documents": [ { "file", "documentIndex", "line", "column", "name"?, "valid", "errors", "warnings" } ],
//     "diagnostics": [ { "severity", "code", "file", "line", "column", "path", "message", "hint"? } ],
//     "shard": { "index", "count", "documents", "totalDocuments" }   // only with --shard
//   }
// `documents` lists every YAML document that parsed as a mapping; problems that stop a file
// before that (missing file, YAML syntax) are only in `diagnostics`.
import type { Diagnostic } from '../core/diagnostic.js';
import type { Io } from '../core/io.js';
import type { SecretValues } from '../core/secrets.js';
import { shardPrefix, type ShardReport } from '../manifest/shard.js';
import type { DocumentSummary } from '../validation/load-manifests.js';
import { countBySeverity, diagnosticsToJson, problemSummary, reportDiagnostics, styleFor, type JsonDiagnostic } from './diagnostics.js';

export const VALIDATE_API_VERSION = 'openmcf.org/validate/v1';

export interface ValidateReport {
  readonly valid: boolean;
  readonly fileCount: number;
  readonly documents: readonly DocumentSummary[];
  readonly diagnostics: readonly Diagnostic[];
  readonly shard?: ShardReport;
  /** The input's secret values, for the output to mask (never part of the JSON document). */
  readonly secrets: SecretValues;
}

export interface ValidateJson {
  readonly apiVersion: typeof VALIDATE_API_VERSION;
  readonly valid: boolean;
  readonly summary: { files: number; documents: number; validDocuments: number; errors: number; warnings: number };
  readonly documents: readonly DocumentSummary[];
  readonly diagnostics: readonly JsonDiagnostic[];
  readonly shard?: ShardReport;
}

export function validateJson(report: ValidateReport): ValidateJson {
  const { errors, warnings } = countBySeverity(report.diagnostics);
  return {
    apiVersion: VALIDATE_API_VERSION,
    valid: report.valid,
    summary: {
      files: report.fileCount,
      documents: report.documents.length,
      validDocuments: report.documents.filter((d) => d.valid).length,
      errors,
      warnings,
    },
    documents: report.documents,
    diagnostics: diagnosticsToJson(report.diagnostics),
    ...(report.shard ? { shard: report.shard } : {}),
  };
}

/** The closing line: `4 manifests valid in 4 files` or `2 errors, 0 warnings in 1 file; 3 of 4 manifests valid`. */
export function validateSummaryLine(report: ValidateReport): string {
  const total = report.documents.length;
  const validCount = report.documents.filter((d) => d.valid).length;
  const manifests = `${total} manifest${total === 1 ? '' : 's'}`;
  const files = `${report.fileCount} file${report.fileCount === 1 ? '' : 's'}`;
  if (report.valid) {
    const { warnings } = countBySeverity(report.diagnostics);
    const warned = warnings > 0 ? `; ${warnings} warning${warnings === 1 ? '' : 's'}` : '';
    return `${manifests} valid in ${files}${warned}`;
  }
  if (total === 0) return `${problemSummary(report.diagnostics)}; no manifest could be checked`;
  return `${problemSummary(report.diagnostics)}; ${validCount} of ${manifests} valid`;
}

/** Every diagnostic, then the JSON document on stdout or the closing line (green or red) on stderr. */
export async function printValidateReport(io: Io, report: ValidateReport, json: boolean): Promise<void> {
  await reportDiagnostics(io, report.diagnostics, { json });
  if (json) {
    io.out(`${JSON.stringify(validateJson(report), null, 2)}\n`);
  } else {
    const chalk = await styleFor(io);
    const line = `${report.shard ? `${shardPrefix(report.shard)}: ` : ''}${validateSummaryLine(report)}`;
    io.err(`${report.valid ? chalk.green(line) : chalk.red(line)}\n`);
  }
}
