// Reading manifests: the only I/O of the manifest layer. Files, directories (their *.yaml and
// *.yml entries, not recursive, sorted by name, like `kubectl apply -f dir`), `-` for standard
// input, http(s) URLs (read-url.ts) and a kustomize overlay's built output (kustomize.ts). A path that cannot be read becomes a diagnostic, so one bad path does not hide the
// problems of the others.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { SourceFile } from './document.js';
import { DiagnosticCode } from '../core/diagnostic-codes.js';
import { isManifestUrl, readUrl } from './read-url.js';
import type { KustomizeSource } from './kustomize.js';
import { SecretValues } from '../core/secrets.js';
import { MAX_SOURCE_BYTES, notAFileMessage, readRegularFile } from './bounded-file.js';

export { MAX_SOURCE_BYTES };

export const STDIN_NAME = '<stdin>';

const MANIFEST_EXTENSIONS = /\.ya?ml$/i;

export interface ReadOptions {
  /** `--kustomize-dir` and `--overlay`: the built output is read after the paths. */
  readonly kustomize?: KustomizeSource;
  /** For OPENMCF_URL_TIMEOUT_MS and finding kustomize (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

export async function readSources(
  paths: readonly string[],
  readStdin: () => Promise<string> = readProcessStdin,
  options: ReadOptions = {},
): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[]; secrets: SecretValues }> {
  const diagnostics: Diagnostic[] = [];
  // The credentials of manifest URLs (`https://user:token@host/app.yaml`).
  let secrets = SecretValues.none;
  const expanded: (string | typeof STDIN | { url: string })[] = [];
  let stdinSeen = false;
  for (const path of paths) {
    if (isManifestUrl(path)) {
      expanded.push({ url: path });
      continue;
    }
    if (path === '-') {
      // Standard input can be read once; a second `-f -` would silently read nothing.
      if (!stdinSeen) expanded.push(STDIN);
      stdinSeen = true;
      continue;
    }
    const listed = await expandPath(path);
    if ('problem' in listed) diagnostics.push(listed.problem);
    else expanded.push(...listed.files);
  }

  // Manifests are small and local: reading them one after the other synchronously is several
  // times faster than fs.promises (open, stat, read and close each a round trip to the thread pool).
  const files: SourceFile[] = [];
  for (const entry of expanded) {
    if (entry === STDIN) {
      const text = await readStdin();
      if (Buffer.byteLength(text, 'utf8') > MAX_SOURCE_BYTES) diagnostics.push(tooLarge(STDIN_NAME));
      else files.push({ file: STDIN_NAME, text });
      continue;
    }
    if (typeof entry === 'object') {
      const fetched = await readUrl(entry.url, options.env);
      secrets = secrets.merge(fetched.secrets);
      if ('file' in fetched) files.push(fetched.file);
      else diagnostics.push(fetched.problem);
      continue;
    }
    try {
      const read = readRegularFile(entry);
      if ('bytes' in read) files.push({ file: entry, text: read.bytes.toString('utf8') });
      else if ('tooLarge' in read) diagnostics.push(tooLarge(entry));
      else
        diagnostics.push(
          inputProblem(
            entry,
            DiagnosticCode.inputNotAFile,
            notAFileMessage(read.notAFile),
            "give a file; for a pipe or a command's output, use -f - and pipe it to standard input",
          ),
        );
    } catch (error) {
      diagnostics.push(inputProblem(entry, DiagnosticCode.inputUnreadable, `cannot read file: ${systemMessage(error)}`));
    }
  }
  if (options.kustomize) {
    const built = await (await import('./kustomize.js')).readKustomize(options.kustomize, options.env);
    if ('file' in built) files.push(built.file);
    else diagnostics.push(built.problem);
  }
  return { files, diagnostics, secrets };
}

function tooLarge(file: string): Diagnostic {
  return inputProblem(
    file,
    DiagnosticCode.inputTooLarge,
    `holds more than ${MAX_SOURCE_BYTES / (1024 * 1024)} MiB; a manifest source may not be larger`,
    'split the manifests over several files, or check that -f names the file you meant',
  );
}

const STDIN = Symbol('stdin');

async function expandPath(path: string): Promise<{ files: string[] } | { problem: Diagnostic }> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return { problem: inputProblem(path, DiagnosticCode.inputNotFound, 'no such file or directory', 'check the path given to -f/--file') };
    }
    return { problem: inputProblem(path, DiagnosticCode.inputUnreadable, `cannot read: ${systemMessage(error)}`) };
  }
  if (!info.isDirectory()) return { files: [path] };
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch (error) {
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
function inputProblem(file: string, code: string, message: string, hint?: string): Diagnostic {
  return { file, line: 0, column: 0, severity: 'error', code, path: '', message, ...(hint ? { hint } : {}) };
}

const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
};

function systemMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code && SYSTEM_ERRORS[code]) return SYSTEM_ERRORS[code];
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** Standard input up to one byte past the bound; leaving the loop early stops reading it. */
async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(bytes);
    length += bytes.length;
    if (length > MAX_SOURCE_BYTES) break;
  }
  return Buffer.concat(chunks)
    .subarray(0, MAX_SOURCE_BYTES + 1)
    .toString('utf8');
}
