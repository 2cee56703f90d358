// One engine operation on an opened stack, with its events translated for the renderers and its
// changes counted from the steps. Errors are left to the caller (see errors.ts), which knows the
// manifest and whether the user interrupted.
import type { EngineEvent, OutputMap, Stack, UpOptions } from '@pulumi/pulumi/automation/index.js';
import { ExitCode, OpenmcfError } from '../errors.js';
import { maskSecrets } from './property-changes.js';
import type { ChangeCounts, OperationEventListener, PropertyChange, ResourceRef, ChangeKind } from './events.js';
import { EngineEventTranslator } from './translate-events.js';

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

/** A change the engine planned or made, as shown to the user. */
export interface ResourceChange {
  readonly resource: ResourceRef;
  readonly change: ChangeKind;
  readonly step: string;
  readonly properties: readonly PropertyChange[];
  /** A replacement that deletes the old resource before creating the new one (`deleteBeforeReplace`:
   * the engine orders `delete-replaced` before `create-replacement`). */
  readonly deleteFirst?: true;
}

export interface OperationOutcome {
  readonly counts: ChangeCounts;
  /** Changed resources in the order the engine took them (unchanged ones left out). */
  readonly changes: readonly ResourceChange[];
  /** After `up`: the stack outputs, each marked secret or not. */
  readonly outputs?: OutputMap;
  /** Outputs of an existing stack that changed (up) or may change (preview). */
  readonly outputChanges: readonly OutputChange[];
  readonly durationMs: number;
}

/** Steps that repeat a replacement already listed under its `replace` step. */
function isListedStep(step: string): boolean {
  return step !== 'same' && step !== 'create-replacement' && step !== 'delete-replaced' && step !== 'discard-replaced' && step !== 'refresh' && step !== 'read';
}

export async function runOperation(stack: Stack, kind: EngineOperationKind, options: RunOperationOptions = {}): Promise<OperationOutcome> {
  const translator = new EngineEventTranslator({ refresh: kind === 'refresh' });
  const changes = new Map<string, ResourceChange>();
  const failed = new Set<string>();
  // Per URN, which half of a replacement the engine announced first.
  const replacementOrder = new Map<string, 'delete-first' | 'create-first'>();
  let stackOutputs: Record<string, unknown> | undefined;
  let previousOutputs: Record<string, unknown> | undefined;
  let summarized = false;
  const finishedSteps = new Set<string>();
  const resourceErrors: string[] = [];
  const onEvent = (raw: EngineEvent): void => {
    if (raw.summaryEvent) summarized = true;
    const finished = raw.resOutputsEvent?.metadata;
    if (finished?.type === 'pulumi:pulumi:Stack' && finished.new?.outputs) {
      stackOutputs = finished.new.outputs;
      previousOutputs = finished.old?.outputs;
    }
    for (const event of translator.translate(raw)) {
      if (event.type === 'resource-started' && (event.step === 'delete-replaced' || event.step === 'create-replacement') && !replacementOrder.has(event.resource.urn)) {
        replacementOrder.set(event.resource.urn, event.step === 'delete-replaced' ? 'delete-first' : 'create-first');
      }
      if (event.type === 'resource-started' || event.type === 'resource-finished') {
        const key = `${event.step} ${event.resource.urn}`;
        // A refresh reports drift when the step finishes (it becomes an update or a delete).
        const listed = kind === 'refresh' ? event.type === 'resource-finished' && (event.change === 'update' || event.change === 'delete') : isListedStep(event.step);
        if (listed) {
          const previous = changes.get(key);
          changes.set(key, {
            resource: event.resource,
            change: event.change,
            step: event.step,
            properties: event.properties.length > 0 || !previous ? event.properties : previous.properties,
          });
        }
      } else if (event.type === 'resource-failed') {
        failed.add(`${event.step} ${event.resource.urn}`);
      } else if (event.type === 'diagnostic' && event.severity === 'error' && event.resource) {
        resourceErrors.push(`${event.resource.name}: ${oneLine(event.message)}`);
      }
      if (event.type === 'resource-finished') finishedSteps.add(`${event.step} ${event.resource.urn}`);
      options.onEvent?.(event);
    }
  };

  const common = {
    onEvent,
    color: 'never' as const,
    ...(options.target && options.target.length > 0 ? { target: [...options.target] } : {}),
  };
  const started = Date.now();
  let outputs: OutputMap | undefined;
  try {
    outputs = await runKind(stack, kind, options, common, () => stackOutputs, () => requireSummary(kind, summarized));
  } catch (error) {
    // What the run did before it failed, and the resources' own error messages (the engine's
    // stderr often says only "destroy failed"): the caller reports both.
    throw withPartialOutcome(error, {
      counts: translator.counts(true),
      changes: [...changes.entries()].filter(([key]) => !failed.has(key) && finishedSteps.has(key)).map(([, change]) => change),
      durationMs: Date.now() - started,
      resourceErrors,
    });
  }
  requireSummary(kind, summarized);
  return {
    counts: translator.counts(),
    changes: [...changes.entries()]
      .filter(([key]) => !failed.has(key))
      .map(([, change]) => (change.change === 'replace' && replacementOrder.get(change.resource.urn) === 'delete-first' ? { ...change, deleteFirst: true as const } : change)),
    ...(outputs ? { outputs } : {}),
    outputChanges: kind === 'up' || kind === 'preview' ? outputChanges(previousOutputs, stackOutputs) : [],
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
      await stack.preview({ ...common, diff: true, ...(options.refresh ? { refresh: true } : {}), ...replaceOption(options), ...(options.savePlan ? { plan: options.savePlan } : {}) });
      break;
    case 'up':
      outputs = await upWithOutputsFromEvents(stack, stackOutputs, checkFinished, {
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

/**
 * Every engine run ends with a summary event. Without one, the counts above are not "nothing
 * changed" but "nothing known": an engine that printed no events (a broken or foreign binary, a
 * cut event stream) must not be reported as a preview without changes (exit 0).
 */
/** `1 error occurred:\n\t* cause` -> `cause`: one line for a message. */
function oneLine(message: string): string {
  return message
    .split('\n')
    .map((line) => line.trim().replace(/^\*\s*/, ''))
    .filter((line) => line !== '' && !/^\d+ errors? occurred:?$/i.test(line))
    .join('; ');
}

const OPERATION_WORDS: Readonly<Record<EngineOperationKind, string>> = {
  preview: 'preview',
  up: 'update',
  'preview-destroy': 'destroy preview',
  destroy: 'destroy',
  refresh: 'refresh',
};

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
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .sort()
    .flatMap((name) => {
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
 */
async function upWithOutputsFromEvents(
  stack: Stack,
  eventOutputs: () => Record<string, unknown> | undefined,
  checkFinished: () => void,
  options: UpOptions,
): Promise<OutputMap> {
  const patched = stack as Stack & { outputs: Stack['outputs']; info: Stack['info'] };
  const ownOutputs = Object.prototype.hasOwnProperty.call(patched, 'outputs');
  const ownInfo = Object.prototype.hasOwnProperty.call(patched, 'info');
  patched.outputs = async () => ({});
  patched.info = async () => undefined;
  try {
    await stack.up(options);
  } finally {
    if (!ownOutputs) delete (patched as Partial<typeof patched>).outputs;
    if (!ownInfo) delete (patched as Partial<typeof patched>).info;
  }
  checkFinished();
  const values = eventOutputs();
  if (!values) return stack.outputs();
  const outputs: OutputMap = {};
  for (const [name, value] of Object.entries(values)) {
    const masked = maskSecrets(value);
    outputs[name] = { value: masked, secret: masked === '[secret]' };
  }
  return outputs;
}