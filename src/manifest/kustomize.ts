// `--kustomize-dir <dir> --overlay <name>`: the manifests `kustomize build <dir>/overlays/<name>`
// prints, read like any other source. The original OpenMCF CLI builds overlays in-process; here
// the kustomize CLI runs, found like the engine: OPENMCF_KUSTOMIZE, `kustomize` on PATH, the cache
// $OPENMCF_HOME/kustomize/v<pinned>/bin/kustomize, else built there from Go modules by
// kustomize/build.sh. Diagnostics point into the built output, under a name that says which
// overlay it is (`deploy/overlays/prod (kustomize build):12:5`); `kustomize build <overlay>`
// prints the same lines.
import { execFile, spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/diagnostic.js';
import type { SourceFile } from './document.js';
import { DiagnosticCode } from '../core/diagnostic-codes.js';
import { openmcfHome } from '../core/openmcf-home.js';
import { findOnPath, isExecutable } from '../core/executables.js';
import { KUSTOMIZE_VERSION } from '../core/version.js';

export const KUSTOMIZE_ENV = 'OPENMCF_KUSTOMIZE';
/** kustomize/build.sh in the installed package (dist/src/manifest/ -> package root). */
export const KUSTOMIZE_BUILD_SCRIPT = fileURLToPath(new URL('../../../kustomize/build.sh', import.meta.url));
const BUILD_TIMEOUT_MS = 120_000;
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

export interface KustomizeSource {
  readonly dir: string;
  readonly overlay: string;
}

/** The folder kustomize builds. */
export function overlayPath(source: KustomizeSource): string {
  return join(source.dir, 'overlays', source.overlay);
}

/** The name diagnostics give the built output. */
export function kustomizeSourceName(source: KustomizeSource): string {
  return `${overlayPath(source)} (kustomize build)`;
}

export function cachedKustomize(env: NodeJS.ProcessEnv): string {
  return join(openmcfHome(env), 'kustomize', `v${KUSTOMIZE_VERSION}`, 'bin', 'kustomize');
}

export async function readKustomize(
  source: KustomizeSource,
  env: NodeJS.ProcessEnv = process.env,
  onProgress: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<{ file: SourceFile } | { problem: Diagnostic }> {
  const overlay = overlayPath(source);
  const missing = missingOverlay(source);
  if (missing) return { problem: missing };
  const binary = await findKustomize(env, onProgress);
  if ('problem' in binary) return { problem: problem(overlay, binary.problem, binary.hint) };
  try {
    const text = await run(binary.path, ['build', overlay], env);
    return { file: { file: kustomizeSourceName(source), text } };
  } catch (error) {
    return { problem: problem(overlay, `kustomize build failed: ${failureReason(error)}`, `run \`${binary.path} build ${overlay}\` to see the whole output`) };
  }
}

function missingOverlay(source: KustomizeSource): Diagnostic | undefined {
  const overlay = overlayPath(source);
  if (isDirectory(overlay)) return undefined;
  if (!isDirectory(source.dir)) {
    return { ...problem(source.dir, 'no such directory (given to --kustomize-dir)', 'pass the folder that holds base/ and overlays/'), code: DiagnosticCode.inputNotFound };
  }
  let overlays: string[] = [];
  try {
    overlays = readdirSync(join(source.dir, 'overlays'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    overlays = [];
  }
  const hint = overlays.length > 0 ? `overlays in ${join(source.dir, 'overlays')}: ${overlays.join(', ')}` : `${source.dir} has no overlays/ folder`;
  return { ...problem(overlay, `no overlay "${source.overlay}" (given to --overlay)`, hint), code: DiagnosticCode.inputNotFound };
}

async function findKustomize(env: NodeJS.ProcessEnv, onProgress: (line: string) => void): Promise<{ path: string } | { problem: string; hint: string }> {
  const configured = env[KUSTOMIZE_ENV];
  if (configured !== undefined && configured !== '') {
    return isExecutable(configured)
      ? { path: configured }
      : { problem: `${KUSTOMIZE_ENV} is not an executable file: ${configured}`, hint: `point it at a kustomize binary, or unset it` };
  }
  const onPath = findOnPath('kustomize', env);
  if (onPath !== undefined) return { path: onPath };
  const cached = cachedKustomize(env);
  if (isExecutable(cached)) return { path: cached };
  const install = `install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) and put it on PATH or in ${KUSTOMIZE_ENV}`;
  if (findOnPath('go', env) === undefined) {
    return { problem: `kustomize was not found (looked at ${KUSTOMIZE_ENV}, PATH and ${cached}) and Go is not installed to build it`, hint: install };
  }
  onProgress(`kustomize not found (looked at ${KUSTOMIZE_ENV}, PATH and ${cached}); building v${KUSTOMIZE_VERSION} from Go modules (minutes the first time, cached afterwards)`);
  try {
    await buildKustomize(env, onProgress);
  } catch (error) {
    return { problem: `kustomize v${KUSTOMIZE_VERSION} could not be built: ${(error as Error).message}`, hint: `${install}, or run \`sh ${KUSTOMIZE_BUILD_SCRIPT}\` to see why` };
  }
  return isExecutable(cached) ? { path: cached } : { problem: `kustomize/build.sh did not produce ${cached}`, hint: install };
}

function buildKustomize(env: NodeJS.ProcessEnv, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', [KUSTOMIZE_BUILD_SCRIPT], { env: { ...env, OPENMCF_HOME: openmcfHome(env) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let last = '';
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        last = line;
        onLine(`  ${line}`);
      }
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(last || `kustomize/build.sh exited with code ${code}`))));
  });
}

function run(binary: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { env, timeout: BUILD_TIMEOUT_MS, maxBuffer: MAX_OUTPUT_BYTES, encoding: 'utf8' }, (error, stdout, stderr) => {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an ExecFileException is an Error; its Omit<> type hides that from the rule
      if (error) reject(Object.assign(error, { stderr }));
      else resolve(stdout);
    });
  });
}

/** kustomize's own first error line (`Error: ...`), or why it could not run. */
function failureReason(error: unknown): string {
  const { stderr, killed, code } = error as { stderr?: string; killed?: boolean; code?: unknown };
  if (killed) return `no result within ${BUILD_TIMEOUT_MS / 1000} s`;
  const line = (stderr ?? '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  if (line) return line.replace(/^Error:\s*/, '');
  return typeof code === 'string' ? code : `exit code ${String(code)}`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function problem(file: string, message: string, hint?: string): Diagnostic {
  return { file, line: 0, column: 0, severity: 'error', code: DiagnosticCode.inputKustomizeFailed, path: '', message, ...(hint ? { hint } : {}) };
}
