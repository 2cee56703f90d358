import { manifestInputFromFlags } from '../cli/options.js';
import { loadManifests } from '../manifest/load.js';
import { ExitCode } from '../errors.js';
import { countBySeverity, diagnosticsToJson, problemSummary, reportDiagnostics, styleFor } from '../render/diagnostics.js';
export const VALIDATE_API_VERSION = 'openmcf.org/validate/v1';
/** Validates without printing anything: the data behind both output forms. */
export async function validateManifests(input) {
    const result = await loadManifests(input);
    const valid = !result.diagnostics.some((d) => d.severity === 'error');
    return { valid, fileCount: result.fileCount, documents: result.documents, diagnostics: result.diagnostics };
}
export function validateJson(report) {
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
    };
}
/** The closing line: `4 manifests valid in 4 files` or `2 errors, 0 warnings in 1 file; 3 of 4 manifests valid`. */
export function validateSummaryLine(report) {
    const total = report.documents.length;
    const validCount = report.documents.filter((d) => d.valid).length;
    const manifests = `${total} manifest${total === 1 ? '' : 's'}`;
    const files = `${report.fileCount} file${report.fileCount === 1 ? '' : 's'}`;
    if (report.valid) {
        const { warnings } = countBySeverity(report.diagnostics);
        const warned = warnings > 0 ? `; ${warnings} warning${warnings === 1 ? '' : 's'}` : '';
        return `${manifests} valid in ${files}${warned}`;
    }
    if (total === 0)
        return `${problemSummary(report.diagnostics)}; no manifest could be checked`;
    return `${problemSummary(report.diagnostics)}; ${validCount} of ${manifests} valid`;
}
export async function runValidate(flags, io, options = {}) {
    const report = await validateManifests({
        ...manifestInputFromFlags(flags),
        ...(options.readStdin ? { readStdin: options.readStdin } : {}),
    });
    const json = flags.json === true;
    await reportDiagnostics(io, report.diagnostics, { json });
    if (json) {
        io.out(`${JSON.stringify(validateJson(report), null, 2)}\n`);
    }
    else {
        const chalk = await styleFor(io);
        const line = validateSummaryLine(report);
        io.err(`${report.valid ? chalk.green(line) : chalk.red(line)}\n`);
    }
    return report.valid ? ExitCode.ok : ExitCode.invalidInput;
}
