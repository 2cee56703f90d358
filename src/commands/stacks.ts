// `openmcf stacks`: every stack of the backend, with its resource count, last update and how that
// update ended. With -f, each stack is matched to the manifest that names it, and stacks of the same
// projects and environments that no manifest names are marked as orphans (a renamed or deleted
// manifest leaves its stack, and what it deployed, running): `destroy --stack` removes one,
// `apply -f <folder> --prune` all of a folder's.
//
// Without --json the table is the result, on stdout; notes go to stderr. Output and JSON:
// render/stacks-table.ts.
import type { BackendChoice } from '../stack/target-types.js';
import { ExitCode, invalidInput } from '../core/errors.js';
import type { LoadedManifest } from '../validation/load-manifests.js';
import type { Io } from '../core/io.js';
import type { CloudOptions } from '../run/run-options.js';
import { decideRunEnvironment } from '../stack/run-environment.js';
import { namesManifests } from '../run/manifest-input.js';
import { rerunArgs } from '../run/rerun-args.js';
import { asOpenmcfError } from '../run/outcome.js';
import { engineCallFor, readBackendStacks, type ListedStack } from './stacks/read-backend-stacks.js';
import { orphanStacks } from './stacks/orphans.js';
import type { StackTarget } from '../stack/target-types.js';
import { failedStacksDocument, printOrphanNote, printStacksTable, stacksDocument, type StackRow, type StacksListing } from '../render/stacks-table.js';

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
  if (run.json) io.out(`${JSON.stringify(failedStacksDocument(asOpenmcfError(error), run.sandbox), null, 2)}\n`);
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
  const listing: StacksListing = { backend: backend.url, sandbox: cloud.sandbox, withManifests, rows: stackRows(listed, withManifests ? { manifests, targets } : undefined) };

  if (cloud.json) {
    io.out(`${JSON.stringify(stacksDocument(listing), null, 2)}\n`);
  } else {
    printStacksTable(io, listing);
  }
  const orphans = listing.rows.filter((row) => row.orphan).map((row) => row.stack.name);
  if (orphans.length > 0) {
    const secrets = io.redactor.known;
    printOrphanNote(io, orphans, rerunArgs(cloud, secrets, { stack: orphans[0]!, backendUrl: backend.url }), rerunArgs(cloud, secrets, { backendUrl: backend.url }));
  }
  return ExitCode.ok;
}

/**
 * The backend's stacks as rows; with the run's manifests (and their stack targets, index for
 * index), each row names the manifest of its stack, or is an orphan: a stack of their projects and
 * environments that none of them names (stacks/orphans.ts).
 */
export function stackRows(
  listed: readonly ListedStack[],
  given?: { readonly manifests: readonly LoadedManifest[]; readonly targets: readonly Pick<StackTarget, 'projectName' | 'stackName' | 'stack'>[] },
): StackRow[] {
  const orphans = new Set(given ? orphanStacks(listed, given.targets).map((s) => s.name) : []);
  return listed.map((stack): StackRow => {
    const index = given ? given.targets.findIndex((t) => t.stackName === stack.name) : -1;
    const loaded = index >= 0 ? given!.manifests[index] : undefined;
    return {
      stack,
      ...(loaded ? { manifest: { file: loaded.origin.file, document: loaded.origin.documentIndex, name: loaded.manifest.metadata.name } } : {}),
      ...(given ? { orphan: orphans.has(stack.name) } : {}),
    };
  });
}
