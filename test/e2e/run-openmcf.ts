// Runs the built binary the way a user does: a child process with its own OPENMCF_HOME, no
// terminal, no colour, and no CI variables leaking in from the machine running the tests.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineBinary, pluginBinary } from '../helpers/engine.js';

/** The package root (dist/test/cli -> root). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'openmcf.js');

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  readonly input?: string;
}

export function tempDir(prefix = 'openmcf-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function childEnv(extra: Readonly<Record<string, string>> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPENMCF_HOME: tempDir('openmcf-home-'),
    NO_COLOR: '1',
    // The engine and plugin CI built: a fresh OPENMCF_HOME would otherwise build them again.
    OPENMCF_PULUMI_CLI: process.env.OPENMCF_PULUMI_CLI ?? engineBinary(),
    OPENMCF_SCALEWAY_PLUGIN: process.env.OPENMCF_SCALEWAY_PLUGIN ?? pluginBinary(),
  };
  for (const name of ['GITHUB_ACTIONS', 'GITHUB_WORKSPACE', 'FORCE_COLOR']) delete env[name];
  return { ...env, ...extra };
}

export function runOpenmcf(args: readonly string[], options: RunOptions = {}): RunResult {
  const result = spawnSync(process.execPath, ['--', BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: childEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the binary with standard input left open and never written: a command that prompted would
 * hang here, so finishing proves it did not wait for an answer.
 */
export function runWithOpenStdin(args: readonly string[], options: RunOptions = {}, timeoutMs = 20_000): Promise<RunResult & { timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--', BIN, ...args], { cwd: options.cwd ?? ROOT, env: childEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut: signal === 'SIGKILL' });
    });
  });
}
