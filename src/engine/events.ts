// The project's own view of what the engine is doing. The Automation API's raw engine events are
// translated here (see translate-events.ts) so that renderers and commands never depend on the
// Pulumi SDK's event shapes, and so that change counts come from the steps themselves:
// preview's `changeSummary` can be missing on a new stack.

/** What happens to one resource, as the user sees it. */
export type ChangeKind = 'create' | 'update' | 'replace' | 'delete' | 'same' | 'read' | 'refresh' | 'import';

/** The counted kinds: what the result document and summaries report. */
export interface ChangeCounts {
  create: number;
  update: number;
  replace: number;
  delete: number;
  same: number;
}

export function emptyChangeCounts(): ChangeCounts {
  return { create: 0, update: 0, replace: 0, delete: 0, same: 0 };
}

/** The counts of several stacks or runs, added up. */
export function sumChangeCounts(all: readonly ChangeCounts[]): ChangeCounts {
  const total = emptyChangeCounts();
  for (const counts of all) for (const kind of Object.keys(total) as Array<keyof ChangeCounts>) total[kind] += counts[kind];
  return total;
}

export function hasChanges(counts: ChangeCounts): boolean {
  return counts.create + counts.update + counts.replace + counts.delete > 0;
}

export interface ResourceRef {
  readonly urn: string;
  /** The Pulumi type token, e.g. `scaleway:containers/container:Container`. */
  readonly type: string;
  /** The logical name in the program. */
  readonly name: string;
}

/** One changed property. Values are as the engine reports them: secrets arrive as `[secret]`. */
export interface PropertyChange {
  /** Property path, e.g. `image`, `environmentVariables.LOG_LEVEL`, `args[1]`. */
  readonly path: string;
  readonly kind: 'add' | 'delete' | 'update';
  /** True when this property forces the resource to be replaced. */
  readonly replaces: boolean;
  readonly old?: unknown;
  readonly new?: unknown;
}

export type EngineEventSeverity = 'info' | 'warning' | 'error';

export type OperationEvent =
  | {
      readonly type: 'resource-started';
      readonly resource: ResourceRef;
      readonly change: ChangeKind;
      /** The engine's own step, e.g. `create-replacement`, kept for detail. */
      readonly step: string;
      /** True in previews: nothing is being done, only planned. */
      readonly planning: boolean;
      readonly properties: readonly PropertyChange[];
    }
  | {
      readonly type: 'resource-finished';
      readonly resource: ResourceRef;
      readonly change: ChangeKind;
      readonly step: string;
      readonly planning: boolean;
      readonly elapsedMs: number;
      readonly properties: readonly PropertyChange[];
    }
  | {
      readonly type: 'resource-failed';
      readonly resource: ResourceRef;
      readonly change: ChangeKind;
      readonly step: string;
      readonly elapsedMs: number;
    }
  | {
      readonly type: 'diagnostic';
      readonly severity: EngineEventSeverity;
      readonly message: string;
      readonly resource?: ResourceRef;
    }
  | { readonly type: 'summary'; readonly durationSeconds: number };

export type OperationEventListener = (event: OperationEvent) => void;
