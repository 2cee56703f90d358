// `openmcf validate`: checks manifests completely and offline; exit 0 when every document is
// valid (warnings allowed), 3 when any has an error.
//
// --json prints one document on stdout (render/validate-report.ts); human text goes to stderr.
import { manifestInput, type ManifestSelection } from '../run/manifest-input.js';
import { loadManifests, type ManifestInputOptions } from '../validation/load-manifests.js';
import { ExitCode } from '../core/errors.js';
import type { Io } from '../core/io.js';
import { printValidateReport, type ValidateReport } from '../render/validate-report.js';

/** Validates without printing anything: the data behind both output forms. */
export async function validateManifests(input: ManifestInputOptions): Promise<ValidateReport> {
  const result = await loadManifests(input);
  const valid = !result.diagnostics.some((d) => d.severity === 'error');
  return {
    valid,
    fileCount: result.fileCount,
    documents: result.documents,
    diagnostics: result.diagnostics,
    ...(result.shard ? { shard: result.shard } : {}),
    secrets: result.secrets,
  };
}

export interface ValidateOptions {
  readonly manifests: ManifestSelection;
  readonly json: boolean;
}

export async function runValidate(validate: ValidateOptions, io: Io, options: { readStdin?: () => Promise<string> } = {}): Promise<number> {
  const report = await validateManifests({
    ...manifestInput(validate.manifests),
    ...(options.readStdin ? { readStdin: options.readStdin } : {}),
  });
  io.redactor.add(report.secrets);
  await printValidateReport(io, report, validate.json);
  return report.valid ? ExitCode.ok : ExitCode.invalidInput;
}
