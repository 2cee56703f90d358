// `openmcf import -f <manifest>`: takes what already exists in the cloud into the manifest's stack
// (a namespace and container made by hand or by another tool, before openmcf), then previews, so
// the user sees how what exists differs from the manifest; `apply` then makes it match. Objects are
// found by the names the manifest gives them, in its region and project (engine/adoption-lookup.ts),
// and imported with the engine's own import under the program's logical names. An object that
// belongs to another openmcf stack (its ownership tag names it) is refused, naming that stack:
// importing it would give one object two owners, each undoing the other's changes.
import type { ChalkInstance } from 'chalk';
import { ExitCode, OpenmcfError } from '../core/errors.js';
import { hasChanges } from '../engine/events.js';
import { lookUpManifestObjects, OWNER_TAG_PREFIX, type AdoptionLookup, type WantedObject } from '../engine/adoption-lookup.js';
import { lookupSettings, type CloudLookupSettings } from '../engine/cloud-lookup.js';
import { stateFingerprint } from '../engine/stack-state.js';
import { cronArgs, CONTAINER_RESOURCE, NAMESPACE_RESOURCE } from '../program/container-args.js';
import type { Io } from '../core/io.js';
import type { ProgressRenderer } from '../render/progress.js';
import type { CloudOptions } from '../run/run-options.js';
import { failedOutcome, type StackOutcome } from '../run/outcome.js';
import { chalkFor, finishRun, runCloudCommand, runReportOptions } from '../run/report.js';
import type { StackSession } from '../run/stack-session.js';
import { withEngineRun } from './engine-run.js';
import { cronSchedules, previewedOutputChanges, previewNotices, renderPreviewBlock } from '../run/stack-steps.js';
import { runBoundedAll } from '../run/run-bounded.js';

export async function importCommand(options: CloudOptions, io: Io): Promise<number> {
  return runCloudCommand('import', io, options, async (cloud) => {
    return withEngineRun(cloud, io, {}, async ({ run, sessions, progress }) => {
      const chalk = chalkFor(io);
      // The API endpoint and keys the provider uses: the run's own, over the user's environment
      // (SCW_API_URL reaches the engine from there).
      const settings = lookupSettings({ ...cloud.env, ...run.engineEnv });
      const outcomes = await runBoundedAll(sessions, cloud.parallel, (session) => importStep(session, settings, chalk, progress));
      progress.stop();
      return finishRun(io, cloud, outcomes, { command: 'import', tense: 'planned', showOutputs: false, separate: false, ...runReportOptions(run) });
    });
  });
}

async function importStep(session: StackSession, settings: CloudLookupSettings | undefined, chalk: ChalkInstance, progress: ProgressRenderer): Promise<StackOutcome> {
  const started = Date.now();
  const { prepared } = session;
  const { label, target } = prepared;
  progress.activity('looking up what exists', label);
  try {
    if (settings === undefined) throw new OpenmcfError('import needs Scaleway credentials to look up what exists', { exitCode: ExitCode.invalidInput, code: 'import-credentials' });
    const { manifest } = prepared.loaded;
    const lookup = await lookUpManifestObjects(settings, manifest.spec.region, ...wantedObjects(prepared.loaded.manifest)).catch((error: unknown) => {
      throw new OpenmcfError(
        `looking up what exists of ${label} in ${manifest.spec.region} failed (${settings.apiUrl}): ${error instanceof Error ? error.message : String(error)}`,
        {
          exitCode: ExitCode.failed,
          code: 'import-lookup',
          origin: 'cloud',
          hint: 'check the network and the credentials (`openmcf doctor`), then run it again; nothing was changed',
        },
      );
    });
    refuseOwnedElsewhere(lookup, target.displayName, manifest.spec.region);

    await session.open('create');
    const state = await session.readState();
    const inState = new Set(state.resources.map((r) => `${r.type} ${String(r.urn).split('::').pop()}`));
    const toImport = lookup.found.filter((o) => !inState.has(`${o.type} ${o.resourceName}`));
    const notes: string[] = [];
    if (toImport.length > 0) {
      progress.activity('importing', label);
      // An update of only these resources, each declared with the engine's `import` option.
      const image = lookup.found.find((o) => o.resourceName === CONTAINER_RESOURCE)?.image;
      prepared.stateView.importing = { ids: Object.fromEntries(toImport.map((o) => [o.resourceName, o.id])), ...(image ? { image } : {}) };
      try {
        await session.operation('up', { target: toImport.map((o) => o.resourceName), onEvent: progress.forStack(label) });
      } finally {
        prepared.stateView.importing = undefined;
      }
      notes.push(`imported ${toImport.map((o) => `${o.resourceName} (${o.id})`).join(', ')}`);
    }
    const already = lookup.found.filter((o) => inState.has(`${o.type} ${o.resourceName}`));
    if (already.length > 0) notes.push(`already in the stack: ${already.map((o) => o.resourceName).join(', ')}`);
    if (lookup.missing.length > 0)
      notes.push(
        `not in ${manifest.spec.region}: ${lookup.missing.map((o) => `${o.resourceName} "${o.name}"`).join(', ')} (apply creates ${lookup.missing.length === 1 ? 'it' : 'them'})`,
      );
    for (const note of notes) progress.line(`${label}: ${note}`);

    // What exists against what the manifest says, as preview shows it.
    progress.activity('previewing', label);
    const after = await session.readState();
    const outcome = await session.operation('preview', {});
    progress.activity(undefined, label);
    const now = new Date();
    progress.result(`${renderPreviewBlock(chalk, session, outcome, now).join('\n')}\n`);
    if (lookup.found.length === 0) await session.removeIfCreated();
    return {
      prepared,
      status: hasChanges(outcome.counts) ? 'changes-pending' : 'unchanged',
      counts: outcome.counts,
      changes: outcome.changes,
      outputChanges: previewedOutputChanges(outcome),
      cronSchedules: cronSchedules(session, now),
      notices: [...notes, ...previewNotices(prepared)],
      durationMs: Date.now() - started,
      stateFingerprint: stateFingerprint(after),
    };
  } catch (error) {
    progress.activity(undefined, label);
    return failedOutcome(prepared, error, Date.now() - started);
  }
}

function wantedObjects(manifest: StackSession['prepared']['loaded']['manifest']): [WantedObject, WantedObject, WantedObject[]] {
  const name = manifest.metadata.name;
  return [
    { type: 'scaleway:containers/namespace:Namespace', resourceName: NAMESPACE_RESOURCE, name },
    { type: 'scaleway:containers/container:Container', resourceName: CONTAINER_RESOURCE, name },
    cronArgs(manifest).map((cron) => ({ type: 'scaleway:containers/cron:Cron' as const, resourceName: cron.resourceName, name: cron.name })),
  ];
}

function refuseOwnedElsewhere(lookup: AdoptionLookup, stack: string, region: string): void {
  const owned = lookup.found.filter((o) => o.owner !== undefined && o.owner !== stack);
  if (owned.length === 0) return;
  const owners = [...new Set(owned.map((o) => o.owner!))];
  throw new OpenmcfError(
    `${owned.map((o) => `the ${o.resourceName} "${o.name}" (${o.id})`).join(' and ')} in ${region} ${owned.length === 1 ? 'belongs' : 'belong'} to stack ${owners.join(', ')} (tag ${OWNER_TAG_PREFIX}${owners[0]}): not imported into ${stack}`,
    {
      exitCode: ExitCode.failed,
      code: 'import-owned',
      origin: 'user',
      hint: `change it through that stack's manifest, or destroy it there first (\`openmcf destroy --stack ${owners[0]} ...\`); two stacks must not manage one object`,
    },
  );
}
