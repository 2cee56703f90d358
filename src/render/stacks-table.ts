// `openmcf stacks` output, from the listing the command read (commands/stacks.ts): the table on
// stdout (it is the result) and notes on stderr, or the versioned JSON document:
//   { "apiVersion": "openmcf.org/stacks/v1", "exitCode": 0, "backend": "file:///...", "sandbox": false,
//     "stacks": [ { "stack": "organization/my-project/dev.ScalewayServerlessContainer.my-api",
//                   "project": "my-project", "name": "dev.ScalewayServerlessContainer.my-api",
//                   "resourceCount": 4, "lastUpdate": "2026-12-07T02:55:01.000Z",
//                   "lastOperation": "update", "result": "succeeded", "updateInProgress": false,
//                   "manifest": { "file": "my-api.yaml", "document": 0, "name": "my-api" },  // with -f, when one names it
//                   "orphan": false } ],                                                   // with -f
//     "orphans": [ "organization/my-project/dev.ScalewayServerlessContainer.old-api" ],   // with -f
//     "error": { "code", "message", "hint", "exitCode" } }                                // when it failed
import { ExitCode, type OpenmcfError } from '../core/errors.js';
import type { Io } from '../core/io.js';
import type { BackendStack, LastUpdate } from '../engine/backend-stacks.js';
import { resultError } from './result-document.js';
import { chalkFor } from './text-style.js';

export const STACKS_API_VERSION = 'openmcf.org/stacks/v1';

/** One stack of the backend, with the manifest that names it when manifests were given. */
export interface StackRow {
  readonly stack: BackendStack & { readonly last?: LastUpdate };
  readonly manifest?: { readonly file: string; readonly document: number; readonly name: string };
  /** Only when manifests were given. */
  readonly orphan?: boolean;
}

export interface StacksListing {
  /** The backend's URL (never with a password: a PostgreSQL one reaches the engine as PGPASSWORD). */
  readonly backend: string;
  readonly sandbox: boolean;
  /** Whether manifests were given (-f, --kustomize-dir): rows then say which names each stack. */
  readonly withManifests: boolean;
  readonly rows: readonly StackRow[];
}

export function stacksDocument(listing: StacksListing): object {
  const { rows, withManifests } = listing;
  return {
    apiVersion: STACKS_API_VERSION,
    exitCode: ExitCode.ok,
    backend: listing.backend,
    sandbox: listing.sandbox,
    stacks: rows.map(({ stack, manifest, orphan }) => ({
      stack: stack.name,
      project: stack.project,
      name: stack.stack,
      ...(stack.resourceCount !== undefined ? { resourceCount: stack.resourceCount } : {}),
      ...(stack.lastUpdate !== undefined ? { lastUpdate: stack.lastUpdate } : {}),
      ...(stack.last ? { lastOperation: stack.last.kind, result: stack.last.result } : {}),
      updateInProgress: stack.updateInProgress,
      ...(manifest ? { manifest } : {}),
      ...(orphan !== undefined ? { orphan } : {}),
    })),
    ...(withManifests ? { orphans: rows.filter((r) => r.orphan).map((r) => r.stack.name) } : {}),
  };
}

/** The stacks document of a command that failed before listing: no stacks, its error. */
export function failedStacksDocument(error: OpenmcfError, sandbox: boolean): object {
  return { apiVersion: STACKS_API_VERSION, exitCode: error.exitCode, sandbox, stacks: [], error: resultError(error) };
}

/** `2026-12-07 02:55:01 UTC`: the same on every machine, whatever its time zone. */
function shortTime(iso: string | undefined): string {
  if (iso === undefined) return '-';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function resultText(stack: StackRow['stack']): string {
  if (stack.updateInProgress) return 'in progress';
  if (!stack.last) return stack.lastUpdate === undefined ? 'never updated' : '-';
  return `${stack.last.result} (${stack.last.kind})`;
}

/** Human form: the table on stdout, how many stacks (or none) on stderr. */
export function printStacksTable(io: Io, listing: StacksListing): void {
  const { rows, withManifests, backend: backendUrl } = listing;
  if (rows.length === 0) {
    io.err(`no stacks on ${backendUrl}\n`);
    return;
  }
  const chalk = chalkFor(io);
  const header = ['STACK', 'RESOURCES', 'LAST UPDATE', 'RESULT', ...(withManifests ? ['MANIFEST'] : [])];
  const cells = rows.map(({ stack, manifest, orphan }) => [
    stack.name,
    stack.resourceCount === undefined ? '-' : String(stack.resourceCount),
    shortTime(stack.lastUpdate),
    resultText(stack),
    ...(withManifests ? [manifest ? `${manifest.file}${manifest.document > 0 ? `#${manifest.document}` : ''}` : orphan ? 'ORPHAN' : '-'] : []),
  ]);
  const widths = header.map((h, column) => Math.max(h.length, ...cells.map((row) => row[column]!.length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, column) => (column === 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  io.out(`${chalk.bold(line(header))}\n`);
  for (const [index, row] of cells.entries()) {
    const text = line(row);
    io.out(`${rows[index]!.orphan ? chalk.yellow(text) : text}\n`);
  }
  io.err(`${chalk.dim(`${rows.length} stack${rows.length === 1 ? '' : 's'} on ${backendUrl}`)}\n`);
}

/** The orphans said on stderr, with the commands that remove them: `destroyArgs` name the first
 * orphan and `applyArgs` the run's manifests, each with the run's backend flags (run/rerun-args.ts). */
export function printOrphanNote(io: Io, orphans: readonly string[], destroyArgs: string, applyArgs: string): void {
  const chalk = chalkFor(io);
  io.err(
    `${chalk.yellow(`${orphans.length} orphaned stack${orphans.length === 1 ? '' : 's'}`)}: in the projects and environments of these manifests, but no manifest names ${orphans.length === 1 ? 'it' : 'them'}; what ${orphans.length === 1 ? 'it' : 'they'} deployed is still running.\n` +
      `  ${chalk.dim(`Destroy one with \`openmcf destroy ${destroyArgs} --yes\`, or all of them with \`openmcf apply ${applyArgs} --prune\`.`)}\n`,
  );
}
