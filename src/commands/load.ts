// `openmcf load`: prints the manifests as they will be used, every documented default filled in,
// as multi-document YAML or, with --json, as one document:
//   { "apiVersion": "openmcf.org/load/v1",
//     "manifests": [ { "source": { "file", "line", "column", "documentIndex" }, "manifest": {...},
//                      "ignoredFields": ["status"] } ],   // top-level fields left out: never input
//     "diagnostics": [ ...warnings, or the errors when invalid (then "manifests" is empty) ],
//     "shard": { "index": 2, "count": 4, "documents": 3, "totalDocuments": 10 } }   // with --shard
// Secret values (env.secrets) print as "[secret]" unless --show-secrets. Invalid input: exit 3.
import { stringify } from 'yaml';
import type { ManifestSelection } from '../run/manifest-input.js';
import type { LoadedManifest } from '../validation/load-manifests.js';
import type { ScalewayServerlessContainerManifest } from '../validation/spec-types.js';
import { ExitCode } from '../core/errors.js';
import type { Io } from '../core/io.js';
import { diagnosticsToJson } from '../render/diagnostics.js';
import { loadValidManifestsWithDiagnostics, ManifestInvalidError } from '../run/load-valid-manifests.js';

export const LOAD_API_VERSION = 'openmcf.org/load/v1';
export const SECRET_PLACEHOLDER = '[secret]';
/** Why `status` (what the original CLI recorded after a deployment) is not printed. */
export const IGNORED_NOTE = 'left out: not used as input (it records a past deployment; `openmcf outputs` reads the stack)';

export interface LoadOptions {
  readonly manifests: ManifestSelection;
  readonly json: boolean;
  /** Print env.secrets values as written instead of masked. */
  readonly showSecrets: boolean;
}

/** The manifest with every secret value replaced by the placeholder. */
export function maskSecrets(manifest: ScalewayServerlessContainerManifest): ScalewayServerlessContainerManifest {
  return {
    ...manifest,
    spec: {
      ...manifest.spec,
      env: {
        ...manifest.spec.env,
        secrets: manifest.spec.env.secrets.map((secret) => ({ ...secret, value: SECRET_PLACEHOLDER })),
      },
    },
  };
}

export function loadedAsYaml(manifests: readonly LoadedManifest[], showSecrets: boolean): string {
  return manifests
    .map((loaded) => {
      const manifest = showSecrets ? loaded.manifest : maskSecrets(loaded.manifest);
      const source = `# source: ${loaded.origin.file}:${loaded.origin.line}:${loaded.origin.column}`;
      const ignored = loaded.ignoredFields.map((field) => `# ${field}: ${IGNORED_NOTE}\n`).join('');
      // lineWidth 0: never fold long values (a folded secret or URL would read differently).
      return `---\n${source}\n${ignored}${stringify(manifest, { lineWidth: 0 })}`;
    })
    .join('');
}

export async function runLoad(
  load: LoadOptions,
  io: Io,
  options: { readStdin?: () => Promise<string> } = {},
): Promise<number> {
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
      io.out(`${JSON.stringify({ apiVersion: LOAD_API_VERSION, manifests: [], diagnostics: diagnosticsToJson(error.diagnostics) }, null, 2)}\n`);
    }
    throw error;
  }
  if (json) {
    const document = {
      apiVersion: LOAD_API_VERSION,
      manifests: loaded.manifests.map((m) => ({
        source: { file: m.origin.file, line: m.origin.line, column: m.origin.column, documentIndex: m.origin.documentIndex },
        manifest: showSecrets ? m.manifest : maskSecrets(m.manifest),
        ...(m.ignoredFields.length > 0 ? { ignoredFields: m.ignoredFields } : {}),
      })),
      diagnostics: diagnosticsToJson(loaded.diagnostics),
      ...(loaded.shard ? { shard: loaded.shard } : {}),
    };
    io.out(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    io.out(loadedAsYaml(loaded.manifests, showSecrets));
  }
  return ExitCode.ok;
}
