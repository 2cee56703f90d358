// One engine operation on an opened stack, with its events translated for the renderers and its
// changes counted from the steps. Errors are left to the caller (see errors.ts), which knows the
// manifest and whether the user interrupted.
import type { EngineEvent, OutputMap, Stack, UpOptions } from '@pulumi/pulumi/automation/index.js';
import { ExitCode, OpenmcfError } from '../core/errors.js';
import { maskSecrets } from './property-changes.js';
import type { ChangeCounts, OperationEventListener } from './events.js';
import { OperationCollector, type ResourceChange } from './operation-collector.js';
import { SECRET_MASK } from '../core/secrets.js';

export type EngineOperationKind = 'preview' | 'up' | 'preview-destroy' | 'destroy' | 'refresh';

export interface RunOperationOptions {
  readonly onEvent?: OperationEventListener;
  /** URNs (or URN globs) to replace even without changes (`--replace`). */
  readonly replace?: readonly string[];
  /** Limit the operation to these URNs (or URN globs) (`--target`). */
  readonly target?: readonly string[];
  /** Refresh the state from the cloud before previewing or updating. */
  readonly refresh?: boolean;
  /** Refresh only: forget creates left pending by an interrupted run. */
  readonly clearPendingCreates?: boolean;
  /** Destroy only: remove the stack (its history and configuration) afterwards. */
  readonly removeStack?: boolean;
  /**
   * Up only: preview, then update, in one engine run (`pulumi up --yes` without --skip-preview),
   * so both happen under one hold of the stack's lock and what is previewed is what is applied.
   * `onPreviewed` gets the preview's outcome before the update starts; `onEvent` gets the
   * update's events only.
   */
  readonly previewFirst?: { readonly onPreviewed: (preview: OperationOutcome) => void };
  /** Preview only: the engine writes its update plan to this file (`--save-plan`). */
  readonly savePlan?: string;
  /** Up only: the update is held to the engine's plan in this file (`--plan`). */
  readonly plan?: string;
}

/** A stack output whose value changes (or, in a preview, may: `new` is UNKNOWN_VALUE). Secret
 * values are `[secret]`. */
export interface OutputChange {
  readonly name: string;
  /** Absent for an output the stack did not have. */
  readonly old?: unknown;
  /** Absent for an output the stack no longer has. */
  readonly new?: unknown;
}

export type { ResourceChange };

export interface OperationOutcome {
  readonly counts: ChangeCounts;
  /** Changed resources in the order the engine took them (unchanged ones left out). */
  readonly changes: readonly ResourceChange[];
  /** After `up`: the stack outputs, each marked secret or not. */
  readonly outputs?: OutputMap;
  /** Outputs of an existing stack that changed (up) or may change (preview). */
  readonly outputChanges: readonly OutputChange[];
  /** preview and up with `refresh`: what the refresh first found changed or gone outside openmcf
   * (each an `update` or a `delete` of the resource, its properties as the cloud has them now). */
  readonly drift: readonly ResourceChange[];
  readonly durationMs: number;
}

export async function runOperation(stack: Stack, kind: EngineOperationKind, options: RunOperationOptions = {}): Promise<OperationOutcome> {
  const started = Date.now();
  const previewFirst = kind === 'up' ? options.previewFirst : undefined;
  // With previewFirst, the engine previews then updates in one process: the events up to the
  // preview's summary are the preview's, the rest the update's.
  let collector = new OperationCollector(kind === 'refresh');
  let previewing = previewFirst !== undefined;
  let previewDelivered = false;
  const onEvent = (raw: EngineEvent): void => {
    const events = collector.take(raw);
    if (previewing) {
      if (raw.summaryEvent && (raw.summaryEvent as { isPreview?: boolean }).isPreview === true) {
        previewing = false;
        const preview = outcomeOf(collector, 'preview', started);
        collector = new OperationCollector(false);
        previewDelivered = true;
        previewFirst?.onPreviewed(preview);
      }
      return;
    }
    for (const event of events) options.onEvent?.(event);
  };

  const common = {
    onEvent,
    color: 'never' as const,
    ...(options.target && options.target.length > 0 ? { target: [...options.target] } : {}),
  };
  let outputs: OutputMap | undefined;
  try {
    outputs = await runKind(
      stack,
      kind,
      options,
      common,
      () => collector.stackOutputs,
      () => requireSummary(kind, collector.summarized),
    );
  } catch (error) {
    // What the run did before it failed, and the resources' own error messages (the engine's
    // stderr often says only "destroy failed"): the caller reports both. A failed preview phase
    // did nothing.
    const done = previewing ? new OperationCollector(false) : collector;
    throw withPartialOutcome(error, {
      counts: done.counts(true),
      changes: done.changeList(true),
      durationMs: Date.now() - started,
      resourceErrors: collector.resourceErrors,
      previewed: previewDelivered,
    });
  }
  requireSummary(kind, collector.summarized);
  if (previewFirst && !previewDelivered) requireSummary('preview', false);
  return { ...outcomeOf(collector, kind, started), ...(outputs ? { outputs } : {}) };
}

function outcomeOf(collector: OperationCollector, kind: EngineOperationKind, started: number): OperationOutcome {
  return {
    counts: collector.counts(),
    changes: collector.changeList(),
    outputChanges: kind === 'up' || kind === 'preview' ? outputChanges(collector.previousOutputs, collector.stackOutputs) : [],
    drift: collector.drift(),
    durationMs: Date.now() - started,
  };
}

type CommonOptions = { onEvent: (raw: EngineEvent) => void; color: 'never'; target?: string[] };

async function runKind(
  stack: Stack,
  kind: EngineOperationKind,
  options: RunOperationOptions,
  common: CommonOptions,
  stackOutputs: () => Record<string, unknown> | undefined,
  checkFinished: () => void,
): Promise<OutputMap | undefined> {
  let outputs: OutputMap | undefined;
  switch (kind) {
    case 'preview':
      await stack.preview({
        ...common,
        diff: true,
        ...(options.refresh ? { refresh: true } : {}),
        ...replaceOption(options),
        ...(options.savePlan ? { plan: options.savePlan } : {}),
      });
      break;
    case 'up':
      outputs = await upWithOutputsFromEvents(stack, stackOutputs, checkFinished, options.previewFirst !== undefined, {
        ...common,
        diff: true,
        ...(options.refresh ? { refresh: true } : {}),
        ...replaceOption(options),
        ...(options.plan ? { plan: options.plan } : {}),
      });
      break;
    case 'preview-destroy':
      await stack.previewDestroy({ ...common, ...(options.refresh ? { refresh: true } : {}) });
      break;
    case 'destroy':
      await stack.destroy({ ...common, ...(options.refresh ? { refresh: true } : {}), ...(options.removeStack ? { remove: true } : {}) });
      break;
    case 'refresh':
      await stack.refresh({ ...common, ...(options.clearPendingCreates ? { clearPendingCreates: true } : {}) });
      break;
  }
  return outputs;
}

/** What a failed operation had done when it failed. */
export interface PartialOutcome {
  readonly counts: ChangeCounts;
  readonly changes: readonly ResourceChange[];
  readonly durationMs: number;
  /** Error diagnostics the engine reported against resources, e.g. `container: http error 500 ...`. */
  readonly resourceErrors: readonly string[];
  /** A preview-first update: whether its preview had finished (and was shown) before it failed. */
  readonly previewed?: boolean;
}

const PARTIAL = Symbol('openmcf.partialOutcome');

/** Marks `error` (kept as it is: its name and text are matched later) with what was done. */
export function withPartialOutcome<E>(error: E, partial: PartialOutcome): E {
  if (typeof error === 'object' && error !== null) Object.defineProperty(error, PARTIAL, { value: partial, configurable: true });
  return error;
}

export function partialOutcomeOf(error: unknown): PartialOutcome | undefined {
  return typeof error === 'object' && error !== null ? (error as { [PARTIAL]?: PartialOutcome })[PARTIAL] : undefined;
}

const OPERATION_WORDS: Readonly<Record<EngineOperationKind, string>> = {
  preview: 'preview',
  up: 'update',
  'preview-destroy': 'destroy preview',
  destroy: 'destroy',
  refresh: 'refresh',
};

/**
 * Every engine run ends with a summary event. Without one, the counts above are not "nothing
 * changed" but "nothing known": an engine that printed no events (a broken or foreign binary, a
 * cut event stream) must not be reported as a preview without changes (exit 0).
 */
function requireSummary(kind: EngineOperationKind, summarized: boolean): void {
  if (summarized) return;
  throw new OpenmcfError(`the engine finished the ${OPERATION_WORDS[kind]} without reporting its summary, so what it would change (or changed) is unknown`, {
    exitCode: ExitCode.failed,
    code: 'engine-no-summary',
    origin: 'tool',
    hint: 'run it again; if it happens every time, check the engine (`openmcf doctor`, or unset OPENMCF_PULUMI_CLI to use the pinned one)',
  });
}

/** Outputs whose value differs between the stack's last update and this one; none for a new stack. */
export function outputChanges(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): OutputChange[] {
  if (!before || !after || Object.keys(before).length === 0) return [];
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].sort().flatMap((name) => {
    const old = maskSecrets(before[name]);
    const now = maskSecrets(after[name]);
    if (JSON.stringify(old) === JSON.stringify(now)) return [];
    return [{ name, ...(name in before ? { old } : {}), ...(name in after ? { new: now } : {}) }];
  });
}

function replaceOption(options: RunOperationOptions): { replace?: string[] } {
  return options.replace && options.replace.length > 0 ? { replace: [...options.replace] } : {};
}

/**
 * `stack.up()` ends by running `pulumi stack output` twice and `pulumi stack history` (three more
 * CLI starts, two of them deriving the passphrase key: about half a second per stack). The
 * outputs are already in the engine's events (the stack resource's outputs, secrets masked), so
 * those calls are skipped for this one update; if the events carried no outputs, they are read
 * the usual way.
 *
 * `previewFirst`: the Automation API always passes `--skip-preview` to `pulumi up`; without it the
 * engine previews and then updates in one process, under one hold of the stack's lock (the
 * self-managed backends lock around both: pkg/backend/diy Update -> PreviewThenPromptThenExecute),
 * with the preview's events in the same event stream, ended by a summary marked `isPreview`.
 */
async function upWithOutputsFromEvents(
  stack: Stack,
  eventOutputs: () => Record<string, unknown> | undefined,
  checkFinished: () => void,
  previewFirst: boolean,
  options: UpOptions,
): Promise<OutputMap> {
  type RunCommand = (args: string[], ...rest: unknown[]) => Promise<unknown>;
  const patched = stack as unknown as { outputs: Stack['outputs']; info: Stack['info']; runPulumiCmd: RunCommand };
  const own = (name: string): boolean => Object.prototype.hasOwnProperty.call(patched, name);
  const ownOutputs = own('outputs');
  const ownInfo = own('info');
  const ownRun = own('runPulumiCmd');
  patched.outputs = async () => ({});
  patched.info = async () => undefined;
  if (previewFirst) {
    const run = patched.runPulumiCmd.bind(stack);
    patched.runPulumiCmd = (args, ...rest) => run(args[0] === 'up' ? args.filter((a) => a !== '--skip-preview') : args, ...rest);
  }
  try {
    await stack.up(options);
  } finally {
    if (!ownOutputs) delete (patched as Partial<typeof patched>).outputs;
    if (!ownInfo) delete (patched as Partial<typeof patched>).info;
    if (!ownRun) delete (patched as Partial<typeof patched>).runPulumiCmd;
  }
  checkFinished();
  const values = eventOutputs();
  if (!values) return stack.outputs();
  const outputs: OutputMap = {};
  for (const [name, value] of Object.entries(values)) {
    const masked = maskSecrets(value);
    outputs[name] = { value: masked, secret: masked === SECRET_MASK };
  }
  return outputs;
}
