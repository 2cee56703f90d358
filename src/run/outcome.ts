// What happened to each stack of a run, and what the run as a whole exits with.
import type { OutputMap } from '@pulumi/pulumi/automation/index.js';
import { ExitCode, OpenmcfError } from '../core/errors.js';
import { emptyChangeCounts, type ChangeCounts } from '../engine/events.js';
import { partialOutcomeOf, type OutputChange, type ResourceChange } from '../engine/run-operation.js';
import { outputValues } from '../render/output-lines.js';
import { jsonValue, resourceResult, resultError, type CronScheduleResult, type StackResult, type StackStatus } from '../render/result-document.js';

export { resultError };
import type { PreparedStack } from './prepare.js';

export interface StackOutcome {
  readonly prepared: PreparedStack;
  readonly status: StackStatus;
  readonly counts: ChangeCounts;
  readonly changes: readonly ResourceChange[];
  readonly outputs?: OutputMap;
  /** Outputs that changed (apply) or may change (preview) on an existing stack. */
  readonly outputChanges?: readonly OutputChange[];
  readonly cronSchedules?: readonly CronScheduleResult[];
  /** preview, apply, refresh: what the cloud had changed (or deleted) outside openmcf. */
  readonly drift?: readonly ResourceChange[];
  /** What the preview said about the stack besides its plan (a retry, a take-over). */
  readonly notices?: readonly string[];
  readonly error?: OpenmcfError;
  readonly durationMs: number;
  /** After a preview: the state the plan was made from (engine/stack-state.ts stateFingerprint). */
  readonly stateFingerprint?: string;
  /** apply's preview took in resources an interrupted run had left pending: the stack's outputs
   * are out of date until an update runs, even when the plan shows no change. */
  readonly settledPendingCreates?: boolean;
  /** outputs: when the run that recorded them ended (their `status` is as of then). */
  readonly statusAsOf?: string;
}

export function failedOutcome(prepared: PreparedStack, error: unknown, durationMs: number, partial: Partial<StackOutcome> = {}): StackOutcome {
  // What the engine had done before failing (created, deleted...) is reported, not zero.
  const done = partialOutcomeOf(error);
  return {
    counts: done?.counts ?? emptyChangeCounts(),
    changes: done?.changes ?? [],
    ...partial,
    prepared,
    status: error instanceof OpenmcfError && error.exitCode === ExitCode.interrupted ? 'cancelled' : 'failed',
    error: asOpenmcfError(error),
    durationMs,
  };
}

/** Anything thrown becomes an OpenmcfError; an unexpected one is reported as ours, not the user's. */
export function asOpenmcfError(error: unknown): OpenmcfError {
  if (error instanceof OpenmcfError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new OpenmcfError(`internal error: ${message}`, { exitCode: ExitCode.failed, code: 'internal', origin: 'tool', cause: error });
}

/** Most severe first: an interruption, then a failure, a lock, bad input, pending changes. */
const SEVERITY: readonly number[] = [ExitCode.interrupted, ExitCode.failed, ExitCode.stackLocked, ExitCode.invalidInput, ExitCode.changesPending, ExitCode.ok];

export function mostSevereExitCode(codes: readonly number[]): number {
  for (const code of SEVERITY) if (codes.includes(code)) return code;
  return codes.find((c) => c !== ExitCode.ok) ?? ExitCode.ok;
}

export function exitCodeOf(outcome: StackOutcome, options: { readonly detailedExitcode?: boolean; readonly command?: string } = {}): number {
  if (outcome.error) return outcome.error.exitCode;
  // `refresh --detailed-exitcode`: the nightly drift check; 2 when something changed outside openmcf.
  if (options.command === 'refresh') return options.detailedExitcode && (outcome.drift?.length ?? 0) > 0 ? ExitCode.changesPending : ExitCode.ok;
  // Nothing was changed, and a script must not take that for success (Terraform and Pulumi exit
  // non-zero too).
  if (outcome.status === 'declined') return ExitCode.failed;
  if (outcome.status === 'changes-pending' && options.detailedExitcode) return ExitCode.changesPending;
  return ExitCode.ok;
}

export function toStackResult(outcome: StackOutcome, showSecrets = false): StackResult {
  const { prepared } = outcome;
  return {
    manifest: { file: prepared.loaded.origin.file, document: prepared.loaded.origin.documentIndex, name: prepared.loaded.manifest.metadata.name },
    stack: prepared.target.displayName,
    engineStack: prepared.target.stackName,
    backend: prepared.target.backendUrl,
    sandbox: prepared.target.sandbox,
    status: outcome.status,
    changes: outcome.counts,
    resources: outcome.changes.map((c) => ({ ...resourceResult(c.resource, c.change, c.properties), ...(c.deleteFirst ? { deleteFirst: true as const } : {}) })),
    ...(outcome.outputs ? { outputs: jsonValue(outputValues(outcome.outputs, showSecrets)) as Record<string, unknown> } : {}),
    ...(outcome.statusAsOf !== undefined ? { statusAsOf: outcome.statusAsOf } : {}),
    ...(outcome.outputChanges
      ? { outputChanges: outcome.outputChanges.map((c) => ({ name: c.name, ...('old' in c ? { old: jsonValue(c.old) } : {}), ...('new' in c ? { new: jsonValue(c.new) } : {}) })) }
      : {}),
    ...(outcome.drift ? { drift: outcome.drift.map((c) => resourceResult(c.resource, c.change, c.properties)) } : {}),
    ...(outcome.cronSchedules ? { cronSchedules: outcome.cronSchedules } : {}),
    ...(outcome.notices && outcome.notices.length > 0 ? { notices: [...outcome.notices] } : {}),
    durationMs: outcome.durationMs,
    ...(outcome.error ? { error: resultError(outcome.error) } : {}),
  };
}
