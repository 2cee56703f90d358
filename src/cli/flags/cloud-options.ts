// The flags of the commands that reach a stack (declared in cloud-flags.ts), turned once into the
// typed options the commands and the run take (run/run-options.ts). Nothing below cli/ sees a flag.
import { invalidInput } from '../../core/errors.js';
import { DEFAULT_HEARTBEAT_MS } from '../../render/progress.js';
import { parseLockWait } from '../../run/lock-wait.js';
import { DEFAULT_PARALLEL, type CloudOptions } from '../../run/run-options.js';
import { manifestSelectionFromFlags, type ManifestFlags } from './manifest-options.js';

/** The cloud flags as commander hands them over. */
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
    throw invalidInput(
      `OPENMCF_PROGRESS_INTERVAL must be a number of seconds from 0 to 3600, got "${raw}"`,
      'env.progress-interval',
      'e.g. OPENMCF_PROGRESS_INTERVAL=10, or 0 for no "still ..." lines',
    );
  }
  return Math.round(seconds * 1000);
}

/** Flags that say what to apply: with --plan, the plan says it. */
const PLAN_DECIDES: ReadonlyArray<[keyof CloudFlags, string]> = [
  ['file', '-f/--file'],
  ['kustomizeDir', '--kustomize-dir'],
  ['overlay', '--overlay'],
  ['shard', '--shard'],
  ['stack', '--stack'],
  ['target', '--target'],
  ['replace', '--replace'],
  ['redeploy', '--redeploy'],
  ['skipPreview', '--skip-preview'],
];

export function cloudOptionsFromFlags(flags: CloudFlags, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): CloudOptions {
  const parallel = parseParallel(flags.parallel);
  const progressIntervalMs = parseProgressInterval(env.OPENMCF_PROGRESS_INTERVAL);
  const lockWaitMs = parseLockWait(flags.lockWait);
  if (flags.plan !== undefined) {
    const mixed = PLAN_DECIDES.find(([key]) => flags[key] !== undefined && flags[key] !== false);
    if (mixed) {
      throw invalidInput(
        `--plan cannot be used with ${mixed[1]}: the plan names the manifests and flags it was made with`,
        'flag.plan',
        'run `openmcf apply --plan <file>` alone (with --set/--env-file only to give again what the plan does not store), or `openmcf apply -f <path>` without --plan',
      );
    }
  }
  return {
    manifests: manifestSelectionFromFlags(flags),
    json: flags.json ?? false,
    sandbox: flags.sandbox ?? false,
    ...(flags.backend !== undefined ? { backend: flags.backend } : {}),
    ...(flags.providerConfig !== undefined ? { providerConfig: flags.providerConfig } : {}),
    ...(flags.stack !== undefined ? { stack: flags.stack } : {}),
    yes: flags.yes ?? false,
    parallel,
    // A saved plan holds to the state as recorded (apply --plan checks it has not moved), so it is
    // computed without the refresh preview and apply otherwise start with: `openmcf refresh` first.
    refresh: flags.savePlan !== undefined || flags.plan !== undefined ? false : (flags.refresh ?? false),
    target: flags.target ?? [],
    replace: flags.replace ?? [],
    detailedExitcode: flags.detailedExitcode ?? false,
    showSecrets: flags.showSecrets ?? false,
    clearPendingCreates: flags.clearPendingCreates ?? false,
    remove: flags.remove ?? false,
    progressIntervalMs,
    lockWaitMs,
    prune: flags.prune ?? false,
    redeploy: flags.redeploy ?? false,
    ...(flags.savePlan !== undefined ? { savePlan: flags.savePlan } : {}),
    ...(flags.plan !== undefined ? { plan: flags.plan } : {}),
    skipPreview: flags.skipPreview ?? false,
    env,
    cwd,
  };
}

/**
 * The options, or, when the flags are wrong, the failure handed to `report` first (with --json
 * the command prints its result document carrying the error, so a pipeline always gets one), then
 * rethrown for the entry point to print and exit with.
 */
export function optionsOrReport<T>(make: () => T, report: (error: unknown) => void): T {
  try {
    return make();
  } catch (error) {
    report(error);
    throw error;
  }
}
