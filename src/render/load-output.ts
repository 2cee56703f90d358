// `openmcf load` output, from the manifests the command loaded (commands/load.ts): multi-document
// YAML, every default filled in, or with --json one document:
//   { "apiVersion": "openmcf.org/load/v1",
//     "manifests": [ { "source": { "file", "line", "column", "documentIndex" }, "manifest": {...},
//                      "ignoredFields": ["status"] } ],   // top-level fields left out: never input
//     "diagnostics": [ ...warnings, or the errors when invalid (then "manifests" is empty) ],
//     "shard": { "index": 2, "count": 4, "documents": 3, "totalDocuments": 10 } }   // with --shard
// Secret values (env.secrets) print as "[secret]" unless --show-secrets.
import { stringify } from 'yaml';
import type { Diagnostic } from '../core/diagnostic.js';
import type { ShardReport } from '../manifest/shard.js';
import type { LoadedManifest } from '../validation/load-manifests.js';
import { SECRET_PLACEHOLDER } from '../validation/placeholder-rules.js';
import type { ScalewayServerlessContainerManifest } from '../validation/spec-types.js';
import { diagnosticsToJson } from './diagnostics.js';

export const LOAD_API_VERSION = 'openmcf.org/load/v1';
/** Why `status` (what the original CLI recorded after a deployment) is not printed. */
export const IGNORED_NOTE = 'left out: not used as input (it records a past deployment; `openmcf outputs` reads the stack)';

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

/** What `load` read: the valid manifests, the warnings about them, and the part --shard took. */
export interface LoadResult {
  readonly manifests: readonly LoadedManifest[];
  readonly diagnostics: readonly Diagnostic[];
  readonly shard?: ShardReport;
}

/** The --json document of manifests that loaded. */
export function loadDocument(loaded: LoadResult, showSecrets: boolean): object {
  return {
    apiVersion: LOAD_API_VERSION,
    manifests: loaded.manifests.map((m) => ({
      source: { file: m.origin.file, line: m.origin.line, column: m.origin.column, documentIndex: m.origin.documentIndex },
      manifest: showSecrets ? m.manifest : maskSecrets(m.manifest),
      ...(m.ignoredFields.length > 0 ? { ignoredFields: m.ignoredFields } : {}),
    })),
    diagnostics: diagnosticsToJson(loaded.diagnostics),
    ...(loaded.shard ? { shard: loaded.shard } : {}),
  };
}

/** The --json document of manifests that did not: no manifests, the errors. */
export function invalidLoadDocument(diagnostics: readonly Diagnostic[]): object {
  return { apiVersion: LOAD_API_VERSION, manifests: [], diagnostics: diagnosticsToJson(diagnostics) };
}
