// Live progress of engine operations. On a terminal: one spinner line listing the resources in
// flight with their elapsed time (or, before any resource moves, what the run is doing: reading
// manifests, starting the engine, previewing a stack), and a persistent line per finished resource.
// Without a terminal: a plain line when a resource starts and one when it ends, and every
// `heartbeatMs` a "still ..." line per operation still running, so CI logs show what hung and how
// long everything took. Several stacks run at once, so each line names its stack when there are many.
import { Chalk, type ChalkInstance } from 'chalk';
import type { ChangeKind, OperationEvent } from '../engine/events.js';
import type { Io } from '../core/io.js';
import { resourceLabel } from './resource-label.js';
import { renderPropertyChanges } from './diff.js';
import { truncateToWidth } from './terminal-width.js';

/** The live line at the bottom of a terminal; a no-op without one. */
export interface StatusLine {
  update(text: string): void;
  stop(): void;
}

export function formatElapsed(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

const VERBS: Readonly<Record<string, { doing: string; done: string; failed: string }>> = {
  create: { doing: 'creating', done: 'created', failed: 'create' },
  update: { doing: 'updating', done: 'updated', failed: 'update' },
  delete: { doing: 'deleting', done: 'deleted', failed: 'delete' },
  discard: { doing: 'forgetting', done: 'forgot', failed: 'forget' },
  'create-replacement': { doing: 'creating replacement for', done: 'created replacement for', failed: 'create replacement for' },
  'delete-replaced': { doing: 'deleting replaced', done: 'deleted replaced', failed: 'delete replaced' },
  'discard-replaced': { doing: 'forgetting replaced', done: 'forgot replaced', failed: 'forget replaced' },
  refresh: { doing: 'reading', done: 'read', failed: 'read' },
  read: { doing: 'reading', done: 'read', failed: 'read' },
  import: { doing: 'importing', done: 'imported', failed: 'import' },
};

/** Steps that do nothing worth a line: unchanged resources and the logical `replace` marker. */
function isQuietStep(step: string): boolean {
  return step === 'same' || step === 'replace' || step === 'remove-pending-replace';
}

function symbolFor(chalk: ChalkInstance, change: ChangeKind): string {
  switch (change) {
    case 'create':
    case 'import':
      return chalk.green('+');
    case 'update':
    case 'refresh':
      return chalk.yellow('~');
    case 'replace':
      return chalk.bold.red('+-');
    case 'delete':
      return chalk.red('-');
    default:
      return ' ';
  }
}

/** What a finished step did; a refresh tells drift from a plain read. */
function finishedText(step: string, change: ChangeKind, done: string, label: string): string {
  if (step === 'refresh' && change === 'update') return `${label} changed outside openmcf`;
  if (step === 'refresh' && change === 'delete') return `${label} is gone from the cloud`;
  return `${done} ${label}`;
}

interface InFlight {
  /** `[stack] ` or empty. */
  readonly prefix: string;
  /** `creating container`, `previewing`. */
  readonly what: string;
  readonly startedAt: number;
  /** When the last "still ..." line was printed for it (without a terminal). */
  lastBeat: number;
}

/** The default interval of "still ..." lines without a terminal, as Terraform's. */
export const DEFAULT_HEARTBEAT_MS = 10_000;

export interface ProgressOptions {
  /** Show property changes under updated and replaced resources (when no preview was shown). */
  readonly showProperties?: boolean;
  /** Without a terminal: print a "still ..." line for each operation running this long, and again
   * after each such interval; 0 turns them off. @default DEFAULT_HEARTBEAT_MS */
  readonly heartbeatMs?: number;
  /** The terminal's width, for the live line; undefined when unknown. */
  readonly columns?: () => number | undefined;
  /** Where plans and results go (see io.ts resultWriter). @default stderr */
  readonly results?: (text: string) => void;
  /** Injected for tests. */
  readonly now?: () => number;
  readonly statusLine?: StatusLine;
}

/** Receives the events of several stacks' operations and writes them to stderr; plans and results
 * handed to `result` go where results go (stdout without --json). */
export class ProgressRenderer {
  private readonly chalk: ChalkInstance;
  private readonly inFlight = new Map<string, InFlight>();
  /** What a stack (or the run, key '') is doing while none of its resources is in flight. */
  private readonly activities = new Map<string, InFlight>();
  private readonly heartbeatMs: number;
  private readonly columns: () => number | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  private readonly status: StatusLine;
  /** A live line is drawn (a terminal); otherwise each start gets a plain line of its own. */
  private readonly live: boolean;
  private readonly showProperties: boolean;
  private readonly results: (text: string) => void;
  private ticker: NodeJS.Timeout | undefined;
  private multipleStacks = false;

  constructor(
    private readonly io: Io,
    options: ProgressOptions = {},
  ) {
    this.chalk = new Chalk({ level: io.color ? 1 : 0 });
    this.now = options.now ?? Date.now;
    this.status = options.statusLine ?? { update: () => undefined, stop: () => undefined };
    this.live = options.statusLine !== undefined;
    this.showProperties = options.showProperties ?? false;
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
    this.columns = options.columns ?? (() => undefined);
    this.results = options.results ?? ((text) => io.err(text));
  }

  /**
   * What the run (stackLabel undefined) or one stack is doing outside resource steps: `reading
   * manifests`, `starting the engine`, `previewing`. Shown on the live line while nothing else
   * moves; undefined clears it.
   */
  activity(text: string | undefined, stackLabel?: string): void {
    const key = stackLabel ?? '';
    if (text === undefined) this.activities.delete(key);
    else {
      const previous = this.activities.get(key);
      const what = stackLabel === undefined ? text : `${text} ${stackLabel}`;
      if (previous?.what !== what) this.activities.set(key, { prefix: '', what, startedAt: this.now(), lastBeat: this.now() });
    }
    this.ensureTicker();
    this.refreshStatus();
  }

  /** With more than one stack in flight, every line names its stack. */
  setMultipleStacks(multiple: boolean): void {
    this.multipleStacks = multiple;
  }

  /** A listener for one stack's events. */
  forStack(stackLabel: string): (event: OperationEvent) => void {
    return (event) => this.handle(stackLabel, event);
  }

  /** Writes a line of its own (e.g. a stack's summary) without garbling the live line. */
  line(text: string): void {
    // The live line first, so it never shows a resource that has just finished.
    this.refreshStatus();
    this.io.err(`${text}\n`);
  }

  /** Writes part of the plan or the results (stdout without --json), above the live line. */
  result(text: string): void {
    this.refreshStatus();
    this.results(`${text}\n`);
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.ticker = undefined;
    this.heartbeat = undefined;
    this.activities.clear();
    this.status.stop();
  }

  private prefix(stackLabel: string): string {
    return this.multipleStacks ? `${this.chalk.dim(`[${stackLabel}]`)} ` : '';
  }

  private handle(stackLabel: string, event: OperationEvent): void {
    switch (event.type) {
      case 'resource-started': {
        if (event.planning || isQuietStep(event.step)) return;
        const verb = VERBS[event.step] ?? { doing: event.step, done: event.step, failed: event.step };
        const key = `${stackLabel} ${event.step} ${event.resource.urn}`;
        this.inFlight.set(key, { prefix: this.prefix(stackLabel), what: `${verb.doing} ${resourceLabel(event.resource)}`, startedAt: this.now(), lastBeat: this.now() });
        if (!this.live) this.io.err(`${this.prefix(stackLabel)}${verb.doing} ${resourceLabel(event.resource)}...\n`);
        this.ensureTicker();
        this.refreshStatus();
        return;
      }
      case 'resource-finished': {
        if (event.planning || isQuietStep(event.step)) return;
        this.inFlight.delete(`${stackLabel} ${event.step} ${event.resource.urn}`);
        const verb = VERBS[event.step] ?? { doing: event.step, done: event.step, failed: event.step };
        const elapsed = this.chalk.dim(`(${formatElapsed(event.elapsedMs)})`);
        const lines = [
          `${this.prefix(stackLabel)}${symbolFor(this.chalk, event.change)} ${finishedText(event.step, event.change, verb.done, resourceLabel(event.resource))} ${elapsed}`,
        ];
        if (this.showProperties && (event.change === 'update' || event.change === 'replace')) {
          for (const line of renderPropertyChanges(this.chalk, event.resource, event.change, event.properties)) lines.push(`${this.prefix(stackLabel)}${line.slice(2)}`);
        }
        this.line(lines.join('\n'));
        return;
      }
      case 'resource-failed': {
        this.inFlight.delete(`${stackLabel} ${event.step} ${event.resource.urn}`);
        const verb = VERBS[event.step] ?? { doing: event.step, done: event.step, failed: event.step };
        this.line(
          `${this.prefix(stackLabel)}${this.chalk.red('x')} failed to ${verb.failed} ${resourceLabel(event.resource)} ${this.chalk.dim(`(${formatElapsed(event.elapsedMs)})`)}`,
        );
        return;
      }
      case 'diagnostic': {
        if (event.severity === 'info' && !event.resource) return; // engine chatter
        // "update failed" and the like: the report at the end says which stack failed and why.
        if (!event.resource && /^(update|preview|destroy|refresh) failed$/i.test(event.message)) return;
        // A 409 "already exists" (the engine reports it twice): the report at the end gives it once,
        // with what to do about it (`openmcf import`).
        if (event.severity === 'error' && /\balready exists\b/i.test(event.message)) return;
        const where = event.resource ? `${resourceLabel(event.resource)}: ` : '';
        const tag = event.severity === 'error' ? this.chalk.red('error') : event.severity === 'warning' ? this.chalk.yellow('warning') : 'info';
        this.line(`${this.prefix(stackLabel)}${tag}: ${where}${event.message}`);
        return;
      }
      case 'summary':
        return;
    }
  }

  private ensureTicker(): void {
    if (this.live) {
      if (this.ticker) return;
      // Elapsed times on the live line move even when no event arrives.
      this.ticker = setInterval(() => this.refreshStatus(), 250);
      this.ticker.unref();
      return;
    }
    if (this.heartbeat || this.heartbeatMs <= 0) return;
    this.heartbeat = setInterval(() => this.beat(), Math.min(this.heartbeatMs, 1_000));
    this.heartbeat.unref();
  }

  /** Without a terminal: "still creating container... [10s elapsed]" for what has run a while. */
  beat(): void {
    const now = this.now();
    const lines: string[] = [];
    for (const entry of this.visibleEntries()) {
      if (now - entry.lastBeat < this.heartbeatMs) continue;
      entry.lastBeat = now;
      lines.push(`${entry.prefix}still ${entry.what}... [${formatElapsed(now - entry.startedAt)} elapsed]`);
    }
    if (lines.length > 0) this.io.err(`${lines.join('\n')}\n`);
  }

  /** The live line: resources in flight, else what each stack or the run is doing. */
  private refreshStatus(): void {
    if (!this.live) return;
    const now = this.now();
    const entries = this.visibleEntries();
    if (entries.length === 0) {
      this.status.update('');
      return;
    }
    // The spinner takes two columns; a line that wrapped would break the redraw.
    const width = this.columns();
    const parts = entries.map((f) => {
      const line = `${f.prefix}${f.what} ${this.chalk.dim(formatElapsed(now - f.startedAt))}`;
      return width !== undefined && width > 0 ? truncateToWidth(line, width - 3) : line;
    });
    // The live line is drawn on the terminal directly, not through io: mask it with the run's secrets.
    this.status.update(this.io.redactor.mask(parts.join('\n')));
  }

  /** Resources in flight; for each stack with none, what it is doing; with neither, the run's phase. */
  private visibleEntries(): InFlight[] {
    const busyStacks = new Set([...this.inFlight.keys()].map((key) => key.slice(0, key.indexOf(' '))));
    const entries = [...this.inFlight.values(), ...[...this.activities.entries()].filter(([key]) => key !== '' && !busyStacks.has(key)).map(([, a]) => a)];
    const runActivity = this.activities.get('');
    if (entries.length === 0 && runActivity) entries.push(runActivity);
    return entries;
  }

  /** Resources still in flight (for tests and for the interruption message). */
  inFlightResources(): string[] {
    return [...this.inFlight.values()].map((f) => `${f.prefix}${f.what}`);
  }
}
