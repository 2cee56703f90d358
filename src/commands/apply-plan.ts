// `openmcf apply --plan plan.json`: applies exactly what `preview --save-plan` showed. The same
// manifests are read again with the same inputs (the plan says which files and flags), and every
// stack is checked against the plan before anything runs: the manifest file, the manifest as used
// (${VAR} values, --env-file, --set) and the stack's state must be what the plan was computed from.
// Any difference refuses the whole run (exit 1, `plan-stale`), nothing changed. Otherwise each
// stack is updated with the engine held to its own plan (`pulumi up --plan`): no new preview, no
// question; the engine itself refuses an operation the plan does not contain.
import { readFileSync } from 'node:fs';
import { ExitCode, OpenmcfError, invalidInput } from '../core/errors.js';
import { hasChanges } from '../engine/events.js';
import { stateFingerprint } from '../engine/stack-state.js';
import type { Io } from '../core/io.js';
import type { ProgressRenderer } from '../render/progress.js';
import type { CloudOptions } from '../run/run-options.js';
import { dependencyNotApplied, runInDependencyOrder } from '../run/ordered-run.js';
import { failedOutcome, type StackOutcome } from '../run/outcome.js';
import { finishRun, runCloudCommand, runReportOptions } from '../run/report.js';
import { manifestDigest, parseSavedPlan, sourceDigest, type SavedPlan, type SavedStackPlan } from '../run/saved-plan.js';
import type { StackSession } from '../run/stack-session.js';
import { containerStatusError } from '../run/stack-steps.js';
import { withEngineRun } from './engine-run.js';
import { EnginePlanFiles } from '../run/write-saved-plan.js';

/** `path`: the plan file; the command line refuses the flags the plan decides (-f, --stack, ...). */
export async function applyPlan(options: CloudOptions, path: string, io: Io): Promise<number> {
  return runCloudCommand('apply', io, options, async (given) => {
    const plan = parseSavedPlan(readPlanFile(path), path);
    const cloud = cloudFromPlan(given, plan, path);
    const files = new EnginePlanFiles();
    try {
      return await withEngineRun(cloud, io, { showProperties: true, deployNotices: true, labelStacks: true }, async ({ run, sessions, progress }) => {
        const entries = await checkAgainstPlan(sessions, plan, path);
        const outcomes = await runInDependencyOrder<StackOutcome>(sessions, cloud.parallel, async (session, index, read) => {
          const skipped = dependencyNotApplied(session, read);
          return skipped ?? applyPlanned(session, files.write(index, entries[index]!.enginePlan), cloud, progress);
        });
        progress.stop();
        return finishRun(io, cloud, outcomes, { command: 'apply', tense: 'done', showOutputs: true, ...runReportOptions(run) });
      });
    } finally {
      files.remove();
    }
  });
}

function readPlanFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw invalidInput(
      `cannot read the plan file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      'plan-invalid',
      'write one with `openmcf preview -f <path> --save-plan <file>`',
    );
  }
}

/** The run the plan was saved from: its files and flags; --set/--env-file given now win. */
function cloudFromPlan(given: CloudOptions, plan: SavedPlan, path: string): CloudOptions {
  const { inputs } = plan;
  const givenSets = given.manifests.sets.length > 0 ? given.manifests.sets : undefined;
  if (givenSets === undefined && inputs.set.some((s) => 'secret' in s)) {
    throw invalidInput(
      `${path} was saved with a --set on a secret value, which a plan never stores`,
      'plan-inputs',
      'give the same --set flags again: `openmcf apply --plan <file> --set ...` (all of them)',
    );
  }
  const set = givenSets ?? inputs.set.flatMap((s) => ('flag' in s ? [s.flag] : []));
  const envFile = given.manifests.envFile ?? inputs.envFile;
  return {
    ...given,
    manifests: {
      files: [...inputs.files],
      ...(inputs.kustomizeDir !== undefined && inputs.overlay !== undefined ? { kustomize: { dir: inputs.kustomizeDir, overlay: inputs.overlay } } : {}),
      sets: set,
      ...(envFile !== undefined ? { envFile } : {}),
    },
    sandbox: given.sandbox || plan.sandbox,
    ...(inputs.stack !== undefined ? { stack: inputs.stack } : {}),
    target: inputs.target,
    replace: inputs.replace,
    redeploy: inputs.redeploy,
    refresh: false,
    yes: true,
  };
}

/**
 * Each stack's plan entry, once every stack is known to be as the plan found it. Opening a stack
 * the plan would create creates it (empty): it is removed again when the plan is refused.
 */
async function checkAgainstPlan(sessions: readonly StackSession[], plan: SavedPlan, path: string): Promise<SavedStackPlan[]> {
  const problems: string[] = [];
  const entries: SavedStackPlan[] = [];
  for (const session of sessions) {
    const { loaded, target, label } = session.prepared;
    const entry = plan.stacks.find((s) => s.engineStack === target.stackName);
    if (entry === undefined) {
      problems.push(`${loaded.origin.file}: ${label} (stack ${target.displayName}) is not in the plan`);
      continue;
    }
    entries.push(entry);
    const source = sourceDigest(loaded.origin.file, plan.salt);
    if (entry.sourceDigest !== undefined && source !== entry.sourceDigest) {
      problems.push(`${loaded.origin.file}: the manifest file changed since the plan was saved`);
    } else if (manifestDigest(loaded, plan.salt) !== entry.manifestDigest) {
      problems.push(`${loaded.origin.file}: ${label}: the inputs changed since the plan was saved (a \${VAR} value, --env-file or --set)`);
    }
    await session.open('create');
    if (entry.stackSettings !== undefined && (await session.createdStackSettings()) !== undefined) await session.restoreStackSettings(entry.stackSettings);
    if (stateFingerprint(await session.readState()) !== entry.stateFingerprint) {
      problems.push(`stack ${target.displayName}: the state changed since the plan was saved (another run updated it)`);
    }
  }
  const names = new Set(sessions.map((s) => s.prepared.target.stackName));
  for (const entry of plan.stacks)
    if (!names.has(entry.engineStack)) problems.push(`${entry.manifest.file}: ${entry.manifest.name} (stack ${entry.stack}) is in the plan but no manifest names it any more`);
  if (problems.length === 0) return entries;
  await Promise.all(sessions.map((s) => s.removeIfCreated()));
  throw new OpenmcfError(`the plan ${path} is stale, nothing was applied:\n  ${problems.join('\n  ')}`, {
    exitCode: ExitCode.failed,
    code: 'plan-stale',
    origin: 'user',
    hint: 'save a new plan with `openmcf preview ... --save-plan <file>`, review it, and apply that one',
  });
}

/** The update held to the stack's plan, then the container's status check (as apply does). */
async function applyPlanned(session: StackSession, planFile: string, cloud: CloudOptions, progress: ProgressRenderer): Promise<StackOutcome> {
  const started = Date.now();
  const { label } = session.prepared;
  progress.activity('updating', label);
  try {
    const outcome = await session.operation('up', { onEvent: progress.forStack(label), plan: planFile, target: cloud.target, replace: cloud.replace });
    progress.activity(undefined, label);
    const base = { counts: outcome.counts, changes: outcome.changes, outputChanges: outcome.outputChanges, ...(outcome.outputs ? { outputs: outcome.outputs } : {}) };
    const statusError = containerStatusError(session, outcome.outputs);
    if (statusError) return failedOutcome(session.prepared, statusError, Date.now() - started, base);
    return { prepared: session.prepared, status: hasChanges(outcome.counts) ? 'succeeded' : 'unchanged', ...base, durationMs: Date.now() - started };
  } catch (error) {
    progress.activity(undefined, label);
    return failedOutcome(session.prepared, error, Date.now() - started);
  }
}
