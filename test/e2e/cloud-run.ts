// For the tests of the cloud commands through the built binary, on the real engine and the
// sandbox cloud: one private OPENMCF_HOME per test file, and the runs of the binary in it (through
// the one runner, ../helpers/run-openmcf.ts), with views on its sandbox (cloud, state, locks).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TempHome } from '../helpers/engine.js';
import { Background, inHome, openmcfEnv, REPO_ROOT, runOnTerminal, runOpenmcf, startOpenmcf, waitUntil, type EnvOptions, type RunResult } from '../helpers/run-openmcf.js';
import { readCloud, type Cloud } from '../../src/sandbox/store.js';

export { Background, REPO_ROOT, waitUntil };

export type CloudRun = RunResult;

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

  /** What a run in this home gets (`extra` set last). */
  options(extra: Record<string, string> = {}): EnvOptions {
    return inHome(this.home, extra);
  }

  /** The environment of a run in this home, for other programs run beside it. */
  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return openmcfEnv(this.options(extra));
  }

  run(args: readonly string[], options: { env?: Record<string, string>; input?: string; cwd?: string } = {}): CloudRun {
    return runOpenmcf(args, {
      ...this.options(options.env),
      ...(options.input !== undefined ? { input: options.input } : {}),
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    });
  }

  /** Runs the CLI with stdout and stderr on one pipe, in the order written, as a CI log shows them
   * (`2>&1`); the text is in `stdout`. */
  runMerged(args: readonly string[], options: { env?: Record<string, string> } = {}): CloudRun {
    return runOpenmcf(args, { ...this.options(options.env), merged: true });
  }

  /** Starts the CLI without waiting; `done` resolves when it exits. `guardMs`: see Background. */
  start(args: readonly string[], options: { env?: Record<string, string>; guardMs?: number } = {}): Background {
    return startOpenmcf(args, { ...this.options(options.env), ...(options.guardMs !== undefined ? { guardMs: options.guardMs } : {}) });
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
   * Runs the CLI on a real pseudo-terminal 120 wide, so the live progress line is drawn as on a
   * real one; once `question` is on the screen, `meanwhile` runs and `answer` is typed.
   */
  async onTerminal(
    args: readonly string[],
    question: RegExp,
    answer: string,
    options: { meanwhile?: () => void; timeoutMs?: number } = {},
  ): Promise<{ code: number | null; screen: string; asked: boolean }> {
    const { code, screen, answered } = await runOnTerminal(args, {
      ...this.options(),
      answers: [[question, `${answer}\n`, options.meanwhile]],
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
    return { code, screen, asked: answered > 0 };
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
