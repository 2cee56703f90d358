// `openmcf status` output, from the data the command read (commands/status.ts): a block per stack
// on stdout (it is the result), or the versioned JSON document:
//   { "apiVersion": "openmcf.org/status/v1", "exitCode": 1, "sandbox": true,
//     "results": [ { "manifest": { "file": "my-api.yaml", "document": 0, "name": "my-api" },
//                    "stack": "my-org/my-project/dev.ScalewayServerlessContainer.my-api",
//                    "engineStack": "organization/my-project/dev.ScalewayServerlessContainer.my-api",
//                    "backend": "file:///...", "healthy": false,
//                    "namespace": { "id": "fr-par/...", "name": "my-api", "status": "ready", "updatedAt": "..." },
//                    "container": { "id": "fr-par/...", "name": "my-api", "status": "error",
//                                   "errorMessage": "image not found", "image": "rg.fr-par.scw.cloud/...",
//                                   "minScale": 0, "maxScale": 20, "url": "https://...", "updatedAt": "..." },
//                    "triggers": [ { "id", "name", "status", "schedule", "updatedAt" } ],
//                    "probe": { "url": "https://...", "httpStatus": 502, "durationMs": 12, "answering": false },  // --probe
//                    "problems": [ "container my-api is in error: image not found" ],
//                    "error": { "code", "message", "hint", "exitCode" } } ],   // the stack could not be read
//     "error": { ... } }                                                          // nothing could run
// `status` is the platform's (`ready`, `error`, `creating`, `updating`, `pending`, ...) or `missing`.
import type { ChalkInstance } from 'chalk';
import { ExitCode, type OpenmcfError } from '../core/errors.js';
import type { Io } from '../core/io.js';
import { resultError } from './result-document.js';
import { chalkFor, errorLines } from './text-style.js';

export const STATUS_API_VERSION = 'openmcf.org/status/v1';

export interface LiveObject {
  /** As the state holds it: `{region}/{uuid}`. */
  readonly id: string;
  readonly name: string;
  /** The platform's status (`ready`, `error`, `creating`, ...), or `missing` (404). */
  readonly status: string;
  readonly errorMessage?: string;
  readonly updatedAt?: string;
}

export interface LiveContainer extends LiveObject {
  readonly image?: string;
  readonly minScale?: number;
  readonly maxScale?: number;
  readonly url?: string;
}

export interface LiveTrigger extends LiveObject {
  readonly schedule?: string;
}

export interface LiveStack {
  readonly namespace?: LiveObject;
  readonly container?: LiveContainer;
  readonly triggers: readonly LiveTrigger[];
  readonly probe?: ProbeResult;
  /** Empty when healthy. */
  readonly problems: readonly string[];
}

export interface ProbeResult {
  readonly url: string;
  /** The HTTP status; absent when nothing answered. */
  readonly httpStatus?: number;
  readonly durationMs: number;
  readonly answering: boolean;
  /** Why nothing answered (refused, timed out, ...). */
  readonly error?: string;
}

/** One stack as `status` found it: which manifest and stack, and what the API said (or why it could not be read). */
export interface StackStatusReport {
  readonly manifest: { readonly file: string; readonly document: number; readonly name: string };
  /** The manifest's name (the stack's, when two manifests share a name). */
  readonly label: string;
  /** The stack as the user names it, and as the engine does. */
  readonly stack: string;
  readonly engineStack: string;
  readonly backend: string;
  readonly live?: LiveStack;
  readonly error?: OpenmcfError;
}

export function isHealthy(outcome: StackStatusReport): boolean {
  return outcome.error === undefined && outcome.live !== undefined && outcome.live.problems.length === 0;
}

/** A stack that could not be read exits with its error's code; an unhealthy one with 1. */
export function statusExitCode(outcome: StackStatusReport): number {
  return outcome.error ? outcome.error.exitCode : isHealthy(outcome) ? ExitCode.ok : ExitCode.failed;
}

export function statusDocument(outcomes: readonly StackStatusReport[], exitCode: number, sandbox: boolean): object {
  return {
    apiVersion: STATUS_API_VERSION,
    exitCode,
    sandbox,
    results: outcomes.map((o) => {
      const { live } = o;
      return {
        manifest: o.manifest,
        stack: o.stack,
        engineStack: o.engineStack,
        backend: o.backend,
        healthy: isHealthy(o),
        ...(live?.namespace ? { namespace: live.namespace } : {}),
        ...(live?.container ? { container: live.container } : {}),
        triggers: live?.triggers ?? [],
        ...(live?.probe ? { probe: live.probe } : {}),
        problems: live?.problems ?? [],
        ...(o.error ? { error: resultError(o.error) } : {}),
      };
    }),
  };
}

/** The status document of a command that failed before any stack: no results, its error. */
export function failedStatusDocument(error: OpenmcfError, sandbox: boolean): object {
  return { apiVersion: STATUS_API_VERSION, exitCode: error.exitCode, sandbox, results: [], error: resultError(error) };
}

function statusWord(chalk: ChalkInstance, status: string): string {
  if (status === 'ready') return chalk.green(status);
  if (status === 'error' || status === 'missing' || status === 'unknown') return chalk.red(status);
  return chalk.yellow(status);
}

function objectLine(chalk: ChalkInstance, what: string, live: LiveObject, details: readonly string[]): string {
  const parts = [`  ${what.padEnd(10)} ${live.name}`, statusWord(chalk, live.status), ...details];
  if (live.errorMessage) parts.push(chalk.red(`(${live.errorMessage})`));
  if (live.updatedAt) parts.push(chalk.dim(`updated ${live.updatedAt}`));
  return parts.join('  ');
}

/** Human form: a block per stack on stdout; a stack that could not be read, and the total, on stderr. */
export function printStatus(io: Io, outcomes: readonly StackStatusReport[]): void {
  const chalk = chalkFor(io);
  for (const outcome of outcomes) {
    const { live } = outcome;
    const verdict = isHealthy(outcome) ? chalk.green('healthy') : chalk.red(outcome.error ? 'unknown' : 'unhealthy');
    const lines = [`${chalk.bold(outcome.label)} ${chalk.dim(`(stack ${outcome.stack})`)}: ${verdict}`];
    if (live?.namespace) lines.push(objectLine(chalk, 'namespace', live.namespace, []));
    if (live?.container) {
      const c = live.container;
      const details = [...(c.image ? [`image ${c.image}`] : []), ...(c.minScale !== undefined && c.maxScale !== undefined ? [`scale ${c.minScale}-${c.maxScale}`] : [])];
      lines.push(objectLine(chalk, 'container', c, details));
      if (c.url) lines.push(`  ${''.padEnd(10)} ${c.url}`);
    }
    for (const trigger of live?.triggers ?? []) lines.push(objectLine(chalk, 'cron', trigger, trigger.schedule ? [trigger.schedule] : []));
    if (live?.probe) {
      const p = live.probe;
      const answer = p.httpStatus !== undefined ? `HTTP ${p.httpStatus}` : `no answer (${p.error ?? 'unknown'})`;
      lines.push(`  ${'probe'.padEnd(10)} GET ${p.url} -> ${p.answering ? chalk.green(answer) : chalk.red(answer)} in ${p.durationMs} ms`);
    }
    for (const problem of live?.problems ?? []) lines.push(`  ${chalk.red('x')} ${problem}`);
    io.out(`${lines.join('\n')}\n`);
    if (outcome.error) io.err(`${[`${chalk.red('x')} ${outcome.label}`, ...errorLines(chalk, outcome.error)].join('\n')}\n`);
  }
  if (outcomes.length > 1) {
    const healthy = outcomes.filter(isHealthy).length;
    io.err(`${chalk.bold('Total')}: ${outcomes.length} stacks, ${healthy} healthy${healthy < outcomes.length ? `, ${chalk.red(`${outcomes.length - healthy} not`)}` : ''}\n`);
  }
}
