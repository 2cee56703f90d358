// `openmcf stacks`: every stack of the backend, with its resource count, last update and how that
// update ended. With -f, each stack is matched to the manifest that names it, and stacks of the same
// projects and environments that no manifest names are marked as orphans (a renamed or deleted
// manifest leaves its stack, and what it deployed, running): `destroy --stack` removes one,
// `apply -f <folder> --prune` all of a folder's.
//
// Without --json the table is the result, on stdout; notes go to stderr. --json prints:
//   { "apiVersion": "openmcf.org/stacks/v1", "exitCode": 0, "backend": "file:///...", "sandbox": false,
//     "stacks": [ { "stack": "organization/my-project/dev.ScalewayServerlessContainer.my-api",
//                   "project": "my-project", "name": "dev.ScalewayServerlessContainer.my-api",
//                   "resourceCount": 4, "lastUpdate": "2026-12-07T02:55:01.000Z",
//                   "lastOperation": "update", "result": "succeeded", "updateInProgress": false,
//                   "manifest": { "file": "my-api.yaml", "document": 0, "name": "my-api" },  // with -f, when one names it
//                   "orphan": false } ],                                                   // with -f
//     "orphans": [ "organization/my-project/dev.ScalewayServerlessContainer.old-api" ],   // with -f
//     "error": { "code", "message", "hint", "exitCode" } }                                // when it failed
import type { BackendChoice } from '../stack/target-types.js';
import { ExitCode, invalidInput } from '../core/errors.js';
import type { LoadedManifest } from '../validation/load-manifests.js';
import type { Io } from '../core/io.js';
import { chalkFor } from '../run/report.js';
import type { CloudOptions } from '../run/run-options.js';
import { decideRunEnvironment } from '../stack/run-environment.js';
import { namesManifests } from '../run/manifest-input.js';
import { rerunArgs } from '../run/rerun-args.js';
import { asOpenmcfError, resultError } from '../run/outcome.js';
import { engineCallFor, readBackendStacks, type ListedStack } from './stacks/read.js';
import { orphanStacks } from './stacks/orphans.js';
import type { StackTarget } from '../stack/target-types.js';

export const STACKS_API_VERSION = 'openmcf.org/stacks/v1';

interface Row {
  readonly stack: ListedStack;
  readonly manifest?: LoadedManifest;
  /** Only when manifests were given. */
  readonly orphan?: boolean;
}

export async function stacks(cloud: CloudOptions, io: Io): Promise<number> {
  try {
    return await listStacks(cloud, io);
  } catch (error) {
    reportStacksFailure(io, cloud, error);
    throw error;
  }
}

/** With --json: the stacks document of a listing that failed (also for wrong flags). */
export function reportStacksFailure(io: Io, run: { readonly json: boolean; readonly sandbox: boolean }, error: unknown): void {
  if (!run.json) return;
  const failure = asOpenmcfError(error);
  io.out(`${JSON.stringify({ apiVersion: STACKS_API_VERSION, exitCode: failure.exitCode, sandbox: run.sandbox, stacks: [], error: resultError(failure) }, null, 2)}\n`);
}

async function listStacks(cloud: CloudOptions, io: Io): Promise<number> {
  const withManifests = namesManifests(cloud.manifests);
  if (cloud.manifests.shard !== undefined) {
    throw invalidInput('--shard takes a part of the manifests, and `stacks` compares the backend with all of them', 'flag.shard', 'leave out --shard');
  }
  let manifests: readonly LoadedManifest[] = [];
  let targets: readonly StackTarget[] = [];
  let backend: BackendChoice;
  if (withManifests) {
    const { resolveRunTargets } = await import('../run/targets.js');
    const resolved = await resolveRunTargets(cloud, io);
    ({ manifests, targets } = resolved);
    backend = resolved.environment.backend;
  } else {
    backend = (await decideRunEnvironment(cloud)).backend;
    io.redactor.add(backend.secrets);
  }
  // The URL holds no password (a PostgreSQL one goes to the engine as PGPASSWORD).
  const call = await engineCallFor(backend.url, { ...cloud.env, ...backend.engineEnv }, io);
  const listed = await readBackendStacks(call, { history: true, parallel: cloud.parallel });
  const orphans = new Set(orphanStacks(listed, targets).map((s) => s.name));
  const rows = listed.map((stack): Row => {
    const index = targets.findIndex((t) => t.stackName === stack.name);
    return { stack, ...(index >= 0 ? { manifest: manifests[index]! } : {}), ...(withManifests ? { orphan: orphans.has(stack.name) } : {}) };
  });

  if (cloud.json) {
    io.out(`${JSON.stringify(stacksDocument(rows, backend.url, cloud, withManifests), null, 2)}\n`);
  } else {
    printTable(io, rows, backend.url, withManifests);
  }
  if (orphans.size > 0) printOrphanNote(io, [...orphans], cloud, backend.url);
  return ExitCode.ok;
}

function stacksDocument(rows: readonly Row[], backendUrl: string, cloud: CloudOptions, withManifests: boolean): object {
  return {
    apiVersion: STACKS_API_VERSION,
    exitCode: ExitCode.ok,
    backend: backendUrl,
    sandbox: cloud.sandbox,
    stacks: rows.map(({ stack, manifest, orphan }) => ({
      stack: stack.name,
      project: stack.project,
      name: stack.stack,
      ...(stack.resourceCount !== undefined ? { resourceCount: stack.resourceCount } : {}),
      ...(stack.lastUpdate !== undefined ? { lastUpdate: stack.lastUpdate } : {}),
      ...(stack.last ? { lastOperation: stack.last.kind, result: stack.last.result } : {}),
      updateInProgress: stack.updateInProgress,
      ...(manifest ? { manifest: { file: manifest.origin.file, document: manifest.origin.documentIndex, name: manifest.manifest.metadata.name } } : {}),
      ...(orphan !== undefined ? { orphan } : {}),
    })),
    ...(withManifests ? { orphans: rows.filter((r) => r.orphan).map((r) => r.stack.name) } : {}),
  };
}

/** `2026-12-07 02:55:01 UTC`: the same on every machine, whatever its time zone. */
function shortTime(iso: string | undefined): string {
  if (iso === undefined) return '-';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function resultText(stack: ListedStack): string {
  if (stack.updateInProgress) return 'in progress';
  if (!stack.last) return stack.lastUpdate === undefined ? 'never updated' : '-';
  return `${stack.last.result} (${stack.last.kind})`;
}

function printTable(io: Io, rows: readonly Row[], backendUrl: string, withManifests: boolean): void {
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
    ...(withManifests ? [manifest ? `${manifest.origin.file}${manifest.origin.documentIndex > 0 ? `#${manifest.origin.documentIndex}` : ''}` : orphan ? 'ORPHAN' : '-'] : []),
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

function printOrphanNote(io: Io, orphans: readonly string[], cloud: CloudOptions, backendUrl: string): void {
  const chalk = chalkFor(io);
  io.err(
    `${chalk.yellow(`${orphans.length} orphaned stack${orphans.length === 1 ? '' : 's'}`)}: in the projects and environments of these manifests, but no manifest names ${orphans.length === 1 ? 'it' : 'them'}; what ${orphans.length === 1 ? 'it' : 'they'} deployed is still running.\n` +
      `  ${chalk.dim(`Destroy one with \`openmcf destroy ${rerunArgs(cloud, io.redactor.known, { stack: orphans[0]!, backendUrl })} --yes\`, or all of them with \`openmcf apply ${rerunArgs(cloud, io.redactor.known, { backendUrl })} --prune\`.`)}\n`,
  );
}

