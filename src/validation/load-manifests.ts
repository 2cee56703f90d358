// The manifest pipeline: files -> YAML documents with positions -> substitution -> --set
// overrides -> validation with defaults. Every step collects diagnostics instead of throwing, so a
// user sees all problems of all documents at once.
import type { Diagnostic, SourcePosition } from '../core/diagnostic.js';
import type { ScalewayServerlessContainerManifest } from './spec-types.js';
import { readSources } from '../manifest/read-sources.js';
import type { KustomizeSource } from '../manifest/kustomize.js';
import { parseDocuments } from '../manifest/parse.js';
import { substituteVariables } from '../manifest/substitute.js';
import { applyOverrides, attributeToOverride, overrideFlagFor, parseOverrides } from '../manifest/overrides.js';
import { substitutionVariables } from '../manifest/env-file.js';
import { validateDocument } from './validate-spec.js';
import { normaliseProtoNames } from './proto-names.js';
import { maskError, SecretValues } from '../core/secrets.js';
import { inShard, type Shard, type ShardReport } from '../manifest/shard.js';
import { locate } from '../manifest/locate.js';
import type { ParsedDocument } from '../manifest/document.js';

export interface ManifestInputOptions {
  /** Paths to files or directories (`*.yaml`, `*.yml`), or `-` for standard input. */
  readonly files: readonly string[];
  /** `--set path=value` overrides, applied to every document before validation. */
  readonly sets?: readonly string[];
  /** A dotenv file whose values fill `${VAR}` (the process environment wins over it). */
  readonly envFile?: string;
  /** Variables for `${VAR}` substitution (default `process.env`); they win over `envFile`'s. */
  readonly variables?: Readonly<Record<string, string | undefined>>;
  /** Reads standard input; injectable for tests. */
  readonly readStdin?: () => Promise<string>;
  /** `--kustomize-dir` + `--overlay`: the manifests the overlay builds to, after `files`. */
  readonly kustomize?: KustomizeSource;
  /** `--shard i/n`: only the documents of that part are checked and used (see shard.ts). */
  readonly shard?: Shard;
  /** Paths are named relative to this for sharding (default process.cwd()). */
  readonly cwd?: string;
}

export interface LoadedManifest {
  /** Where the document starts, for messages about the manifest as a whole. */
  readonly origin: SourcePosition & { readonly documentIndex: number };
  /** The validated manifest, defaults filled in. */
  readonly manifest: ScalewayServerlessContainerManifest;
  /** Values that must never be printed (env.secrets values after substitution). */
  readonly secretValues: readonly string[];
  /** Top-level fields the document has that are never input (`status`), for `load` to mention. */
  readonly ignoredFields: readonly string[];
  /** Where each `valueFrom` key is written, by field (`spec.image.registryEndpoint`), for messages
   * about the order of a run (a cycle names them). */
  readonly valueFromPositions?: Readonly<Record<string, SourcePosition>>;
}

/** One YAML document that reached validation, and how it fared (for `validate --json`). */
export interface DocumentSummary {
  readonly file: string;
  /** 0-based position of the document in its file. */
  readonly documentIndex: number;
  /** Where the document's content starts (1-based). */
  readonly line: number;
  readonly column: number;
  /** `metadata.name` when the document has a string there, valid or not. */
  readonly name?: string;
  readonly valid: boolean;
  readonly errors: number;
  readonly warnings: number;
}

export interface LoadResult {
  readonly manifests: readonly LoadedManifest[];
  /** Errors and warnings of every document, in file order, by position within a file. */
  readonly diagnostics: readonly Diagnostic[];
  /** Every document that parsed as a mapping, in file order. */
  readonly documents: readonly DocumentSummary[];
  /** How many files (or standard input) were read. */
  readonly fileCount: number;
  /** With --shard: which part this was, and how many documents it had of all. */
  readonly shard?: ShardReport;
  /**
   * Every secret value the input holds, for the run to mask in all output (the diagnostics above
   * included): the credentials of manifest URLs, values `--set` on a secret's path, values `${VAR}`
   * filled into a secret (whole and in parts), and the secret values of the valid manifests.
   */
  readonly secrets: SecretValues;
  /** The credentials of manifest URLs alone (part of `secrets`): masked even where the user asked
   * to see the manifests' secret values (`load --show-secrets`), which they are not. */
  readonly urlCredentials: SecretValues;
}

export async function loadManifests(options: ManifestInputOptions): Promise<LoadResult> {
  const found = { secrets: SecretValues.none };
  try {
    return await loadWith(options, found);
  } catch (error) {
    // Whatever fails halfway (a file system error, a bug) must not quote a secret already read.
    throw maskError(error, found.secrets);
  }
}

async function loadWith(options: ManifestInputOptions, found: { secrets: SecretValues }): Promise<LoadResult> {
  const diagnostics: Diagnostic[] = [];
  const manifests: LoadedManifest[] = [];
  const documents: DocumentSummary[] = [];
  const addSecrets = (secrets: SecretValues): void => {
    found.secrets = found.secrets.merge(secrets);
  };
  // Flags and the env file are checked once, not per document; when they are wrong no manifest is
  // used, but every document is still checked so the user sees all problems at once.
  const substitution = substitutionVariables(options.envFile, options.variables ?? process.env);
  const overrides = parseOverrides(options.sets ?? []);
  addSecrets(overrides.secrets);
  diagnostics.push(...substitution.diagnostics, ...overrides.diagnostics);
  const inputFailed = diagnostics.some((d) => d.severity === 'error');
  const sources = await readSources(options.files, options.readStdin, options.kustomize ? { kustomize: options.kustomize } : {});
  addSecrets(sources.secrets);
  const urlCredentials = sources.secrets;
  diagnostics.push(...sources.diagnostics);
  let totalDocuments = 0;
  for (const source of sources.files) {
    const fileProblems: Diagnostic[] = [];
    const parsed = parseDocuments(source);
    // Problems of a whole file (YAML syntax) belong to no one part: every shard reports them.
    fileProblems.push(...parsed.diagnostics);
    totalDocuments += parsed.documents.length;
    for (const doc of parsed.documents) {
      if (!inShard(options.shard, doc.file, doc.index, options.cwd)) continue;
      const documentProblems: Diagnostic[] = [];
      // First: substitution and --set then see one spelling of each field (the JSON one).
      documentProblems.push(...normaliseProtoNames(doc));
      const substituted = substituteVariables(doc, substitution.variables);
      addSecrets(substituted.secrets);
      const substitutionProblems = substituted.diagnostics;
      const overrideProblems = applyOverrides(doc, overrides.overrides);
      // `--set` wins over the file: a `${VAR}` it replaced needs no value.
      const unresolved = substitutionProblems.filter((d) => overrideFlagFor(doc, d.path) === undefined);
      documentProblems.push(...unresolved, ...overrideProblems);
      const validated = validateDocument(doc);
      // A value whose ${VAR} could not be filled is still the raw `${VAR}` text: checking it
      // would only add a confusing second error at the same place.
      const unresolvedPaths = new Set(unresolved.map((d) => d.path));
      documentProblems.push(...validated.diagnostics.filter((d) => !unresolvedPaths.has(d.path)).map((d) => attributeToOverride(doc, d)));
      fileProblems.push(...documentProblems);
      const errors = documentProblems.filter((d) => d.severity === 'error').length;
      const metadataName: unknown = doc.document.getIn(['metadata', 'name']);
      documents.push({
        file: doc.file,
        documentIndex: doc.index,
        line: validated.origin.line,
        column: validated.origin.column,
        ...(typeof metadataName === 'string' ? { name: metadataName } : {}),
        valid: errors === 0 && !inputFailed,
        errors,
        warnings: documentProblems.length - errors,
      });
      if (validated.manifest && !inputFailed && errors === 0) {
        const secretValues = validated.manifest.spec.env.secrets.map((s) => s.value).filter((v) => v.length > 0);
        addSecrets(SecretValues.of(...secretValues));
        manifests.push({
          origin: { file: doc.file, line: validated.origin.line, column: validated.origin.column, documentIndex: doc.index },
          manifest: validated.manifest,
          secretValues,
          ignoredFields: validated.ignoredFields,
          valueFromPositions: valueFromPositions(doc),
        });
      }
    }
    // Problems of one file read top to bottom, whichever step found them (a stable sort keeps
    // the order of problems at the same place; file-level problems at line 0 come first).
    diagnostics.push(...fileProblems.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : 0)));
  }
  const shard = options.shard ? { ...options.shard, documents: documents.length, totalDocuments } : undefined;
  return { manifests, diagnostics, documents, fileCount: sources.files.length, ...(shard ? { shard } : {}), secrets: found.secrets, urlCredentials };
}

/** The fields that may read another stack through `valueFrom`, and where each is written. */
function valueFromPositions(doc: ParsedDocument): Record<string, SourcePosition> {
  const positions: Record<string, SourcePosition> = {};
  for (const field of [
    ['spec', 'image', 'registryEndpoint'],
    ['spec', 'privateNetworkId'],
  ]) {
    if (!doc.document.hasIn([...field, 'valueFrom'])) continue;
    positions[field.join('.')] = { file: doc.file, ...locate(doc, [...field, 'valueFrom'], 'key') };
  }
  return positions;
}
