// For the tests of the cloud commands through the built binary, on the real engine and the
// sandbox cloud: one private OPENMCF_HOME per test file, a synchronous runner for plain steps and
// an asynchronous one for the tests that interrupt a run or hold its lock.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEnv, OPENMCF_BIN, REPO_ROOT } from '../helpers/engine.js';
import { readCloud } from '../../src/sandbox/api/store.js';
export { REPO_ROOT };
/** A home for a whole test file (removed when the process ends), and how to run the CLI in it. */
export class CloudHome {
    home;
    dir;
    constructor(prefix) {
        const home = mkdtempSync(join(tmpdir(), prefix));
        const pulumiHome = join(home, 'pulumi-home');
        mkdirSync(pulumiHome);
        this.home = { home, pulumiHome };
        this.dir = home;
        process.on('exit', () => rmSync(home, { recursive: true, force: true }));
    }
    env(extra = {}) {
        const env = cliEnv(this.home, extra);
        // The machine running the tests must not change what the CLI does.
        for (const name of ['GITHUB_ACTIONS', 'CI', 'FORCE_COLOR', 'PULUMI_BACKEND_URL', 'SCW_ACCESS_KEY', 'SCW_SECRET_KEY', 'SCW_PROFILE', 'OPENMCF_SANDBOX_FAULTS']) {
            if (!(name in extra))
                delete env[name];
        }
        return env;
    }
    run(args, options = {}) {
        const result = spawnSync(process.execPath, [OPENMCF_BIN, ...args], {
            cwd: REPO_ROOT,
            env: this.env(options.env),
            input: options.input ?? '',
            encoding: 'utf8',
            timeout: 180_000,
        });
        return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    }
    /** Starts the CLI without waiting; `done` resolves when it exits. */
    start(args, options = {}) {
        const child = spawn(process.execPath, [OPENMCF_BIN, ...args], { cwd: REPO_ROOT, env: this.env(options.env), stdio: 'pipe' });
        return new Background(child);
    }
    cloud() {
        return readCloud(this.storeDir);
    }
    get storeDir() {
        return join(this.dir, 'sandbox', 'api');
    }
    /** Every file of the sandbox's Pulumi state (stacks, backups, history), as text. */
    stateFiles() {
        const root = join(this.dir, 'sandbox', 'state');
        const files = [];
        const walk = (dir) => {
            if (!existsSync(dir))
                return;
            for (const entry of readdirSync(dir)) {
                const path = join(dir, entry);
                if (statSync(path).isDirectory())
                    walk(path);
                else
                    files.push({ path, text: readFileSync(path, 'latin1') });
            }
        };
        walk(root);
        return files;
    }
    /** Lock files of the sandbox backend (one per run holding a stack). */
    lockFiles() {
        const root = join(this.dir, 'sandbox', 'state', '.pulumi', 'locks');
        const found = [];
        const walk = (dir) => {
            if (!existsSync(dir))
                return;
            for (const entry of readdirSync(dir)) {
                const path = join(dir, entry);
                if (statSync(path).isDirectory())
                    walk(path);
                else
                    found.push(path);
            }
        };
        walk(root);
        return found;
    }
    /** Writes a file in the home and returns its path. */
    file(name, text) {
        const path = join(this.dir, name);
        writeFileSync(path, text);
        return path;
    }
}
export class Background {
    child;
    stdout = '';
    stderr = '';
    done;
    constructor(child) {
        this.child = child;
        child.stdout.setEncoding('utf8').on('data', (d) => (this.stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d) => (this.stderr += d));
        const guard = setTimeout(() => child.kill('SIGKILL'), 180_000);
        this.done = new Promise((resolve) => child.on('close', (code) => {
            clearTimeout(guard);
            resolve(code);
        }));
    }
    /** Resolves once stderr matches, or rejects after `ms`. */
    async waitFor(pattern, ms = 60_000) {
        await waitUntil(() => pattern.test(this.stderr), ms, () => `stderr never matched ${pattern}:\n${this.stderr}`);
    }
    signal(signal) {
        this.child.kill(signal);
    }
}
export async function waitUntil(check, ms, message) {
    const deadline = Date.now() + ms;
    while (!check()) {
        if (Date.now() > deadline)
            throw new Error(message());
        await new Promise((r) => setTimeout(r, 50));
    }
}
/** The manifests the specification ships, as the repository has them. */
export const MANIFESTS = join(REPO_ROOT, 'manifests');
export const manifest = (name) => join(MANIFESTS, `${name}.yaml`);
/** The secret values in the specification's examples: none may ever be printed or stored in plain text. */
export const EXAMPLE_SECRETS = ['postgres://user:pass@db.example.com:5432/orders', 'sk-abc123secret', 'tok-inference-secret', 'scw-access-key', 'scw-secret-key'];
export function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw new Error(`stdout is not one JSON document:\n${text}`);
    }
}
