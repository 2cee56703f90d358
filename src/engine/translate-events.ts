// Raw engine events -> the project's OperationEvents, plus change counts taken from the steps
// (preview's changeSummary can be missing on a new stack, and it counts the stack and provider
// bookkeeping resources, which users never declared).
import type { EngineEvent, StepEventMetadata } from '@pulumi/pulumi/automation/index.js';
import { emptyChangeCounts, type ChangeCounts, type ChangeKind, type EngineEventSeverity, type OperationEvent, type ResourceRef } from './events.js';
import { propertyChanges } from './property-changes.js';
import { cleanProviderMessage, isStandingProviderWarning } from './provider-messages.js';
import { resourceNameOfUrn } from './resource-urns.js';

/** The engine's own resources: the stack, provider instances, references to other stacks (read on
 * every run). Not shown, not counted. */
export function isBookkeepingType(type: string): boolean {
  return type === 'pulumi:pulumi:Stack' || type === 'pulumi:pulumi:StackReference' || type.startsWith('pulumi:providers:');
}

/** The user-facing kind of change of an engine step. */
export function changeKindOf(step: string): ChangeKind | undefined {
  switch (step) {
    case 'same':
    case 'create':
    case 'update':
    case 'delete':
    case 'replace':
    case 'read':
    case 'refresh':
    case 'import':
      return step;
    case 'create-replacement':
    case 'delete-replaced':
      return 'replace';
    case 'discard':
    case 'discard-replaced':
      return 'delete';
    case 'read-replacement':
      return 'read';
    case 'import-replacement':
      return 'import';
    default:
      return undefined;
  }
}

/** Which steps are counted: a replacement is one change though the engine takes three steps. */
function countedKind(step: string, change: ChangeKind): keyof ChangeCounts | undefined {
  if (step === 'create-replacement' || step === 'delete-replaced' || step === 'discard-replaced') return undefined;
  if (change === 'refresh' || change === 'read') return 'same';
  if (change === 'import') return 'create';
  return change;
}

export function resourceRefOf(metadata: Pick<StepEventMetadata, 'urn' | 'type'>): ResourceRef {
  const urn = metadata.urn;
  return { urn, type: metadata.type, name: resourceNameOfUrn(urn) };
}

/** Pulumi's colour markup, e.g. `<{%reset%}>`, which appears in messages even without colour. */
export function stripEngineMarkup(text: string): string {
  return text.replace(/<\{%[^%]*%\}>/g, '');
}

function severityOf(raw: string): EngineEventSeverity | undefined {
  if (raw === 'error') return 'error';
  if (raw === 'warning') return 'warning';
  if (raw === 'info' || raw === 'info#err') return 'info';
  return undefined; // debug
}

interface StepRecord {
  readonly ref: ResourceRef;
  readonly step: string;
  change: ChangeKind;
  readonly startedAt: number;
  done: boolean;
}

/** Stateful: remembers when each step started (for elapsed times) and what it changed. */
export class EngineEventTranslator {
  private readonly steps = new Map<string, StepRecord>();
  /** `--refresh` before a preview or an update reads every resource first: those reads (started,
   * then finished under whatever op they ended as) are not this operation's changes, and counting
   * them would count every resource twice. Keyed by URN until the read finishes. */
  private readonly refreshing = new Map<string, StepRecord>();
  private readonly now: () => number;
  private readonly compare: 'inputs' | 'outputs';

  /** `refresh`: diffs compare the cloud's state (outputs), as a refresh reports drift. */
  constructor(options: { now?: () => number; refresh?: boolean } = {}) {
    this.now = options.now ?? Date.now;
    this.compare = options.refresh ? 'outputs' : 'inputs';
  }

  translate(event: EngineEvent): OperationEvent[] {
    if (event.resourcePreEvent) return this.started(event.resourcePreEvent.metadata, event.resourcePreEvent.planning === true);
    if (event.resOutputsEvent) return this.finished(event.resOutputsEvent.metadata, event.resOutputsEvent.planning === true);
    if (event.resOpFailedEvent) return this.failed(event.resOpFailedEvent.metadata);
    if (event.diagnosticEvent) {
      const d = event.diagnosticEvent;
      const severity = severityOf(d.severity);
      const message = cleanProviderMessage(stripEngineMarkup(d.message));
      if (!severity || d.ephemeral || message === '') return [];
      const resource = d.urn ? resourceRefOf({ urn: d.urn, type: typeFromUrn(d.urn) }) : undefined;
      if (resource && isBookkeepingType(resource.type) && severity !== 'error') return [];
      if (severity === 'warning' && isStandingProviderWarning(message)) return [];
      return [{ type: 'diagnostic', severity, message, ...(resource && !isBookkeepingType(resource.type) ? { resource } : {}) }];
    }
    // The engine ends every event stream with a cancelEvent, interrupted or not: it says nothing.
    if (event.summaryEvent) return [{ type: 'summary', durationSeconds: event.summaryEvent.durationSeconds }];
    return [];
  }

  /** Changes counted from the steps seen so far; `finishedOnly`: only those the engine finished
   * (what a failed run did, as opposed to what it set out to do). */
  counts(finishedOnly = false): ChangeCounts {
    const counts = emptyChangeCounts();
    for (const record of this.steps.values()) {
      if (finishedOnly && !record.done) continue;
      const kind = countedKind(record.step, record.change);
      if (kind) counts[kind] += 1;
    }
    return counts;
  }

  /** A step is known by its op and resource; in a refresh the op changes when the step finishes
   * (refresh -> update when drifted), so there the resource alone names it. */
  private key(metadata: StepEventMetadata): string {
    return this.compare === 'outputs' ? metadata.urn : `${metadata.op} ${metadata.urn}`;
  }

  private started(metadata: StepEventMetadata, planning: boolean): OperationEvent[] {
    const change = changeKindOf(metadata.op);
    if (!change || isBookkeepingType(metadata.type)) return [];
    const ref = resourceRefOf(metadata);
    const record = { ref, step: metadata.op, change, startedAt: this.now(), done: false };
    if (metadata.op === 'refresh' && this.compare === 'inputs') this.refreshing.set(metadata.urn, record);
    else this.steps.set(this.key(metadata), record);
    return [{ type: 'resource-started', resource: ref, change, step: metadata.op, planning, properties: propertyChanges(metadata, this.compare) }];
  }

  private finished(metadata: StepEventMetadata, planning: boolean): OperationEvent[] {
    const change = changeKindOf(metadata.op);
    if (!change || isBookkeepingType(metadata.type)) return [];
    const now = this.now();
    const read = this.refreshing.get(metadata.urn);
    if (read) {
      this.refreshing.delete(metadata.urn);
      const drift = refreshDrift(metadata);
      // A drifted read is reported as the update (or delete) it stands for, its properties compared
      // as a refresh compares them: the cloud's outputs before and now.
      const properties = propertyChanges(drift === 'update' ? { ...metadata, op: 'update' } : metadata, 'outputs');
      return [{ type: 'resource-finished', resource: read.ref, change: drift ?? change, step: 'refresh', planning, elapsedMs: now - read.startedAt, properties }];
    }
    const record = this.steps.get(this.key(metadata));
    const ref = record?.ref ?? resourceRefOf(metadata);
    if (record) {
      // A refresh step is rewritten to `update` (drift) or `delete` (gone) when it finishes.
      record.change = change;
      record.done = true;
    } else {
      this.steps.set(this.key(metadata), { ref, step: metadata.op, change, startedAt: now, done: true });
    }
    return [
      {
        type: 'resource-finished',
        resource: ref,
        change,
        // The step as it started, so listeners pair the two events.
        step: record?.step ?? metadata.op,
        planning,
        elapsedMs: record ? now - record.startedAt : 0,
        properties: propertyChanges(metadata, this.compare),
      },
    ];
  }

  private failed(metadata: StepEventMetadata): OperationEvent[] {
    const change = changeKindOf(metadata.op);
    if (!change || isBookkeepingType(metadata.type)) return [];
    const key = this.key(metadata);
    const record = this.steps.get(key);
    // A failed step changed nothing we can count.
    this.steps.delete(key);
    return [
      {
        type: 'resource-failed',
        resource: record?.ref ?? resourceRefOf(metadata),
        change,
        step: metadata.op,
        elapsedMs: record ? this.now() - record.startedAt : 0,
      },
    ];
  }
}

/** `urn:pulumi:stack::project::type$type::name` -> the last type of the chain. */
export function typeFromUrn(urn: string): string {
  const parts = urn.split('::');
  const typeChain = parts[2] ?? '';
  return typeChain.slice(typeChain.lastIndexOf('$') + 1);
}

/**
 * What a refresh before a preview or an update found, from the step's end. The engine (v3.274)
 * ends that read as `refresh` whatever it found: a drifted resource carries a detailed diff of its
 * outputs (`maxScale: update`), a resource gone from the cloud comes back without an id or outputs.
 * (`pulumi refresh` itself ends it as `update` or `delete`.)
 */
export function refreshDrift(metadata: StepEventMetadata): 'update' | 'delete' | undefined {
  if (metadata.op === 'update' || metadata.op === 'delete') return metadata.op;
  if (metadata.op !== 'refresh') return undefined;
  if (metadata.old?.id && !metadata.new?.id) return 'delete';
  const diffs = Object.keys(metadata.detailedDiff ?? {}).length + (metadata.diffs?.length ?? 0);
  return diffs > 0 ? 'update' : undefined;
}
