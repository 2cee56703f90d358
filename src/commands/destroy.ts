// `openmcf destroy`: deletes what the manifests deployed. Like apply, it asks first on a terminal
// (naming every resource that goes away) and needs --yes without one. A stack that was never
// deployed has nothing to destroy and is not an error.
import type { ChalkInstance } from 'chalk';
import { emptyChangeCounts } from '../engine/events.js';
import { askConfirmation, askTypedConfirmation, declinedError, requireConfirmationPossible } from '../render/confirm.js';
import type { Io } from '../core/io.js';
import type { ProgressRenderer } from '../render/progress.js';
import { resourceLabel } from '../render/resource-label.js';
import { isProductionStack } from '../stack/production.js';
import type { CloudOptions } from '../run/run-options.js';
import { failedOutcome, type StackOutcome } from '../run/outcome.js';
import { chalkFor, finishRun, runCloudCommand, runReportOptions } from '../run/report.js';
import type { StackSession } from '../run/stack-session.js';
import { runBoundedAll } from '../run/run-bounded.js';
import { withEngineRun } from './engine-run.js';
import { isStackOnly, stackNotFound } from '../run/stack-only.js';

export async function destroy(options: CloudOptions, io: Io): Promise<number> {
  return runCloudCommand('destroy', io, options, async (cloud) => {
    requireConfirmationPossible('destroy', { yes: cloud.yes, interactive: io.interactive });
    // `--stack` alone names a stack whose manifest is gone: destroying needs only its state.
    return withEngineRun(cloud, io, { stackOnly: true, labelStacks: true }, async ({ run, sessions, progress }) => {
      const chalk = chalkFor(io);
      const planned = await runBoundedAll(sessions, cloud.parallel, (session) => openForDestroy(session, cloud, chalk, progress));

      const toDestroy = planned.filter((p) => p.outcome.status === 'changes-pending');
      let proceed = cloud.yes;
      if (!cloud.yes && toDestroy.length > 0) {
        progress.stop();
        proceed = await confirmDestroy(chalk, toDestroy);
        if (!proceed) io.err(`${chalk.yellow(declinedError('destroy').message)}\n`);
      }

      const outcomes = await runBoundedAll(sessions, cloud.parallel, async (session, index): Promise<StackOutcome> => {
        const { outcome } = planned[index]!;
        if (outcome.status !== 'changes-pending') return outcome;
        if (!proceed) return { ...outcome, status: 'declined', counts: emptyChangeCounts(), changes: [] };
        return destroyStep(session, cloud, progress, outcome.durationMs);
      });
      progress.stop();
      return finishRun(io, cloud, outcomes, {
        command: 'destroy',
        tense: 'done',
        showOutputs: false,
        ...runReportOptions(run),
      });
    });
  });
}

/** One "y" for the run; each production stack asks for its name to be typed instead. */
async function confirmDestroy(chalk: ChalkInstance, toDestroy: ReadonlyArray<{ outcome: StackOutcome; deletes: number }>): Promise<boolean> {
  const deletes = toDestroy.reduce((n, p) => n + p.deletes, 0);
  const where = toDestroy.length === 1 ? `stack ${toDestroy[0]!.outcome.prepared.target.displayName}` : `${toDestroy.length} stacks`;
  const question = `Destroy ${deletes} resource${deletes === 1 ? '' : 's'} in ${where}? They are deleted from the cloud.`;
  const production = toDestroy.filter((p) => isProductionStack(p.outcome.prepared.target));
  if (production.length === 0) return askConfirmation(question);
  for (const { outcome } of production) {
    const { target } = outcome.prepared;
    if (!(await askTypedConfirmation(`${question}\n${chalk.bold.red(`${target.displayName} is a production stack.`)}`, target.stack))) return false;
  }
  return true;
}

/** Selects the stack and, unless --yes, previews the destroy and prints what would go. */
async function openForDestroy(session: StackSession, cloud: CloudOptions, chalk: ChalkInstance, progress: ProgressRenderer): Promise<{ outcome: StackOutcome; deletes: number }> {
  const started = Date.now();
  const { prepared } = session;
  const print = (text: string): void => progress.result(text);
  progress.activity('previewing the destroy of', prepared.label);
  try {
    if (!(await session.open('select'))) {
      // A stack named by --stack alone must exist: a typo there should not pass for "nothing to do".
      if (isStackOnly(prepared.loaded)) throw stackNotFound(prepared);
      print(`${prepared.label}: stack ${prepared.target.displayName} does not exist; nothing to destroy`);
      return { outcome: { prepared, status: 'unchanged', counts: emptyChangeCounts(), changes: [], durationMs: Date.now() - started }, deletes: 0 };
    }
    if (cloud.yes) {
      // No preview: the destroy itself lists each resource as it goes.
      return { outcome: { prepared, status: 'changes-pending', counts: emptyChangeCounts(), changes: [], durationMs: Date.now() - started }, deletes: 0 };
    }
    const plan = await session.operation('preview-destroy', { target: cloud.target, refresh: cloud.refresh });
    const deleted = plan.changes.filter((c) => c.change === 'delete');
    if (deleted.length === 0) {
      print(`${prepared.label}: stack ${prepared.target.displayName} holds no resources; nothing to destroy`);
      return { outcome: { prepared, status: 'unchanged', counts: plan.counts, changes: [], durationMs: Date.now() - started }, deletes: 0 };
    }
    print(
      [
        `${chalk.bold(`Destroy of ${prepared.label}`)} ${chalk.dim(`(stack ${prepared.target.displayName})`)} deletes:`,
        ...deleted.map((c) => `  ${chalk.red('-')} ${resourceLabel(c.resource)}`),
        '',
      ].join('\n'),
    );
    return {
      outcome: { prepared, status: 'changes-pending', counts: plan.counts, changes: plan.changes, durationMs: Date.now() - started },
      deletes: deleted.length,
    };
  } catch (error) {
    return { outcome: failedOutcome(prepared, error, Date.now() - started), deletes: 0 };
  } finally {
    progress.activity(undefined, prepared.label);
  }
}

async function destroyStep(session: StackSession, cloud: CloudOptions, progress: ProgressRenderer, previewMs: number): Promise<StackOutcome> {
  const started = Date.now();
  try {
    const outcome = await session.operation('destroy', {
      onEvent: progress.forStack(session.prepared.label),
      target: cloud.target,
      refresh: cloud.refresh,
      removeStack: cloud.remove,
    });
    return { prepared: session.prepared, status: 'succeeded', counts: outcome.counts, changes: outcome.changes, durationMs: previewMs + Date.now() - started };
  } catch (error) {
    return failedOutcome(session.prepared, error, previewMs + Date.now() - started);
  }
}
