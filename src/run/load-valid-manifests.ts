// The manifest step of every command that deploys or reads stacks (apply, preview, destroy,
// refresh, outputs): load, report problems, and go on only with manifests that have no error.
import { manifestInput, type ManifestSelection } from './manifest-input.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { loadManifests, type LoadedManifest } from '../validation/load-manifests.js';
import { ExitCode, OpenmcfError } from '../core/errors.js';
import type { Io } from '../core/io.js';
import { problemSummary, reportDiagnostics } from '../render/diagnostics.js';
import type { SecretValues } from '../core/secrets.js';
import type { ShardReport } from '../manifest/shard.js';

/** Manifest input had errors: exit 3, nothing touched. Carries the diagnostics for --json callers. */
export class ManifestInvalidError extends OpenmcfError {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(`invalid manifest input (${problemSummary(diagnostics)})`, {
      exitCode: ExitCode.invalidInput,
      code: 'manifest.invalid',
      origin: 'user',
      hint: 'fix the problems reported for each file and line; nothing was changed',
    });
    this.name = 'ManifestInvalidError';
    this.diagnostics = diagnostics;
  }
}

export interface LoadValidManifestsOptions {
  /** --json mode: print nothing on stdout and no human diagnostics; the caller embeds them. */
  readonly json?: boolean;
  /** Mask the input's secret values in all output of the run from now on (default true; false
   * only when the user asked to see them, `load --show-secrets`). */
  readonly maskSecrets?: boolean;
  /** Reads standard input for `-f -`; injectable for tests. */
  readonly readStdin?: () => Promise<string>;
}

/** Valid manifests, plus the warnings found on the way (to embed in a JSON result). */
export async function loadValidManifestsWithDiagnostics(
  selection: ManifestSelection,
  io: Io,
  options: LoadValidManifestsOptions = {},
): Promise<{ manifests: LoadedManifest[]; diagnostics: readonly Diagnostic[]; shard?: ShardReport; secrets: SecretValues }> {
  const result = await loadManifests({
    ...manifestInput(selection),
    ...(options.readStdin ? { readStdin: options.readStdin } : {}),
  });
  // Into the run's set before anything is printed, the diagnostics first.
  io.redactor.add(options.maskSecrets === false ? result.urlCredentials : result.secrets);
  await reportDiagnostics(io, result.diagnostics, { json: options.json ?? false });
  if (result.diagnostics.some((d) => d.severity === 'error')) throw new ManifestInvalidError(result.diagnostics);
  return { manifests: [...result.manifests], diagnostics: result.diagnostics, ...(result.shard ? { shard: result.shard } : {}), secrets: result.secrets };
}

/**
 * Loads and validates the manifests named by the flags. Problems are printed (human form on
 * stderr unless `json`); any error throws ManifestInvalidError (exit 3). Secret values join the
 * run's set (io.redactor) before anything else is printed.
 */
export async function loadValidManifests(selection: ManifestSelection, io: Io, options: LoadValidManifestsOptions = {}): Promise<LoadedManifest[]> {
  return (await loadValidManifestsWithDiagnostics(selection, io, options)).manifests;
}
