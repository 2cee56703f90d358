// Runs the built binary the way a user does: a child process with its own OPENMCF_HOME, no
// terminal, no colour, and no CI variables leaking in from the machine running the tests.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
/** The package root (dist/test/cli -> root). */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'openmcf.js');
export function tempDir(prefix = 'openmcf-test-') {
    return mkdtempSync(join(tmpdir(), prefix));
}
function childEnv(extra) {
    const env = { ...process.env, OPENMCF_HOME: tempDir('openmcf-home-'), NO_COLOR: '1' };
    for (const name of ['GITHUB_ACTIONS', 'GITHUB_WORKSPACE', 'FORCE_COLOR'])
        delete env[name];
    return { ...env, ...extra };
}
export function runOpenmcf(args, options = {}) {
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
export function runWithOpenStdin(args, options = {}, timeoutMs = 20_000) {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, ['--', BIN, ...args], { cwd: options.cwd ?? ROOT, env: childEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code, stdout, stderr, timedOut: signal === 'SIGKILL' });
        });
    });
}
