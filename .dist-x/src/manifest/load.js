import { readSources } from './read.js';
import { parseDocuments } from './parse.js';
import { substituteVariables } from './substitute.js';
import { applyOverrides, attributeToOverride, overrideFlagFor, parseOverrides } from './overrides.js';
import { substitutionVariables } from './env-file.js';
import { validateDocument } from '../spec/validate.js';
import { normaliseProtoNames } from '../spec/proto-names.js';
import { registerSecret } from '../render/redact.js';
export async function loadManifests(options) {
    const diagnostics = [];
    const manifests = [];
    const documents = [];
    // Flags and the env file are checked once, not per document; when they are wrong no manifest is
    // used, but every document is still checked so the user sees all problems at once.
    const onSecret = options.registerSecrets === false ? () => undefined : registerSecret;
    const substitution = substitutionVariables(options.envFile, options.variables ?? process.env);
    const overrides = parseOverrides(options.sets ?? [], { onSecret });
    diagnostics.push(...substitution.diagnostics, ...overrides.diagnostics);
    const inputFailed = diagnostics.some((d) => d.severity === 'error');
    const sources = await readSources(options.files, options.readStdin, options.kustomize ? { kustomize: options.kustomize } : {});
    diagnostics.push(...sources.diagnostics);
    for (const source of sources.files) {
        const fileProblems = [];
        const parsed = parseDocuments(source);
        fileProblems.push(...parsed.diagnostics);
        for (const doc of parsed.documents) {
            const documentProblems = [];
            // First: substitution and --set then see one spelling of each field (the JSON one).
            documentProblems.push(...normaliseProtoNames(doc));
            const substitutionProblems = substituteVariables(doc, substitution.variables, onSecret);
            const overrideProblems = applyOverrides(doc, overrides.overrides, { onSecret });
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
            const metadataName = doc.document.getIn(['metadata', 'name']);
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
                manifests.push({
                    origin: { file: doc.file, line: validated.origin.line, column: validated.origin.column, documentIndex: doc.index },
                    manifest: validated.manifest,
                    secretValues: validated.manifest.spec.env.secrets.map((s) => s.value).filter((v) => v.length > 0),
                    ignoredFields: validated.ignoredFields,
                });
            }
        }
        // Problems of one file read top to bottom, whichever step found them (a stable sort keeps
        // the order of problems at the same place; file-level problems at line 0 come first).
        diagnostics.push(...fileProblems.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : 0)));
    }
    return { manifests, diagnostics, documents, fileCount: sources.files.length };
}
