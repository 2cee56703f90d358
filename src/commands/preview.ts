// `openmcf preview`: what an apply would change, property by property, for every manifest.
// Replacements are flagged loudly and cron triggers list their next runs in the platform's time zone. With
// --detailed-exitcode, pending changes exit 2 so CI can tell "changes" from "none" and "failed".
// A stack that does not exist yet is created for the engine to preview against and removed
// afterwards: looking never leaves anything behind in the backend.
import type { Io } from '../render/io.js';
import { ProgressRenderer } from '../render/progress.js';
import { progressOptions } from '../render/spinner-status.js';
import { type CloudFlags } from './cloud/options.js';
import { chalkFor, finishRun, runCloudCommand, runReportOptions } from './cloud/report.js';
import { withStackSessions } from './cloud/stack-sessions.js';
import { previewStep, printDeployNotices } from './cloud/stack-steps.js';
import { runBoundedAll } from './run-bounded.js';
import { findOrphans, orphanResults, printOrphans, runCoversAFolder } from './prune.js';

export async function preview(flags: CloudFlags, io: Io): Promise<number> {
  return runCloudCommand('preview', io, flags, async (cloud) => {
    const progress = new ProgressRenderer(io, progressOptions(io, cloud.progressIntervalMs, { json: cloud.json }));
    try {
      const { prepareRun } = await import('./cloud/prepare.js');
      const run = await prepareRun(cloud, io, { credentials: true, onPhase: (phase) => progress.activity(phase) });
      progress.activity(undefined);
      printDeployNotices(io, run);
      const chalk = chalkFor(io);
      // A folder is meant to be the whole of its projects: its orphans are listed (prune.ts).
      const orphans = runCoversAFolder(cloud) ? findOrphans(run, cloud).catch((error: unknown) => (io.err(`note: could not look for orphaned stacks: ${(error as Error).message}\n`), undefined)) : undefined;
      return await withStackSessions(run, progress, async (sessions) => {
        const outcomes = await runBoundedAll(sessions, cloud.parallel, async (session) => {
          const outcome = await previewStep(session, cloud, chalk, progress);
          await session.removeIfCreated();
          return outcome;
        });
        progress.stop();
        const found = await orphans;
        if (found) printOrphans(io, found, cloud);
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
    } finally {
      progress.stop();
    }
  });
}
