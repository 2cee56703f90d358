// For the tests of the cloud commands through the built binary, on the real engine and the
// sandbox cloud: one private OPENMCF_HOME per test file, a synchronous runner for plain steps and
// an asynchronous one for the tests that interrupt a run or hold its lock.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEnv, OPENMCF_BIN, REPO_ROOT, type TempHome } from '../helpers/engine.js';
import { readCloud, type Cloud } from '../../src/sandbox/store.js';

export { REPO_ROOT };

export interface CloudRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A home for a whole test file (removed when the process ends), and how to run the CLI in it. */
export class CloudHome {
  readonly home: TempHome;
  readonly dir: string;

  constructor(prefix: string) {
    const home = mkdtempSync(join(tmpdir(), prefix));
    const pulumiHome = join(home, 'pulumi-home');
    mkdirSync(pulumiHome);
    this.home = { home, pulumiHome };
    this.dir = home;
    process.on('exit', () => rmSync(home, { recursive: true, force: true }));
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env = cliEnv(this.home, extra);
    // The machine running the tests must not change what the CLI does.
    for (const name of ['GITHUB_ACTIONS', 'CI', 'FORCE_COLOR', 'PULUMI_BACKEND_URL', 'SCW_ACCESS_KEY', 'SCW_SECRET_KEY', 'SCW_PROFILE', 'OPENMCF_SANDBOX_FAULTS', 'OPENMCF_SANDBOX_TRANSITIONS']) {
      if (!(name in extra)) delete env[name];
    }
    return env;
  }

  run(args: readonly string[], options: { env?: Record<string, string>; input?: string } = {}): CloudRun {
    const result = spawnSync(process.execPath, [OPENMCF_BIN, ...args], {
      cwd: REPO_ROOT,
      env: this.env(options.env),
      input: options.input ?? '',
      encoding: 'utf8',
      timeout: 180_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** Runs the CLI with stdout and stderr on one pipe, in the order written, as a CI log shows them
   * (`2>&1`); the text is in `stdout`. */
  runMerged(args: readonly string[], options: { env?: Record<string, string> } = {}): CloudRun {
    const result = spawnSync('sh', ['-c', 'exec "$@" 2>&1', 'sh', process.execPath, OPENMCF_BIN, ...args], {
      cwd: REPO_ROOT,
      env: this.env(options.env),
      input: '',
      encoding: 'utf8',
      timeout: 180_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  /** Starts the CLI without waiting; `done` resolves when it exits. `guardMs`: see Background. */
  start(args: readonly string[], options: { env?: Record<string, string>; guardMs?: number } = {}): Background {
    const child = spawn(process.execPath, [OPENMCF_BIN, ...args], { cwd: REPO_ROOT, env: this.env(options.env), stdio: 'pipe' });
    return new Background(child, options.guardMs);
  }

  cloud(): Cloud {
    return readCloud(this.storeDir);
  }

  get storeDir(): string {
    return join(this.dir, 'sandbox', 'api');
  }

  /** Every file of the sandbox's Pulumi state (stacks, backups, history), as text. */
  stateFiles(): Array<{ path: string; text: string }> {
    const root = join(this.dir, 'sandbox', 'state');
    const files: Array<{ path: string; text: string }> = [];
    const walk = (dir: string): void => {
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else files.push({ path, text: readFileSync(path, 'latin1') });
      }
    };
    walk(root);
    return files;
  }

  /** Lock files of the sandbox backend (one per run holding a stack). */
  lockFiles(): string[] {
    const root = join(this.dir, 'sandbox', 'state', '.pulumi', 'locks');
    const found: string[] = [];
    const walk = (dir: string): void => {
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else found.push(path);
      }
    };
    walk(root);
    return found;
  }

  /** Writes a file in the home and returns its path. */
  file(name: string, text: string): string {
    const path = join(this.dir, name);
    writeFileSync(path, text);
    return path;
  }

  /**
   * Runs the CLI on a real pseudo-terminal (`script`) of a known width, so the live progress line
   * is drawn as on a real one; once `question` is on the screen, `meanwhile` runs and `answer` is
   * typed.
   */
  async onTerminal(args: readonly string[], question: RegExp, answer: string, options: { meanwhile?: () => void; timeoutMs?: number } = {}): Promise<{ code: number | null; screen: string; asked: boolean }> {
    const command = `stty cols 120 rows 40; ${[process.execPath, OPENMCF_BIN, ...args].map((a) => `'${a}'`).join(' ')}`;
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: REPO_ROOT, env: this.env() });
    let screen = '';
    let asked = false;
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      if (!asked && question.test(screen)) {
        asked = true;
        options.meanwhile?.();
        child.stdin.write(`${answer}\n`);
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    return { code, screen, asked };
  }
}

export class Background {
  stdout = '';
  stderr = '';
  readonly done: Promise<number | null>;

  /** `guardMs`: killed after that long, should a test forget it (0: a server its test stops). */
  constructor(readonly child: ChildProcessWithoutNullStreams, guardMs = 180_000) {
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
    await waitUntil(() => pattern.test(this.stderr), ms, () => `stderr never matched ${pattern}:\n${this.stderr}`);
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

/** The manifests the specification ships, as the repository has them. */
export const MANIFESTS = join(REPO_ROOT, 'manifests');
export const manifest = (name: string): string => join(MANIFESTS, `${name}.yaml`);

/** The secret values in the specification's examples: none may ever be printed or stored in plain text. */
export const EXAMPLE_SECRETS = ['postgres://user:pass@db.example.com:5432/orders', 'sk-abc123secret', 'tok-inference-secret', 'scw-access-key', 'scw-secret-key'];

export function parseJson<T = unknown>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`stdout is not one JSON document:\n${text}`);
  }
}
