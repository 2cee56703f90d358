import { manifestInputFromFlags } from '../cli/options.js';
import { loadManifests } from '../manifest/load.js';
import { ExitCode, OpenmcfError } from '../errors.js';
import { problemSummary, reportDiagnostics } from '../render/diagnostics.js';
import { registerSecret } from '../render/redact.js';
/** Manifest input had errors: exit 3, nothing touched. Carries the diagnostics for --json callers. */
export class ManifestInvalidError extends OpenmcfError {
    diagnostics;
    constructor(diagnostics) {
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
/** Valid manifests, plus the warnings found on the way (to embed in a JSON result). */
export async function loadValidManifestsWithDiagnostics(flags, io, options = {}) {
    const result = await loadManifests({
        ...manifestInputFromFlags(flags),
        ...(options.readStdin ? { readStdin: options.readStdin } : {}),
        ...(options.registerSecrets === false ? { registerSecrets: false } : {}),
    });
    if (options.registerSecrets !== false) {
        for (const loaded of result.manifests)
            for (const secret of loaded.secretValues)
                registerSecret(secret);
    }
    await reportDiagnostics(io, result.diagnostics, { json: options.json ?? flags.json ?? false });
    if (result.diagnostics.some((d) => d.severity === 'error'))
        throw new ManifestInvalidError(result.diagnostics);
    return { manifests: [...result.manifests], diagnostics: result.diagnostics };
}
/**
 * Loads and validates the manifests named by the flags. Problems are printed (human form on
 * stderr unless `json`); any error throws ManifestInvalidError (exit 3). Secret values are
 * registered for masking before anything else is printed.
 */
export async function loadValidManifests(flags, io, options = {}) {
    return (await loadValidManifestsWithDiagnostics(flags, io, options)).manifests;
}
