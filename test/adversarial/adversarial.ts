// Shared by the adversarial tests: the fixtures folder and a run of the built binary in it. Each
// test here reproduces one finding of an adversarial run (issue 9) and fails without its fix.
import { join } from 'node:path';
import { REPO_ROOT, runOpenmcf, type RunOptions, type RunResult } from '../helpers/run-openmcf.js';

export const FIXTURES = join(REPO_ROOT, 'test', 'adversarial', 'fixtures');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** Runs `openmcf ...args` with the fixtures folder as working directory. */
export function run(args: readonly string[], options: RunOptions = {}): RunResult {
  return runOpenmcf(args, { cwd: FIXTURES, ...options });
}

/** Everything the run printed, on both streams. */
export function printed(result: RunResult): string {
  return result.stdout + result.stderr;
}
