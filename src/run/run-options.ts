// The options of the commands that touch stacks, normalised once from the flags (see
// src/cli/commands/<verb>.ts). Every field is read-only; defaults are documented where they apply.
import { invalidInput } from '../core/errors.js';
import type { ManifestFlags } from './manifest-input.js';
import { DEFAULT_HEARTBEAT_MS } from '../render/progress.js';
import { parseLockWait } from './lock-wait.js';

export interface CloudFlags extends ManifestFlags {
  readonly sandbox?: boolean;
  readonly backend?: string;
  readonly providerConfig?: string;
  readonly stack?: string;
  readonly yes?: boolean;
  readonly parallel?: string;
  readonly refresh?: boolean;
  readonly target?: string[];
  readonly replace?: string[];
  readonly detailedExitcode?: boolean;
  readonly showSecrets?: boolean;
  readonly clearPendingCreates?: boolean;
  readonly remove?: boolean;
  readonly skipPreview?: boolean;
  readonly lockWait?: string;
  readonly prune?: boolean;
  readonly redeploy?: boolean;
  /** preview: `--save-plan <file>`. */
  readonly savePlan?: string;
  /** apply: `--plan <file>`. */
  readonly plan?: string;
}

export interface CloudOptions {
  readonly manifestFlags: ManifestFlags;
  readonly json: boolean;
  /** Simulated cloud; its state in the sandbox folder unless `--backend` names a backend. */
  readonly sandbox: boolean;
  /** `--backend <url>`. */
  readonly backend?: string;
  /** `-p/--provider-config <file>`. */
  readonly providerConfig?: string;
  /** `--stack <org/project/stack>`, only with a single manifest. */
  readonly stack?: string;
  /** Confirmation pre-answered. @default false */
  readonly yes: boolean;
  /** At most this many stacks at once. @default 4 */
  readonly parallel: number;
  /** Refresh the state from the cloud first. @default false */
  readonly refresh: boolean;
  /** URNs or URN globs; passed to the engine. */
  readonly target: readonly string[];
  readonly replace: readonly string[];
  /** preview: exit 2 when there are changes. */
  readonly detailedExitcode: boolean;
  /** outputs: show secret values. */
  readonly showSecrets: boolean;
  /** refresh: forget creates left pending by an interrupted run. */
  readonly clearPendingCreates: boolean;
  /** destroy: remove the stack afterwards. */
  readonly remove: boolean;
  /** Without a terminal, "still ..." lines this often (OPENMCF_PROGRESS_INTERVAL, seconds); 0: none. */
  readonly progressIntervalMs: number;
  /** `--lock-wait`: wait this long for a stack another run holds. @default 0 (exit 4 at once) */
  readonly lockWaitMs: number;
  /** apply: destroy the orphaned stacks of the manifests' projects afterwards (see prune.ts). */
  readonly prune: boolean;
  /** `--redeploy`: deploy the same image reference again (program/redeploy.ts). @default false */
  readonly redeploy: boolean;
  /** preview `--save-plan <file>`: where the plan of the run is written. */
  readonly savePlan?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export const DEFAULT_PARALLEL = 4;

export function parseParallel(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PARALLEL;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(value) || value < 1 || value > 64) {
    throw invalidInput(`--parallel must be a whole number from 1 to 64, got "${raw}"`, 'flag.parallel', 'e.g. --parallel 4');
  }
  return value;
}

/** OPENMCF_PROGRESS_INTERVAL: seconds (fractions allowed, for tests), 0 for none; default 10. */
export function parseProgressInterval(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_HEARTBEAT_MS;
  const seconds = Number(raw.trim());
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !Number.isFinite(seconds) || seconds > 3600) {
    throw invalidInput(`OPENMCF_PROGRESS_INTERVAL must be a number of seconds from 0 to 3600, got "${raw}"`, 'env.progress-interval', 'e.g. OPENMCF_PROGRESS_INTERVAL=10, or 0 for no "still ..." lines');
  }
  return Math.round(seconds * 1000);
}

export function cloudOptionsFromFlags(flags: CloudFlags, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): CloudOptions {
  return {
    manifestFlags: {
      ...(flags.file ? { file: flags.file } : {}),
      ...(flags.kustomizeDir !== undefined ? { kustomizeDir: flags.kustomizeDir } : {}),
      ...(flags.overlay !== undefined ? { overlay: flags.overlay } : {}),
      ...(flags.set ? { set: flags.set } : {}),
      ...(flags.envFile ? { envFile: flags.envFile } : {}),
      ...(flags.shard !== undefined ? { shard: flags.shard } : {}),
      json: flags.json ?? false,
    },
    json: flags.json ?? false,
    sandbox: flags.sandbox ?? false,
    ...(flags.backend !== undefined ? { backend: flags.backend } : {}),
    ...(flags.providerConfig !== undefined ? { providerConfig: flags.providerConfig } : {}),
    ...(flags.stack !== undefined ? { stack: flags.stack } : {}),
    yes: flags.yes ?? false,
    parallel: parseParallel(flags.parallel),
    // A saved plan holds to the state as recorded (apply --plan checks it has not moved), so it is
    // computed without the refresh preview and apply otherwise start with: `openmcf refresh` first.
    refresh: flags.savePlan !== undefined || flags.plan !== undefined ? false : (flags.refresh ?? false),
    target: flags.target ?? [],
    replace: flags.replace ?? [],
    detailedExitcode: flags.detailedExitcode ?? false,
    showSecrets: flags.showSecrets ?? false,
    clearPendingCreates: flags.clearPendingCreates ?? false,
    remove: flags.remove ?? false,
    progressIntervalMs: parseProgressInterval(env.OPENMCF_PROGRESS_INTERVAL),
    lockWaitMs: parseLockWait(flags.lockWait),
    prune: flags.prune ?? false,
    redeploy: flags.redeploy ?? false,
    ...(flags.savePlan !== undefined ? { savePlan: flags.savePlan } : {}),
    env,
    cwd,
  };
}
