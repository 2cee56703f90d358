// `openmcf status` output: a block per stack on stdout (it is the result), or the versioned JSON
// document:
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
import type { OpenmcfError } from '../../core/errors.js';
import type { Io } from '../../core/io.js';
import { chalkFor, errorLines } from '../../run/report.js';
import { resultError } from '../../run/outcome.js';
import type { PreparedStack } from '../../run/prepare.js';
import type { LiveObject, LiveStack } from './live.js';

export const STATUS_API_VERSION = 'openmcf.org/status/v1';

export interface StatusOutcome {
  readonly prepared: PreparedStack;
  readonly live?: LiveStack;
  readonly error?: OpenmcfError;
}

export function isHealthy(outcome: StatusOutcome): boolean {
  return outcome.error === undefined && outcome.live !== undefined && outcome.live.problems.length === 0;
}

export function statusDocument(outcomes: readonly StatusOutcome[], exitCode: number, sandbox: boolean): object {
  return {
    apiVersion: STATUS_API_VERSION,
    exitCode,
    sandbox,
    results: outcomes.map((o) => {
      const { prepared, live } = o;
      return {
        manifest: { file: prepared.loaded.origin.file, document: prepared.loaded.origin.documentIndex, name: prepared.loaded.manifest.metadata.name },
        stack: prepared.target.displayName,
        engineStack: prepared.target.stackName,
        backend: prepared.target.backendUrl,
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

export function printStatus(io: Io, outcomes: readonly StatusOutcome[]): void {
  const chalk = chalkFor(io);
  for (const outcome of outcomes) {
    const { prepared, live } = outcome;
    const verdict = isHealthy(outcome) ? chalk.green('healthy') : chalk.red(outcome.error ? 'unknown' : 'unhealthy');
    const lines = [`${chalk.bold(prepared.label)} ${chalk.dim(`(stack ${prepared.target.displayName})`)}: ${verdict}`];
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
    if (outcome.error) io.err(`${[`${chalk.red('x')} ${prepared.label}`, ...errorLines(chalk, outcome.error)].join('\n')}\n`);
  }
  if (outcomes.length > 1) {
    const healthy = outcomes.filter(isHealthy).length;
    io.err(`${chalk.bold('Total')}: ${outcomes.length} stacks, ${healthy} healthy${healthy < outcomes.length ? `, ${chalk.red(`${outcomes.length - healthy} not`)}` : ''}\n`);
  }
}
