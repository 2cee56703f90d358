// Where test/e2e/documented-examples.test.ts runs the documented examples: a scene is what one
// user has on one machine. Its own OPENMCF_HOME (engine and plugin pinned as in every CLI test, so
// nothing is built), with the simulated cloud and the sandbox state in it; a working folder holding
// the files the examples name; a HOME of its own (for `~/...` in the examples, and so that no
// Scaleway CLI profile of the machine is read); `openmcf` on PATH, as `npm link` puts it there.
// Examples run in bash, each as a script (`set -eo pipefail`, so a failing first half of a
// pipeline or of a block fails the example), with standard input closed; or on a pseudo-terminal,
// answering the questions they ask.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { CloudHome, MANIFESTS, REPO_ROOT, waitUntil, type Background } from '../cloud-run.js';
import { kustomizeBinary } from '../../helpers/engine.js';
import { OPENMCF_BIN } from '../../helpers/run-openmcf.js';

export interface ExampleRun {
  readonly code: number | null;
  readonly stdout: string;
  /** On a pseudo-terminal: the whole screen (stdout and stderr are one stream there). */
  readonly stderr: string;
  /** The script that ran (the example after substitutions), for messages. */
  readonly script: string;
}

/** Credentials of the real format (access key `SCW` + 17, UUIDs), for runs without --sandbox. */
export interface Credentials {
  readonly accessKey: string;
  readonly secretKey: string;
  /** One project per scene: the simulated cloud refuses two namespaces of one name in a project. */
  readonly projectId: string;
}

export class Scene {
  readonly home: CloudHome;
  readonly root: string;
  /** The working folder of the examples. */
  readonly work: string;
  /** HOME of the examples' shell. */
  readonly user: string;
  readonly credentials: Credentials;
  private readonly pathDir: string;
  private api: Background | undefined;
  private apiUrl: string | undefined;

  constructor(readonly name: string) {
    this.home = new CloudHome(`openmcf-examples-${name}-`);
    this.root = this.home.dir;
    this.work = join(this.root, 'work');
    this.user = join(this.root, 'user');
    this.pathDir = join(this.root, 'path');
    this.credentials = {
      accessKey: `SCW${randomUUID().replace(/-/g, '').slice(0, 17).toUpperCase()}`,
      secretKey: randomUUID(),
      projectId: randomUUID(),
    };
    this.prepare();
  }

  /** The files and folders the examples name, as a user following the README would have them. */
  private prepare(): void {
    mkdirSync(this.work);
    mkdirSync(this.pathDir);
    // `npm link` puts a link to bin/openmcf.js on PATH.
    symlinkSync(OPENMCF_BIN, join(this.pathDir, 'openmcf'));
    // The README's manifest, and the bundled ones in manifests/.
    cpSync(join(MANIFESTS, 'my-api.yaml'), join(this.work, 'my-api.yaml'));
    cpSync(MANIFESTS, join(this.work, 'manifests'), { recursive: true });
    // A provider file (`-p scaleway.yaml`) with this scene's credentials.
    writeFileSync(
      join(this.work, 'scaleway.yaml'),
      `accessKey: ${this.credentials.accessKey}\nsecretKey: ${this.credentials.secretKey}\nprojectId: ${this.credentials.projectId}\n`,
    );
    // `--kustomize-dir deploy --overlay prod`: a base and an overlay, the repository's fixture.
    cpSync(join(REPO_ROOT, 'test', 'fixtures', 'kustomize'), join(this.work, 'deploy'), { recursive: true });
    // The README's commands run in a checkout: `node -- bin/openmcf.js`, test/fixtures/kustomize.
    symlinkSync(join(REPO_ROOT, 'bin'), join(this.work, 'bin'));
    cpSync(join(REPO_ROOT, 'test', 'fixtures', 'kustomize'), join(this.work, 'test', 'fixtures', 'kustomize'), { recursive: true });
    // HOME: the team's passphrase file of the README's S3 example, the folder fish creates for
    // completions when it first starts, and a folder standing for zsh's first $fpath entry.
    mkdirSync(this.user);
    writeFileSync(join(this.user, 'team-passphrase'), 'documented-examples-team-passphrase\n', { mode: 0o600 });
    mkdirSync(join(this.user, '.config', 'fish', 'completions'), { recursive: true });
    mkdirSync(join(this.user, '.zsh', 'functions'), { recursive: true });
  }

  /** A new, empty working folder (for `init`, which refuses to overwrite my-api.yaml). */
  emptyFolder(): string {
    return mkdtempSync(join(this.root, 'empty-'));
  }

  /** The environment of the examples' shell: a new user's, with the pinned tools. */
  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env = this.home.env();
    // Nothing of the machine's or the test runner's cloud set-up: a new user sets none of these.
    for (const name of Object.keys(env)) {
      if (/^(SCW_|AWS_|PG[A-Z]|PULUMI_CONFIG_PASSPHRASE|PULUMI_ACCESS_TOKEN|OPENMCF_SANDBOX_(?:FAULTS|TRANSITIONS)|OPENMCF_DEBUG)/.test(name)) delete env[name];
    }
    return {
      ...env,
      HOME: this.user,
      PATH: `${this.pathDir}:${env.PATH ?? ''}`,
      // Found like the engine (README, "Kustomize overlays"): the pinned build, never a build here.
      OPENMCF_KUSTOMIZE: kustomizeBinary(),
      ...extra,
    };
  }

  /** The environment of a run without --sandbox: credentials and the simulated cloud's URL. */
  async realCloud(): Promise<Record<string, string>> {
    return {
      SCW_ACCESS_KEY: this.credentials.accessKey,
      SCW_SECRET_KEY: this.credentials.secretKey,
      SCW_DEFAULT_PROJECT_ID: this.credentials.projectId,
      SCW_API_URL: await this.apiServer(),
    };
  }

  /** `openmcf sandbox api` over this scene's simulated cloud, started on first use. */
  async apiServer(): Promise<string> {
    if (this.apiUrl) return this.apiUrl;
    // It serves every example of the scene, for as long as the whole file runs (stopped by stop()).
    const api = this.home.start(['sandbox', 'api'], { guardMs: 3_600_000 });
    this.api = api;
    await waitUntil(
      () => /^http:\/\/127\.0\.0\.1:\d+\n/.test(api.stdout),
      30_000,
      () => `openmcf sandbox api printed no URL: ${api.stdout} ${api.stderr}`,
    );
    this.apiUrl = api.stdout.split('\n')[0] ?? '';
    return this.apiUrl;
  }

  async stop(): Promise<void> {
    if (!this.api) return;
    this.api.signal('SIGINT');
    await this.api.done;
  }

  /** Writes a lock file as a killed run leaves it, in a `file://` state folder. */
  plantLock(stateDir: string, stack: string): string {
    const dir = join(stateDir, '.pulumi', 'locks', 'organization', ...stack.split('/'));
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `${randomUUID()}.json`);
    writeFileSync(path, lockContent());
    return path;
  }
}

/** What the engine writes into a lock file: a process of this machine that has ended. */
export function lockContent(): string {
  return JSON.stringify({ pid: 999_999, username: userInfo().username, hostname: hostname(), timestamp: new Date().toISOString() });
}

export interface ShellOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Run on a pseudo-terminal; each question, once on the screen, gets its answer typed. */
  readonly terminal?: ReadonlyArray<readonly [RegExp, string]>;
  /**
   * A server that runs in the foreground until Ctrl-C: once stdout matches `ready`, `whileRunning`
   * runs, then the example gets Ctrl-C (SIGINT) and the run ends.
   */
  readonly foreground?: { readonly ready: RegExp; readonly whileRunning: (stdout: string) => Promise<void> };
}

const TIMEOUT_MS = 180_000;

/** Runs a script in bash; see the header for how. */
export async function runShell(script: string, options: ShellOptions): Promise<ExampleRun> {
  const dir = mkdtempSync(join(tmpdir(), 'openmcf-example-'));
  try {
    const file = join(dir, 'example.sh');
    // Background jobs of the example (`openmcf sandbox api ... &`) end with it.
    writeFileSync(file, `set -eo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n${script}\n`);
    const [command, args] = options.terminal ? ['script', ['-qec', `stty cols 120 rows 40; bash ${file}`, '/dev/null']] : ['bash', [file]];
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    if (!options.terminal) child.stdin.end();
    let stdout = '';
    let stderr = '';
    const answers = [...(options.terminal ?? [])];
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const next = answers[0];
      if (next && next[0].test(stdout)) {
        answers.shift();
        child.stdin.write(`${next[1]}\n`);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const timer = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), TIMEOUT_MS);
    try {
      if (options.foreground) {
        const { ready, whileRunning } = options.foreground;
        await waitUntil(
          () => ready.test(stdout) || child.exitCode !== null,
          30_000,
          () => `never ready (${ready}):\n${stdout}\n${stderr}`,
        );
        try {
          await whileRunning(stdout);
        } finally {
          process.kill(-(child.pid as number), 'SIGINT');
        }
      }
      const code = await closed;
      if (options.terminal) return { code, stdout: '', stderr: stdout, script };
      return { code, stdout, stderr, script };
    } finally {
      clearTimeout(timer);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
