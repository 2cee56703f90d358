// `openmcf preview`: what an apply would change, property by property, for every manifest.
// Replacements are flagged loudly and cron triggers list their next runs in the platform's time zone. With
// --detailed-exitcode, pending changes exit 2 so CI can tell "changes" from "none" and "failed".
// A stack that does not exist yet is created for the engine to preview against and removed
// afterwards: looking never leaves anything behind in the backend.
import type { Io } from '../core/io.js';
import type { CloudOptions } from '../run/run-options.js';
import type { StackOutcome } from '../run/outcome.js';
import { chalkFor, finishRun, runCloudCommand, runReportOptions } from '../run/report.js';
import { previewStep } from '../run/stack-steps.js';
import { withEngineRun } from './engine-run.js';
import { findOrphans, orphanResults, printOrphans, runCoversAFolder } from './prune.js';
import { markPendingReads, runInDependencyOrder } from '../run/ordered-run.js';
import { checkSavePlanFlags, EnginePlanFiles, writeSavedPlan } from '../run/write-saved-plan.js';

export async function preview(options: CloudOptions, io: Io): Promise<number> {
  return runCloudCommand('preview', io, options, async (cloud) => {
    if (cloud.savePlan !== undefined) checkSavePlanFlags(cloud);
    return withEngineRun(cloud, io, { deployNotices: true }, async ({ run, sessions, progress }) => {
      const chalk = chalkFor(io);
      // A folder is meant to be the whole of its projects: its orphans are listed (prune.ts).
      const orphans = runCoversAFolder(cloud)
        ? findOrphans(run, cloud).catch((error: unknown) => (io.err(`note: could not look for orphaned stacks: ${(error as Error).message}\n`), undefined))
        : undefined;
      const planFiles = cloud.savePlan !== undefined ? new EnginePlanFiles() : undefined;
      const outcomes = await runInDependencyOrder<StackOutcome>(sessions, cloud.parallel, async (session, index, read) => {
        markPendingReads(session, read);
        const outcome = await previewStep(session, cloud, chalk, progress, false, planFiles?.fileFor(index));
        if (planFiles && outcome.status !== 'failed') planFiles.keepSettings(index, await session.createdStackSettings().catch(() => undefined));
        return outcome;
      });
      // Only now: a stack of the run that another one reads must exist for that one's preview.
      await Promise.all(sessions.map((session) => session.removeIfCreated()));
      progress.stop();
      const found = await orphans;
      if (found) printOrphans(io, found, cloud, run.backend.url);
      if (planFiles && cloud.savePlan !== undefined) {
        try {
          const saved = writeSavedPlan(cloud.savePlan, cloud, outcomes, planFiles);
          io.err(
            saved
              ? `plan saved to ${cloud.savePlan}: apply exactly this with \`openmcf apply --plan ${cloud.savePlan}\`\n`
              : `no plan saved to ${cloud.savePlan}: a stack failed\n`,
          );
        } finally {
          planFiles.remove();
        }
      }
      return finishRun(io, cloud, outcomes, {
        ...(found ? { orphans: orphanResults(found) } : {}),
        command: 'preview',
        tense: 'planned',
        showOutputs: false,
        separate: false,
        detailedExitcode: cloud.detailedExitcode,
        ...runReportOptions(run),
      });
    });
  });
}
