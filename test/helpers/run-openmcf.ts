// The one way the tests run the built binary, as a user does: a child process of `node
// bin/openmcf.js`, in an environment built by `openmcfEnv` alone (the machine running the tests
// must not change what the CLI does), synchronously (`runOpenmcf`), in the background
// (`startOpenmcf`), with stdin open and never written (`runWithOpenStdin`) or on a pseudo-terminal
// (`runOnTerminal`). The differences between tests are options, not other runners.
//
//   runOpenmcf(['validate', '-f', file])                                   a fresh OPENMCF_HOME
//   runOpenmcf(['apply', ...], { home, pulumiHome, passphrase, env: { OPENMCF_SANDBOX_FAULTS: rule } })
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineBinary, pluginBinary, type TempHome } from './engine.js';

/** The repository root (dist/test/helpers -> ../../..). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const OPENMCF_BIN = join(REPO_ROOT, 'bin', 'openmcf.js');
// Every run is `node -- bin/openmcf.js ...`, as the binary's shebang runs it: without `--`, Node 20
// reads an `--env-file` meant for openmcf itself (nodejs/node#54232) before openmcf starts.
const BIN_ARGS = ['--', OPENMCF_BIN] as const;

export function tempDir(prefix = 'openmcf-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Variables of the machine running the tests that change what the CLI does (CI output, colour, a
 * default backend, real credentials, sandbox faults): never passed on, unless a test sets them.
 */
const MACHINE_VARIABLES = [
  'GITHUB_ACTIONS',
  'GITHUB_WORKSPACE',
  'CI',
  'FORCE_COLOR',
  'PULUMI_BACKEND_URL',
  'PULUMI_CONFIG_PASSPHRASE',
  'PULUMI_CONFIG_PASSPHRASE_FILE',
  'PGPASSWORD',
  'SCW_ACCESS_KEY',
  'SCW_SECRET_KEY',
  'SCW_PROFILE',
  'OPENMCF_SANDBOX_FAULTS',
  'OPENMCF_SANDBOX_TRANSITIONS',
];

/** The passphrase of the tests' stacks. */
export const TEST_PASSPHRASE = 'openmcf-test-passphrase';

export interface EnvOptions {
  /** OPENMCF_HOME; without it, a fresh temp folder for each run. */
  readonly home?: string;
  /** PULUMI_HOME (plugins and credentials of the test only); without it, the user's. */
  readonly pulumiHome?: string;
  /** PULUMI_CONFIG_PASSPHRASE; without it, none. */
  readonly passphrase?: string;
  /** Set last: they beat everything above (a test's faults, TMPDIR, CI, ...). */
  readonly env?: Readonly<Record<string, string>>;
}

/** A run in `home` (OPENMCF_HOME and PULUMI_HOME), its stacks under the test passphrase. */
export function inHome(home: TempHome, env: Readonly<Record<string, string>> = {}): EnvOptions {
  return { home: home.home, pulumiHome: home.pulumiHome, passphrase: TEST_PASSPHRASE, env };
}

/** The environment of every run of the binary: the engine and plugin CI built pinned (a fresh
 * OPENMCF_HOME would otherwise build them again), no update checks, no colour. */
export function openmcfEnv(options: EnvOptions = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of MACHINE_VARIABLES) delete env[name];
  return {
    ...env,
    OPENMCF_HOME: options.home ?? tempDir('openmcf-home-'),
    ...(options.pulumiHome !== undefined ? { PULUMI_HOME: options.pulumiHome } : {}),
    OPENMCF_PULUMI_CLI: process.env.OPENMCF_PULUMI_CLI || engineBinary(),
    OPENMCF_SCALEWAY_PLUGIN: process.env.OPENMCF_SCALEWAY_PLUGIN || pluginBinary(),
    PULUMI_SKIP_UPDATE_CHECK: 'true',
    NO_COLOR: '1',
    ...(options.passphrase !== undefined ? { PULUMI_CONFIG_PASSPHRASE: options.passphrase } : {}),
    ...options.env,
  };
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions extends EnvOptions {
  /** Default: the repository root. */
  readonly cwd?: string;
  /** Written to stdin, which is then closed (default: nothing). */
  readonly input?: string;
  /** Killed after that long (default 180 s: an engine run on a busy 2-core machine). */
  readonly timeoutMs?: number;
  /** stdout and stderr on one pipe in the order written, as a CI log shows them (`2>&1`); the text is in `stdout`. */
  readonly merged?: boolean;
}

const DEFAULT_TIMEOUT_MS = 180_000;

export function runOpenmcf(args: readonly string[], options: RunOptions = {}): RunResult {
  const [command, commandArgs] = options.merged ? ['sh', ['-c', 'exec "$@" 2>&1', 'sh', process.execPath, ...BIN_ARGS, ...args]] : [process.execPath, [...BIN_ARGS, ...args]];
  const result = spawnSync(command, commandArgs, {
    cwd: options.cwd ?? REPO_ROOT,
    env: openmcfEnv(options),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface StartOptions extends EnvOptions {
  readonly cwd?: string;
  /** See Background. */
  readonly guardMs?: number;
}

/** Starts the binary without waiting; `done` resolves when it exits. */
export function startOpenmcf(args: readonly string[], options: StartOptions = {}): Background {
  const child = spawn(process.execPath, [...BIN_ARGS, ...args], { cwd: options.cwd ?? REPO_ROOT, env: openmcfEnv(options), stdio: 'pipe' });
  return new Background(child, options.guardMs);
}

/**
 * Runs the binary with standard input left open and never written: a command that prompted would
 * hang here, so finishing proves it did not wait for an answer.
 */
export async function runWithOpenStdin(args: readonly string[], options: RunOptions = {}, timeoutMs = 20_000): Promise<RunResult & { timedOut: boolean }> {
  const run = startOpenmcf(args, { ...options, guardMs: timeoutMs });
  const code = await run.done;
  return { code, stdout: run.stdout, stderr: run.stderr, timedOut: run.child.signalCode === 'SIGKILL' };
}

/** A question on the terminal, the keys typed once it appears, and what to do just before. */
export type TerminalAnswer = readonly [question: RegExp, keys: string, before?: () => void];

export interface TerminalOptions extends EnvOptions {
  readonly cwd?: string;
  /** Width of the terminal (default 120; 40 rows). */
  readonly cols?: number;
  /** Given in order, each once its question is on the screen after the previous answer. */
  readonly answers?: readonly TerminalAnswer[];
  /** stdout goes to this file (`> file`); stderr stays on the terminal. */
  readonly stdoutFile?: string;
  /** Killed after that long (default 120 s). */
  readonly timeoutMs?: number;
}

export interface Screen {
  readonly code: number | null;
  /** Everything written to the terminal, escapes included. */
  readonly screen: string;
  /** Milliseconds from start to the first byte on the terminal. */
  readonly firstOutputMs: number;
  /** How many of the answers were given. */
  readonly answered: number;
}

/** Runs the binary on a real pseudo-terminal (util-linux `script`), typing answers as a person would. */
export async function runOnTerminal(args: readonly string[], options: TerminalOptions = {}): Promise<Screen> {
  const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
  const redirect = options.stdoutFile === undefined ? '' : ` > ${quote(options.stdoutFile)}`;
  const command = `stty cols ${options.cols ?? 120} rows 40; exec ${[process.execPath, ...BIN_ARGS, ...args].map(quote).join(' ')}${redirect}`;
  const answers = options.answers ?? [];
  const started = Date.now();
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: options.cwd ?? REPO_ROOT, env: openmcfEnv(options) });
  let screen = '';
  let firstOutputMs = -1;
  let answered = 0;
  let searchFrom = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    if (firstOutputMs < 0) firstOutputMs = Date.now() - started;
    screen += chunk.toString();
    const next = answers[answered];
    if (next && next[0].test(screen.slice(searchFrom))) {
      answered += 1;
      searchFrom = screen.length;
      next[2]?.();
      child.stdin.write(next[1]);
    }
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return { code, screen, firstOutputMs, answered };
}

export class Background {
  stdout = '';
  stderr = '';
  readonly done: Promise<number | null>;

  /** `guardMs`: killed after that long, should a test forget it (0: a server its test stops). */
  constructor(
    readonly child: ChildProcessWithoutNullStreams,
    guardMs = DEFAULT_TIMEOUT_MS,
  ) {
    child.stdout.setEncoding('utf8').on('data', (d: string) => (this.stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    const guard = guardMs > 0 ? setTimeout(() => child.kill('SIGKILL'), guardMs) : undefined;
    this.done = new Promise((resolve) =>
      child.on('close', (code) => {
        if (guard) clearTimeout(guard);
        resolve(code);
      }),
    );
  }

  /** Resolves once stderr matches, or rejects after `ms`. */
  async waitFor(pattern: RegExp, ms = 60_000): Promise<void> {
    await waitUntil(
      () => pattern.test(this.stderr),
      ms,
      () => `stderr never matched ${pattern}:\n${this.stderr}`,
    );
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }
}

export async function waitUntil(check: () => boolean, ms: number, message: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((r) => setTimeout(r, 50));
  }
}
