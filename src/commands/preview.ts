// `openmcf preview`: what an apply would change, property by property, for every manifest.
// Replacements are flagged loudly and cron triggers list their next runs in UTC. With
// --detailed-exitcode, pending changes exit 2 so CI can tell "changes" from "none" and "failed".
import type { Io } from '../render/io.js';
import { ProgressRenderer } from '../render/progress.js';
import { type CloudFlags } from './cloud/options.js';
import { prepareRun } from './cloud/prepare.js';
import { chalkFor, finishRun, runCloudCommand, runReportOptions } from './cloud/report.js';
import { withStackSessions } from './cloud/stack-sessions.js';
import { previewStep, printDeployNotices } from './cloud/stack-steps.js';
import { runBoundedAll } from './run-bounded.js';

export async function preview(flags: CloudFlags, io: Io): Promise<number> {
  return runCloudCommand('preview', io, flags, async (cloud) => {
    const run = await prepareRun(cloud, io, { credentials: true });
    printDeployNotices(io, run);
    const progress = new ProgressRenderer(io);
    const chalk = chalkFor(io);
    return withStackSessions(run, progress, async (sessions) => {
      const outcomes = await runBoundedAll(sessions, cloud.parallel, (session) => previewStep(session, cloud, chalk, (text) => progress.line(`${text}\n`)));
      return finishRun(io, cloud, outcomes, {
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
