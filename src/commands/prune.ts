// Orphaned stacks in a run: the stacks of the manifests' projects and environments that no manifest
// names any more (stacks/orphans.ts). `preview -f <folder>` lists them; `apply --prune` destroys
// them after its own apply, once every stack of the run succeeded (a failed apply of a renamed
// manifest must not also take its old stack down), after confirming (kubectl's `--prune`; `--yes`
// without a terminal), and removes each emptied stack from the backend.
import { statSync } from 'node:fs';
import { listBackendStacks, listFileBackendStackNames, type BackendStack } from '../engine/backend-stacks.js';
import { emptyChangeCounts } from '../engine/events.js';
import { invalidInput } from '../core/errors.js';
import { askConfirmation, declinedError } from '../render/confirm.js';
import type { Io } from '../core/io.js';
import type { ProgressRenderer } from '../render/progress.js';
import { resolveStackTarget } from '../stack/stack-target.js';
import { targetOptions } from '../run/targets.js';
import type { SecretValues } from '../core/secrets.js';
import type { CloudOptions } from '../run/run-options.js';
import { failedOutcome, type StackOutcome } from '../run/outcome.js';
import type { PreparedRun, PreparedStack } from '../run/prepare.js';
import { chalkFor } from '../run/report.js';
import { StackSession } from '../run/stack-session.js';
import { stackOnlyManifest } from '../run/stack-only.js';
import { orphanStacks } from './stacks/orphans.js';
import type { OrphanResult } from '../render/result-document.js';
import { runBoundedAll } from '../run/run-bounded.js';
import { rerunArgs } from '../run/rerun-args.js';

/** --prune needs the whole set of manifests: not a part of them, not one stack named by --stack. */
export function checkPruneFlags(cloud: CloudOptions): void {
  if (cloud.manifests.shard !== undefined)
    throw invalidInput(
      '--prune needs every manifest of the folder, and --shard takes a part of them',
      'flag.prune',
      'run --prune without --shard (e.g. in one job after the matrix)',
    );
  if (cloud.stack !== undefined) throw invalidInput("--prune compares the manifests' stacks with the backend's, and --stack names one stack", 'flag.prune', 'leave out --stack');
}

/** `preview` looks for orphans when a folder (or a kustomize overlay) is given: a set of manifests meant to be the whole of something. */
export function runCoversAFolder(cloud: CloudOptions): boolean {
  if (cloud.manifests.shard !== undefined || cloud.stack !== undefined) return false;
  if (cloud.manifests.kustomize !== undefined) return true;
  return cloud.manifests.files.some((path) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  });
}

/** The run's orphans; a local folder backend is read directly, others through the engine. */
export async function findOrphans(run: PreparedRun, cloud: CloudOptions): Promise<BackendStack[]> {
  if (run.stacks.length === 0) return [];
  const listed =
    run.backend.kind === 'file'
      ? listFileBackendStackNames(run.backend.url)
      : await listBackendStacks({ cli: run.pulumiCommand.command, backendUrl: run.backend.url, env: { ...cloud.env, ...run.engineEnv } });
  return orphanStacks(
    listed,
    run.stacks.map((s) => s.target),
  );
}

export function orphanResults(orphans: readonly BackendStack[]): OrphanResult[] {
  return orphans.map((o) => ({ stack: o.name, project: o.project, name: o.stack }));
}

/** The preview's lines about orphans (stderr, with the plan). */
export function printOrphans(io: Io, orphans: readonly BackendStack[], cloud: CloudOptions, backendUrl: string): void {
  if (orphans.length === 0) return;
  const chalk = chalkFor(io);
  const lines = [
    `${chalk.yellow(`${orphans.length} orphaned stack${orphans.length === 1 ? '' : 's'}`)} in these manifests' projects and environments that no manifest names (what ${orphans.length === 1 ? 'it' : 'they'} deployed is still running):`,
    ...orphans.map((o) => `  ${chalk.yellow('?')} ${o.name}`),
    `  ${chalk.dim(`\`openmcf apply ${rerunArgs(cloud, io.redactor.known, { backendUrl })} --prune\` destroys ${orphans.length === 1 ? 'it' : 'them'}.`)}`,
  ];
  io.err(`${lines.join('\n')}\n`);
}

/**
 * After the apply: destroys every orphan (asking first unless --yes) and removes its stack. The
 * outcomes join the run's report, each under `manifest.file: "--prune"`.
 */
export async function pruneOrphans(run: PreparedRun, cloud: CloudOptions, io: Io, progress: ProgressRenderer, applied: readonly StackOutcome[]): Promise<StackOutcome[]> {
  const chalk = chalkFor(io);
  const unfinished = applied.filter((o) => o.status !== 'succeeded' && o.status !== 'unchanged');
  if (unfinished.length > 0) {
    io.err(
      `${chalk.yellow('prune skipped')}: ${unfinished.length} stack${unfinished.length === 1 ? ' was' : 's were'} not applied; orphans are destroyed only after a whole apply succeeded\n`,
    );
    return [];
  }
  const orphans = await findOrphans(run, cloud);
  if (orphans.length === 0) {
    io.err(`${chalk.dim('prune: no orphaned stacks')}\n`);
    return [];
  }
  const prepared = orphans.map((o) => orphanStack(o, run, cloud, io.redactor.known));
  progress.stop();
  io.err(
    `${[`${chalk.bold('Prune')} destroys ${orphans.length} orphaned stack${orphans.length === 1 ? '' : 's'} (no manifest names ${orphans.length === 1 ? 'it' : 'them'}) and removes ${orphans.length === 1 ? 'it' : 'them'} from the backend:`, ...orphans.map((o) => `  ${chalk.red('-')} ${o.name}`)].join('\n')}\n`,
  );
  const proceed =
    cloud.yes ||
    (await askConfirmation(
      `Destroy ${orphans.length === 1 ? `stack ${orphans[0]!.name}` : `these ${orphans.length} stacks`} and everything ${orphans.length === 1 ? 'it' : 'they'} deployed?`,
    ));
  if (!proceed) {
    io.err(`${chalk.yellow(declinedError('prune').message)}\n`);
    return prepared.map((p) => ({ prepared: p, status: 'declined', counts: emptyChangeCounts(), changes: [], durationMs: 0 }));
  }
  return runBoundedAll(prepared, cloud.parallel, (stack) => destroyOrphan(stack, run, progress));
}

function orphanStack(orphan: BackendStack, run: PreparedRun, cloud: CloudOptions, secrets: SecretValues): PreparedStack {
  const fqdn = `${orphan.name.split('/').length === 3 ? orphan.name : `organization/${orphan.project}/${orphan.stack}`}`;
  const loaded = stackOnlyManifest(fqdn, '--prune');
  const target = resolveStackTarget(loaded.manifest, targetOptions(run.environment, fqdn));
  return { loaded, target, label: orphan.stack, rerunArgs: rerunArgs(cloud, secrets, { stack: fqdn, backendUrl: run.backend.url }), program: async () => undefined, stateView: {} };
}

async function destroyOrphan(prepared: PreparedStack, run: PreparedRun, progress: ProgressRenderer): Promise<StackOutcome> {
  const started = Date.now();
  const session = new StackSession(prepared, run, (line) => progress.line(line));
  try {
    if (!(await session.open('select'))) return { prepared, status: 'unchanged', counts: emptyChangeCounts(), changes: [], durationMs: Date.now() - started };
    const outcome = await session.operation('destroy', { onEvent: progress.forStack(prepared.label), removeStack: true });
    return { prepared, status: 'succeeded', counts: outcome.counts, changes: outcome.changes, durationMs: Date.now() - started };
  } catch (error) {
    return failedOutcome(prepared, error, Date.now() - started);
  } finally {
    await session.close();
  }
}
