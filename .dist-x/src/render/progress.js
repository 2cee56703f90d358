// Live progress of engine operations. On a terminal: one spinner line listing the resources in
// flight with their elapsed time, and a persistent line per finished resource. Without a terminal:
// a plain line when a resource starts and one when it ends, so CI logs show what hung and how long
// everything took. Several stacks run at once, so each line names its stack when there are many.
import { Chalk } from 'chalk';
import { redact } from './redact.js';
import { resourceLabel } from './resource-label.js';
import { formatValue } from './format-value.js';
export function formatElapsed(ms) {
    if (ms < 10_000)
        return `${(ms / 1000).toFixed(1)}s`;
    const seconds = Math.round(ms / 1000);
    if (seconds < 60)
        return `${seconds}s`;
    return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
const VERBS = {
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
function isQuietStep(step) {
    return step === 'same' || step === 'replace' || step === 'remove-pending-replace';
}
function symbolFor(chalk, change) {
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
function finishedText(step, change, done, label) {
    if (step === 'refresh' && change === 'update')
        return `${label} changed outside openmcf`;
    if (step === 'refresh' && change === 'delete')
        return `${label} is gone from the cloud`;
    return `${done} ${label}`;
}
/** Receives the events of several stacks' operations and writes them to stderr. */
export class ProgressRenderer {
    io;
    chalk;
    inFlight = new Map();
    now;
    status;
    /** A live line is drawn (a terminal); otherwise each start gets a plain line of its own. */
    live;
    showProperties;
    ticker;
    multipleStacks = false;
    constructor(io, options = {}) {
        this.io = io;
        this.chalk = new Chalk({ level: io.color ? 1 : 0 });
        this.now = options.now ?? Date.now;
        this.status = options.statusLine ?? { update: () => undefined, stop: () => undefined };
        this.live = options.statusLine !== undefined;
        this.showProperties = options.showProperties ?? false;
    }
    /** With more than one stack in flight, every line names its stack. */
    setMultipleStacks(multiple) {
        this.multipleStacks = multiple;
    }
    /** A listener for one stack's events. */
    forStack(stackLabel) {
        return (event) => this.handle(stackLabel, event);
    }
    /** Writes a line of its own (e.g. a stack's summary) without garbling the live line. */
    line(text) {
        // The live line first, so it never shows a resource that has just finished.
        this.refreshStatus();
        this.io.err(`${text}\n`);
    }
    stop() {
        if (this.ticker)
            clearInterval(this.ticker);
        this.ticker = undefined;
        this.status.stop();
    }
    prefix(stackLabel) {
        return this.multipleStacks ? `${this.chalk.dim(`[${stackLabel}]`)} ` : '';
    }
    handle(stackLabel, event) {
        switch (event.type) {
            case 'resource-started': {
                if (event.planning || isQuietStep(event.step))
                    return;
                const verb = VERBS[event.step] ?? { doing: event.step, done: event.step, failed: event.step };
                const key = `${stackLabel} ${event.step} ${event.resource.urn}`;
                this.inFlight.set(key, { label: `${this.prefix(stackLabel)}${verb.doing} ${resourceLabel(event.resource)}`, doing: verb.doing, startedAt: this.now() });
                if (!this.live)
                    this.io.err(`${this.prefix(stackLabel)}${verb.doing} ${resourceLabel(event.resource)}...\n`);
                this.ensureTicker();
                this.refreshStatus();
                return;
            }
            case 'resource-finished': {
                if (event.planning || isQuietStep(event.step))
                    return;
                this.inFlight.delete(`${stackLabel} ${event.step} ${event.resource.urn}`);
                const verb = VERBS[event.step] ?? { doing: event.step, done: event.step, failed: event.step };
                const elapsed = this.chalk.dim(`(${formatElapsed(event.elapsedMs)})`);
                const lines = [`${this.prefix(stackLabel)}${symbolFor(this.chalk, event.change)} ${finishedText(event.step, event.change, verb.done, resourceLabel(event.resource))} ${elapsed}`];
                if (this.showProperties && (event.change === 'update' || event.change === 'replace')) {
                    for (const p of event.properties) {
                        const change = p.kind === 'add' ? formatValue(p.new) : p.kind === 'delete' ? `${formatValue(p.old)} => (none)` : `${formatValue(p.old)} => ${formatValue(p.new)}`;
                        lines.push(`${this.prefix(stackLabel)}    ${p.path}: ${change}${p.replaces ? this.chalk.red(' (forces replacement)') : ''}`);
                    }
                }
                this.line(lines.join('\n'));
                return;
            }
            case 'resource-failed': {
                this.inFlight.delete(`${stackLabel} ${event.step} ${event.resource.urn}`);
                const verb = VERBS[event.step] ?? { doing: event.step, done: event.step, failed: event.step };
                this.line(`${this.prefix(stackLabel)}${this.chalk.red('x')} failed to ${verb.failed} ${resourceLabel(event.resource)} ${this.chalk.dim(`(${formatElapsed(event.elapsedMs)})`)}`);
                return;
            }
            case 'diagnostic': {
                if (event.severity === 'info' && !event.resource)
                    return; // engine chatter
                // "update failed" and the like: the report at the end says which stack failed and why.
                if (!event.resource && /^(update|preview|destroy|refresh) failed$/i.test(event.message))
                    return;
                const where = event.resource ? `${resourceLabel(event.resource)}: ` : '';
                const tag = event.severity === 'error' ? this.chalk.red('error') : event.severity === 'warning' ? this.chalk.yellow('warning') : 'info';
                this.line(`${this.prefix(stackLabel)}${tag}: ${where}${event.message}`);
                return;
            }
            case 'summary':
                return;
        }
    }
    ensureTicker() {
        if (this.ticker || !this.live)
            return;
        // Elapsed times on the live line move even when no event arrives.
        this.ticker = setInterval(() => this.refreshStatus(), 250);
        this.ticker.unref();
    }
    refreshStatus() {
        if (!this.live)
            return;
        if (this.inFlight.size === 0) {
            this.status.update('');
            return;
        }
        const now = this.now();
        const parts = [...this.inFlight.values()].map((f) => `${f.label} ${this.chalk.dim(formatElapsed(now - f.startedAt))}`);
        this.status.update(redact(parts.join('\n')));
    }
    /** Resources still in flight (for tests and for the interruption message). */
    inFlightResources() {
        return [...this.inFlight.values()].map((f) => f.label);
    }
}
