// `openmcf load`: prints the manifests as they will be used, every documented default filled in,
// as multi-document YAML or, with --json, as one document (render/load-output.ts). Secret values
// (env.secrets) print as "[secret]" unless --show-secrets. Invalid input: exit 3.
import type { ManifestSelection } from '../run/manifest-input.js';
import { ExitCode } from '../core/errors.js';
import type { Io } from '../core/io.js';
import { invalidLoadDocument, loadDocument, loadedAsYaml } from '../render/load-output.js';
import { loadValidManifestsWithDiagnostics, ManifestInvalidError } from '../run/load-valid-manifests.js';

export interface LoadOptions {
  readonly manifests: ManifestSelection;
  readonly json: boolean;
  /** Print env.secrets values as written instead of masked. */
  readonly showSecrets: boolean;
}

export async function runLoad(load: LoadOptions, io: Io, options: { readStdin?: () => Promise<string> } = {}): Promise<number> {
  const { json, showSecrets } = load;
  let loaded;
  try {
    loaded = await loadValidManifestsWithDiagnostics(load.manifests, io, {
      json,
      maskSecrets: !showSecrets,
      ...(options.readStdin ? { readStdin: options.readStdin } : {}),
    });
  } catch (error) {
    if (json && error instanceof ManifestInvalidError) {
      io.out(`${JSON.stringify(invalidLoadDocument(error.diagnostics), null, 2)}\n`);
    }
    throw error;
  }
  if (json) io.out(`${JSON.stringify(loadDocument(loaded, showSecrets), null, 2)}\n`);
  else io.out(loadedAsYaml(loaded.manifests, showSecrets));
  return ExitCode.ok;
}
