// What one engine run (or one phase of it: `pulumi up` without --skip-preview previews, then
// updates, in one process) planned or did, gathered from its events: the changes per resource in
// the engine's order, what a refresh found changed outside openmcf (drift), the stack outputs, the
// resources' own error messages, and whether the run reported its summary.
import type { EngineEvent } from '@pulumi/pulumi/automation/index.js';
import type { ChangeCounts, OperationEvent, ResourceRef, ChangeKind, PropertyChange } from './events.js';
import { EngineEventTranslator } from './translate-events.js';

/** A change the engine planned or made, as shown to the user. */
export interface ResourceChange {
  readonly resource: ResourceRef;
  readonly change: ChangeKind;
  readonly step: string;
  readonly properties: readonly PropertyChange[];
  /** A replacement that deletes the old resource before creating the new one (`deleteBeforeReplace`:
   * the engine orders `delete-replaced` before `create-replacement`). */
  readonly deleteFirst?: boolean;
}

/** Steps that repeat a replacement already listed under its `replace` step. */
function isListedStep(step: string): boolean {
  return step !== 'same' && step !== 'create-replacement' && step !== 'delete-replaced' && step !== 'discard-replaced' && step !== 'refresh' && step !== 'read';
}

/** A refresh step that found the cloud different from the state: `update` (changed) or `delete` (gone). */
function isDrift(event: OperationEvent): event is Extract<OperationEvent, { type: 'resource-finished' }> {
  return event.type === 'resource-finished' && (event.change === 'update' || event.change === 'delete');
}

export class OperationCollector {
  private readonly translator: EngineEventTranslator;
  private readonly changes = new Map<string, ResourceChange>();
  private readonly drifted = new Map<string, ResourceChange>();
  private readonly failed = new Set<string>();
  private readonly finishedSteps = new Set<string>();
  /** Per URN, which half of a replacement the engine announced first. */
  private readonly replacementOrder = new Map<string, 'delete-first' | 'create-first'>();
  readonly resourceErrors: string[] = [];
  stackOutputs: Record<string, unknown> | undefined;
  previousOutputs: Record<string, unknown> | undefined;
  summarized = false;

  /** `refresh`: the operation is a refresh, whose changes are all drift. */
  constructor(private readonly refresh: boolean) {
    this.translator = new EngineEventTranslator({ refresh });
  }

  /** Takes one raw event in; returns the translated events, for the caller's listener. */
  take(raw: EngineEvent): OperationEvent[] {
    if (raw.summaryEvent) this.summarized = true;
    const finished = raw.resOutputsEvent?.metadata;
    if (finished?.type === 'pulumi:pulumi:Stack' && finished.new?.outputs) {
      this.stackOutputs = finished.new.outputs;
      this.previousOutputs = finished.old?.outputs;
    }
    const events = this.translator.translate(raw);
    for (const event of events) this.record(event);
    return events;
  }

  private record(event: OperationEvent): void {
    if (event.type === 'resource-started' && (event.step === 'delete-replaced' || event.step === 'create-replacement') && !this.replacementOrder.has(event.resource.urn)) {
      this.replacementOrder.set(event.resource.urn, event.step === 'delete-replaced' ? 'delete-first' : 'create-first');
    }
    if (event.type === 'resource-started' || event.type === 'resource-finished') {
      const key = `${event.step} ${event.resource.urn}`;
      // A refresh reports drift when the step finishes (it becomes an update or a delete); a
      // refresh before a preview or an update does the same, and that is drift too, kept apart.
      if (!this.refresh && event.step === 'refresh') {
        if (isDrift(event)) this.drifted.set(event.resource.urn, { resource: event.resource, change: event.change, step: 'refresh', properties: event.properties });
      } else if (this.refresh ? isDrift(event) : isListedStep(event.step)) {
        const previous = this.changes.get(key);
        this.changes.set(key, {
          resource: event.resource,
          change: event.change,
          step: event.step,
          properties: event.properties.length > 0 || !previous ? event.properties : previous.properties,
        });
      }
      if (event.type === 'resource-finished') this.finishedSteps.add(key);
    } else if (event.type === 'resource-failed') {
      this.failed.add(`${event.step} ${event.resource.urn}`);
    } else if (event.type === 'diagnostic' && event.severity === 'error' && event.resource) {
      this.resourceErrors.push(`${event.resource.name}: ${oneLine(event.message)}`);
    }
  }

  counts(finishedOnly = false): ChangeCounts {
    return this.translator.counts(finishedOnly);
  }

  /** Changed resources in the order the engine took them; `finishedOnly`: what a failed run did. */
  changeList(finishedOnly = false): ResourceChange[] {
    return [...this.changes.entries()]
      .filter(([key]) => !this.failed.has(key) && (!finishedOnly || this.finishedSteps.has(key)))
      .map(([, change]) => (change.change === 'replace' && this.replacementOrder.get(change.resource.urn) === 'delete-first' ? { ...change, deleteFirst: true as const } : change));
  }

  /** What the refresh before the operation found changed (or gone) outside openmcf. */
  drift(): ResourceChange[] {
    return [...this.drifted.values()];
  }
}

/** `1 error occurred:\n\t* cause` -> `cause`: one line for a message. */
function oneLine(message: string): string {
  return message
    .split('\n')
    .map((line) => line.trim().replace(/^\*\s*/, ''))
    .filter((line) => line !== '' && !/^\d+ errors? occurred:?$/i.test(line))
    .join('; ');
}
