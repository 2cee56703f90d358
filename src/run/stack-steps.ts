// The steps the cloud commands are made of, one stack at a time: preview (with its printed plan),
// update (with the container status check), and reading outputs. Each returns a StackOutcome and
// never throws, so that one stack failing does not stop the others.
import type { OutputMap } from '@pulumi/pulumi/automation/index.js';
import type { ChalkInstance } from 'chalk';
import { ExitCode, OpenmcfError } from '../core/errors.js';
import { hasChanges } from '../engine/events.js';
import type { OperationOutcome } from '../engine/run-operation.js';
import { nextCronRuns, renderCronSchedules } from '../render/cron-schedule.js';
import { CRON_TIME_ZONE } from '../validation/defaults.js';
import { isDisplayedPlanStep, renderDrift, renderPlannedChange, replacementWarning } from '../render/diff.js';
import type { ProgressRenderer } from '../render/progress.js';
import type { CronScheduleResult } from '../render/result-document.js';
import { changeSummaryText } from '../render/summary.js';
import { renderOutputChanges } from '../render/output-lines.js';
import { UNKNOWN_VALUE } from '../engine/property-changes.js';
import { failedOutcome, type StackOutcome } from './outcome.js';
import type { CloudOptions } from './run-options.js';
import type { Io } from '../core/io.js';
import { deployNotice } from '../program/deploy-notice.js';
import type { PreparedRun, PreparedStack } from './prepare.js';
import { chalkFor } from './report.js';
import type { StackSession } from './stack-session.js';
import { pendingCreates, stackOutputsStale, stateFingerprint, type StackState } from '../engine/stack-state.js';
import { settlementLine } from './recovery.js';
import { redeployNotice, retryNotice } from './last-deployment.js';
import { TAKE_OVER_NOTICE } from './recorded-state.js';

/** The lines of one stack's preview: its changes property by property, cron runs, a summary. */
export function renderPreviewBlock(chalk: ChalkInstance, session: StackSession, outcome: OperationOutcome, now: Date): string[] {
  const { prepared } = session;
  const lines = [`${chalk.bold(`Preview of ${prepared.label}`)} ${chalk.dim(`(stack ${prepared.target.displayName})`)}`];
  const shown = outcome.changes.filter((c) => isDisplayedPlanStep(c.step));
  // Drift first: the plan below is partly the answer to it (a value set back, a resource created again).
  lines.push(...renderDrift(chalk, outcome.drift, outcome.changes));
  for (const change of shown) lines.push(...renderPlannedChange(chalk, change));
  lines.push(...renderCronSchedules(prepared.loaded.manifest.spec.cronTriggers, now));
  lines.push(...replacementWarning(chalk, shown));
  lines.push(...renderOutputChanges(chalk, previewedOutputChanges(outcome), 'planned'));
  for (const notice of previewNotices(prepared)) lines.push(chalk.yellow(`  ! ${notice}`));
  lines.push(`  ${changeSummaryText(chalk, outcome.counts, 'planned')}`);
  return lines;
}

/** What a preview says about the stack besides its plan (also in `--json`, as `notices`). */
export function previewNotices(prepared: PreparedStack): string[] {
  const retry = retryNotice(prepared.stateView.lastDeployment, 'will retry');
  const redeploy = retry ? undefined : redeployNotice(prepared, 'will redeploy');
  return [...(retry ? [retry] : []), ...(redeploy ? [redeploy] : []), ...(prepared.stateView.createdByOriginalCli ? [TAKE_OVER_NOTICE] : [])];
}

/**
 * The outputs a preview says will change. A value the engine does not know yet is listed only when
 * a resource is replaced (a new id and URL, for sure); an update leaves most outputs unknown in a
 * preview although they keep their values.
 */
export function previewedOutputChanges(outcome: OperationOutcome): OperationOutcome['outputChanges'] {
  const replacing = outcome.counts.replace > 0;
  return outcome.outputChanges.filter((c) => c.new !== UNKNOWN_VALUE || replacing);
}

export function cronSchedules(session: StackSession, now: Date, count = 3): CronScheduleResult[] {
  return session.prepared.loaded.manifest.spec.cronTriggers.map((trigger, index) => {
    let nextRuns: string[] = [];
    try {
      nextRuns = nextCronRuns(trigger.schedule, count, now).map((d) => d.toISOString());
    } catch {
      // validation has checked the schedule; nothing to list otherwise
    }
    return { name: trigger.name ?? `#${index}`, schedule: trigger.schedule, timeZone: CRON_TIME_ZONE, nextRuns };
  });
}

/**
 * Before an update or a refresh: the creates an interrupted run left pending are settled with what
 * the cloud has (see StackSession.settlePendingCreates), each said in one line.
 */
export async function settleInterruptedCreates(session: StackSession, state: StackState, say: (line: string) => void): Promise<StackState> {
  const { outcomes, state: after } = await session.settlePendingCreates(state);
  for (const line of outcomes.map((outcome) => settlementLine(session.prepared.label, outcome))) if (line !== undefined) say(line);
  return after;
}

/** What the preview command says of creates left pending (it changes no state, apply settles them). */
function pendingCreatesNote(chalk: ChalkInstance, state: StackState, session: StackSession): string[] {
  const count = new Set(pendingCreates(state).map((op) => op.resource.urn)).size;
  if (count === 0) return [];
  return [
    chalk.yellow(
      `  ! an interrupted run left ${count === 1 ? 'a create' : `${count} creates`} unfinished: \`openmcf apply ${session.prepared.rerunArgs}\` first takes in what the cloud has of ${count === 1 ? 'it' : 'them'} (then plans from there)`,
    ),
  ];
}

/** Opens (creating the stack when new) and previews; prints the plan when done. The live line
 * says "previewing <stack>" until the engine has answered. With `settle` (apply's preview),
 * creates left pending by an interrupted run are settled first. */
export async function previewStep(
  session: StackSession,
  cloud: CloudOptions,
  chalk: ChalkInstance,
  progress: ProgressRenderer,
  settle = false,
  savePlan?: string,
): Promise<StackOutcome> {
  const started = Date.now();
  const label = session.prepared.label;
  progress.activity('previewing', label);
  try {
    await session.open('create');
    let state = await session.readState();
    const before = stateFingerprint(state);
    if (settle) state = await settleInterruptedCreates(session, state, (line) => progress.line(`${line}\n`));
    const outcome = await session.operation('preview', { replace: cloud.replace, target: cloud.target, refresh: cloud.refresh, ...(savePlan ? { savePlan } : {}) });
    const now = new Date();
    progress.activity(undefined, label);
    progress.result(`${[...renderPreviewBlock(chalk, session, outcome, now), ...pendingCreatesNote(chalk, state, session)].join('\n')}\n`);
    return {
      prepared: session.prepared,
      status: hasChanges(outcome.counts) ? 'changes-pending' : 'unchanged',
      counts: outcome.counts,
      changes: outcome.changes,
      outputChanges: previewedOutputChanges(outcome),
      ...(cloud.refresh ? { drift: outcome.drift } : {}),
      cronSchedules: cronSchedules(session, now),
      notices: previewNotices(session.prepared),
      durationMs: Date.now() - started,
      stateFingerprint: stateFingerprint(state),
      // Taken in by recovery, or outputs to record again: apply updates even with an empty plan.
      ...(stateFingerprint(state) !== before || stackOutputsStale(state) ? { settledPendingCreates: true } : {}),
    };
  } catch (error) {
    progress.activity(undefined, label);
    return failedOutcome(session.prepared, error, Date.now() - started);
  }
}

/** The platform's status, read after every apply: a container in `error` fails the run. */
export function containerStatusError(session: StackSession, outputs: OutputMap | undefined): OpenmcfError | undefined {
  const status: unknown = outputs?.status?.value;
  if (status !== 'error') return undefined;
  const message = String(outputs?.errorMessage?.value ?? '').trim() || 'the platform gave no message';
  return new OpenmcfError(`the container of stack ${session.prepared.target.displayName} is in status "error": ${message}`, {
    exitCode: ExitCode.failed,
    code: 'container-error',
    origin: 'cloud',
    hint: `Scaleway could not run it (a wrong image name or tag, an image not built for amd64, or a crash at start are the usual causes). Fix the manifest and run \`openmcf apply ${session.prepared.rerunArgs}\` again.`,
  });
}

/** Updates the stack (opening it first when the caller has not), then checks the container. */
export async function applyStep(session: StackSession, cloud: CloudOptions, progress: ProgressRenderer, opened: boolean): Promise<StackOutcome> {
  const started = Date.now();
  const label = session.prepared.label;
  // Until the first resource moves (the engine starts, runs the program, diffs).
  progress.activity('updating', label);
  try {
    if (!opened) {
      await session.open('create');
      await settleInterruptedCreates(session, await session.readState(), (line) => progress.line(line));
    }
    const retry = retryNotice(session.prepared.stateView.lastDeployment, 'retrying') ?? redeployNotice(session.prepared, 'redeploying');
    if (retry) progress.line(`${session.prepared.label}: ${retry}`);
    const outcome = await session.operation('up', {
      onEvent: progress.forStack(session.prepared.label),
      replace: cloud.replace,
      target: cloud.target,
      refresh: cloud.refresh,
    });
    progress.activity(undefined, label);
    const statusError = containerStatusError(session, outcome.outputs);
    const base = { counts: outcome.counts, changes: outcome.changes, outputChanges: outcome.outputChanges, ...(outcome.outputs ? { outputs: outcome.outputs } : {}) };
    if (statusError) return failedOutcome(session.prepared, statusError, Date.now() - started, base);
    return { prepared: session.prepared, status: hasChanges(outcome.counts) ? 'succeeded' : 'unchanged', ...base, durationMs: Date.now() - started };
  } catch (error) {
    progress.activity(undefined, label);
    return failedOutcome(session.prepared, error, Date.now() - started);
  }
}

/**
 * `apply --yes`: the plan and the update in one engine run, under one hold of the stack's lock
 * (RunOperationOptions.previewFirst), so that what is printed is what is applied: no other run can
 * change the stack in between, and a run that waited for the lock (--lock-wait) plans only once it
 * holds it. The plan is printed as the preview ends, then the update's progress follows.
 */
export async function previewApplyStep(
  session: StackSession,
  cloud: CloudOptions,
  chalk: ChalkInstance,
  progress: ProgressRenderer,
): Promise<StackOutcome & { readonly previewed: boolean }> {
  const started = Date.now();
  const label = session.prepared.label;
  progress.activity('previewing', label);
  let preview: OperationOutcome | undefined;
  try {
    await session.open('create');
    await settleInterruptedCreates(session, await session.readState(), (line) => progress.line(`${line}\n`));
    const show = progress.forStack(label);
    const outcome = await session.operation('up', {
      // The update reads every resource again (the engine refreshes in both halves): what that
      // found is in the plan already, so only the update's own steps are shown.
      onEvent: (event) => {
        if ((event.type === 'resource-started' || event.type === 'resource-finished') && event.step === 'refresh') return;
        show(event);
      },
      replace: cloud.replace,
      target: cloud.target,
      refresh: cloud.refresh,
      previewFirst: {
        onPreviewed: (previewed) => {
          preview = previewed;
          progress.activity(undefined, label);
          progress.result(`${renderPreviewBlock(chalk, session, previewed, new Date()).join('\n')}\n`);
          if (!hasChanges(previewed.counts)) return;
          const notice = retryNotice(session.prepared.stateView.lastDeployment, 'retrying') ?? redeployNotice(session.prepared, 'redeploying');
          if (notice) progress.line(`${label}: ${notice}`);
          progress.activity('updating', label);
        },
      },
    });
    progress.activity(undefined, label);
    const base = {
      counts: outcome.counts,
      changes: outcome.changes,
      outputChanges: outcome.outputChanges,
      ...(preview && cloud.refresh ? { drift: preview.drift } : {}),
      ...(outcome.outputs ? { outputs: outcome.outputs } : {}),
    };
    const statusError = containerStatusError(session, outcome.outputs);
    if (statusError) return { ...failedOutcome(session.prepared, statusError, Date.now() - started, base), previewed: true };
    return { prepared: session.prepared, status: hasChanges(outcome.counts) ? 'succeeded' : 'unchanged', ...base, durationMs: Date.now() - started, previewed: true };
  } catch (error) {
    progress.activity(undefined, label);
    return { ...failedOutcome(session.prepared, error, Date.now() - started, preview && cloud.refresh ? { drift: preview.drift } : {}), previewed: preview !== undefined };
  }
}

/** A stack with nothing to change: its outputs as they are, and its container checked all the same. */
export async function unchangedStep(session: StackSession, previewed: StackOutcome): Promise<StackOutcome> {
  const started = Date.now();
  try {
    const outputs = await session.outputs();
    const statusError = containerStatusError(session, outputs);
    const durationMs = previewed.durationMs + (Date.now() - started);
    if (statusError) return failedOutcome(session.prepared, statusError, durationMs, { counts: previewed.counts, outputs });
    return { ...previewed, status: 'unchanged', outputs, durationMs };
  } catch (error) {
    return failedOutcome(session.prepared, error, previewed.durationMs + (Date.now() - started));
  }
}

/** `deploy: false` asks for something the platform will not do: say so before running. */
export function printDeployNotices(io: Io, run: PreparedRun): void {
  const chalk = chalkFor(io);
  for (const stack of run.stacks) {
    const notice = deployNotice(stack.loaded.manifest.spec);
    if (notice) io.err(`${chalk.yellow('note')}: ${stack.label}: ${notice}\n`);
  }
}
