// `openmcf preview`: what an apply would change, property by property, for every manifest.
// Replacements are flagged loudly and cron triggers list their next runs in UTC. With
// --detailed-exitcode, pending changes exit 2 so CI can tell "changes" from "none" and "failed".
import type { Io } from '../render/io.js';
import { ProgressRenderer } from '../render/progress.js';
import { cloudOptionsFromFlags, type CloudFlags } from './cloud/options.js';
import { prepareRun } from './cloud/prepare.js';
import { chalkFor, finishRun, runCloudCommand } from './cloud/report.js';
import { withStackSessions } from './cloud/stack-sessions.js';
import { previewStep, printDeployNotices } from './cloud/stack-steps.js';
import { runBoundedAll } from './run-bounded.js';

export async function preview(flags: CloudFlags, io: Io): Promise<number> {
  const cloud = cloudOptionsFromFlags(flags);
  return runCloudCommand('preview', io, cloud, cloud.json, async () => {
    const run = await prepareRun(cloud, io, { credentials: true });
    printDeployNotices(io, run);
    const progress = new ProgressRenderer(io);
    const chalk = chalkFor(io);
    return withStackSessions(run, progress, async (sessions) => {
      const outcomes = await runBoundedAll(sessions, cloud.parallel, async (session) => {
        const outcome = await previewStep(session, cloud, chalk, (text) => progress.line(`${text}\n`));
        await session.removeIfCreatedHere();
        return outcome;
      });
      return finishRun(io, cloud, outcomes, {
        command: 'preview',
        tense: 'planned',
        showOutputs: false,
        separate: false,
        detailedExitcode: cloud.detailedExitcode,
        ...(run.sandbox ? { sandboxStoreDir: run.sandbox.storeDir } : {}),
      });
    });
  });
}
