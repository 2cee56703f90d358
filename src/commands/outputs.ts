// `openmcf outputs`: the stack outputs of each manifest (containerId, namespaceId, domainName,
// url, status, errorMessage), read from the state without running the program or touching the
// cloud, so no credentials are needed. Secret outputs are masked unless --show-secrets.
// Without --json the outputs are the result, so they go to stdout.
import { ExitCode, OpenmcfError } from '../errors.js';
import { emptyChangeCounts } from '../engine/events.js';
import type { Io } from '../render/io.js';
import { renderOutputs } from '../render/outputs.js';
import { type CloudFlags } from './cloud/options.js';
import { failedOutcome, mostSevereExitCode, type StackOutcome } from './cloud/outcome.js';
import { prepareRun } from './cloud/prepare.js';
import { chalkFor, errorLines, finishRun, runCloudCommand, runReportOptions } from './cloud/report.js';
import { StackSession } from './cloud/stack-session.js';
import { runBoundedAll } from './run-bounded.js';

export async function outputs(flags: CloudFlags, io: Io): Promise<number> {
  return runCloudCommand('outputs', io, flags, async (cloud) => {
    const run = await prepareRun(cloud, io, { credentials: false });
    const sessions = run.stacks.map((prepared) => new StackSession(prepared, run));
    try {
      const outcomes = await runBoundedAll(sessions, cloud.parallel, (session) => outputsStep(session));
      if (cloud.json) {
        return finishRun(io, cloud, outcomes, { command: 'outputs', tense: 'done', showOutputs: false, showSecrets: cloud.showSecrets, ...runReportOptions(run) });
      }
      return printOutputs(io, outcomes, cloud.showSecrets, run.stacks.length > 1);
    } finally {
      await Promise.all(sessions.map((s) => s.close()));
    }
  });
}

async function outputsStep(session: StackSession): Promise<StackOutcome> {
  const started = Date.now();
  const { prepared } = session;
  try {
    if (!(await session.open('select'))) {
      throw new OpenmcfError(`stack ${prepared.target.displayName} does not exist on ${prepared.target.backendUrl}: nothing was deployed from ${prepared.label} yet`, {
        exitCode: ExitCode.failed,
        code: 'stack-not-found',
        origin: 'user',
        hint: `Run \`openmcf apply ${prepared.rerunArgs}\` first${prepared.target.sandbox ? '' : ', or check the backend (--backend, PULUMI_BACKEND_URL)'}.`,
      });
    }
    const values = await session.outputs();
    if (Object.keys(values).length === 0) {
      throw new OpenmcfError(`stack ${prepared.target.displayName} has no outputs: nothing is deployed from ${prepared.label} (never applied, or destroyed)`, {
        exitCode: ExitCode.failed,
        code: 'stack-not-found',
        origin: 'user',
        hint: `Run \`openmcf apply ${prepared.rerunArgs}\` first.`,
      });
    }
    return { prepared, status: 'succeeded', counts: emptyChangeCounts(), changes: [], outputs: values, durationMs: Date.now() - started };
  } catch (error) {
    return failedOutcome(prepared, error, Date.now() - started);
  }
}

/** Human form: the values on stdout (one block per stack when there are several), errors on stderr. */
function printOutputs(io: Io, outcomes: readonly StackOutcome[], showSecrets: boolean, headed: boolean): number {
  const chalk = chalkFor(io);
  const codes: number[] = [];
  for (const outcome of outcomes) {
    if (outcome.error) {
      io.err(`${[`${chalk.red('x')} ${outcome.prepared.label}`, ...errorLines(chalk, outcome.error)].join('\n')}\n`);
      codes.push(outcome.error.exitCode);
      continue;
    }
    if (headed) io.out(`# ${outcome.prepared.label} (stack ${outcome.prepared.target.displayName})\n`);
    io.out(`${renderOutputs(outcome.outputs ?? {}, showSecrets, headed ? '  ' : '').join('\n')}\n`);
  }
  return mostSevereExitCode(codes);
}
