// Reading manifests: the only I/O of the manifest layer. Files, directories (their *.yaml and
// *.yml entries, not recursive, sorted by name, like `kubectl apply -f dir`), `-` for standard
// input, http(s) URLs (read-url.ts) and a kustomize overlay's built output (kustomize.ts). A path that cannot be read becomes a diagnostic, so one bad path does not hide the
// problems of the others.
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DiagnosticCode } from './codes.js';
import { isManifestUrl, readUrl } from './read-url.js';
export const STDIN_NAME = '<stdin>';
const MANIFEST_EXTENSIONS = /\.ya?ml$/i;
export async function readSources(paths, readStdin = readProcessStdin, options = {}) {
    const diagnostics = [];
    const expanded = [];
    let stdinSeen = false;
    for (const path of paths) {
        if (isManifestUrl(path)) {
            expanded.push({ url: path });
            continue;
        }
        if (path === '-') {
            // Standard input can be read once; a second `-f -` would silently read nothing.
            if (!stdinSeen)
                expanded.push(STDIN);
            stdinSeen = true;
            continue;
        }
        const listed = await expandPath(path);
        if ('problem' in listed)
            diagnostics.push(listed.problem);
        else
            expanded.push(...listed.files);
    }
    // Manifests are small and local: reading them one after the other synchronously is several
    // times faster than fs.promises (open, stat, read and close each a round trip to the thread pool).
    const files = [];
    for (const entry of expanded) {
        if (entry === STDIN) {
            files.push({ file: STDIN_NAME, text: await readStdin() });
            continue;
        }
        if (typeof entry === 'object') {
            const fetched = await readUrl(entry.url, options.env);
            if ('file' in fetched)
                files.push(fetched.file);
            else
                diagnostics.push(fetched.problem);
            continue;
        }
        try {
            files.push({ file: entry, text: readFileSync(entry, 'utf8') });
        }
        catch (error) {
            diagnostics.push(inputProblem(entry, DiagnosticCode.inputUnreadable, `cannot read file: ${systemMessage(error)}`));
        }
    }
    if (options.kustomize) {
        const built = await (await import('./kustomize.js')).readKustomize(options.kustomize, options.env);
        if ('file' in built)
            files.push(built.file);
        else
            diagnostics.push(built.problem);
    }
    return { files, diagnostics };
}
const STDIN = Symbol('stdin');
async function expandPath(path) {
    let info;
    try {
        info = await stat(path);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT') {
            return { problem: inputProblem(path, DiagnosticCode.inputNotFound, 'no such file or directory', 'check the path given to -f/--file') };
        }
        return { problem: inputProblem(path, DiagnosticCode.inputUnreadable, `cannot read: ${systemMessage(error)}`) };
    }
    if (!info.isDirectory())
        return { files: [path] };
    let entries;
    try {
        entries = await readdir(path, { withFileTypes: true });
    }
    catch (error) {
        return { problem: inputProblem(path, DiagnosticCode.inputUnreadable, `cannot list directory: ${systemMessage(error)}`) };
    }
    const files = entries
        .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && MANIFEST_EXTENSIONS.test(entry.name))
        .map((entry) => entry.name)
        .sort()
        .map((name) => join(path, name));
    if (files.length === 0) {
        return {
            problem: inputProblem(path, DiagnosticCode.inputEmptyDirectory, 'directory has no *.yaml or *.yml files', 'subdirectories are not read; name each one with its own -f'),
        };
    }
    return { files };
}
/** A problem with a path as a whole: there is no line to point at, so line and column are 0. */
function inputProblem(file, code, message, hint) {
    return { file, line: 0, column: 0, severity: 'error', code, path: '', message, ...(hint ? { hint } : {}) };
}
const SYSTEM_ERRORS = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    ELOOP: 'too many symbolic links',
};
function systemMessage(error) {
    const code = error.code;
    if (code && SYSTEM_ERRORS[code])
        return SYSTEM_ERRORS[code];
    return code ?? (error instanceof Error ? error.message : String(error));
}
async function readProcessStdin() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString('utf8');
}
