// `openmcf outputs`: the stack outputs of each manifest (containerId, namespaceId, domainName,
// url, status, errorMessage), read from the state without running the program or touching the
// cloud, so no credentials are needed. Secret outputs are masked unless --show-secrets.
// Without --json the outputs are the result, so they go to stdout: all of them, one output's raw
// value (`outputs -f x.yaml url`, as `pulumi stack output url`), or `export` lines (--shell).
//
// On a local folder backend the outputs are read from the stack's checkpoint file directly (no
// engine start: a tenth of the time); the engine is used for other backends, and when a secret
// must be shown (only the engine can decrypt it).
import { ExitCode, OpenmcfError, invalidInput } from '../core/errors.js';
import { emptyChangeCounts } from '../engine/events.js';
import { readOutputsFromState, type StateOutputs } from '../engine/state-outputs.js';
import type { Io } from '../core/io.js';
import type { StackOutputMap } from '../render/output-lines.js';
import { printOutputs, type OutputsSelection, type StackOutputsReport } from '../render/outputs-text.js';
import type { CloudOptions } from '../run/run-options.js';
import { failedOutcome, mostSevereExitCode, type StackOutcome } from '../run/outcome.js';
import type { PreparedStack } from '../run/prepare.js';
import { finishRun, runCloudCommand, runReportOptions } from '../run/report.js';
import type { ShardReport } from '../manifest/shard.js';
import type { StackSession } from '../run/stack-session.js';
import { resolveRunTargets } from '../run/targets.js';
import { runBoundedAll } from '../run/run-bounded.js';
import { isStackOnly, stackNotFound } from '../run/stack-only.js';
import { rerunArgs } from '../run/rerun-args.js';
import { lastUpdateOf, type EngineCall } from '../engine/backend-stacks.js';

export interface OutputsOptions extends CloudOptions {
  /** `--shell`: print `export name='value'` lines. */
  readonly shell: boolean;
}

export async function outputs(options: OutputsOptions, io: Io, name?: string): Promise<number> {
  return runCloudCommand('outputs', io, options, async (cloud) => {
    const selection: OutputsSelection = { ...(name !== undefined ? { name } : {}), shell: options.shell, showSecrets: cloud.showSecrets };
    if (selection.shell && cloud.json) throw invalidInput('--shell and --json each print the outputs their own way: choose one', 'flag.shell');
    const { outcomes, sandboxStoreDir, shard } = (await outcomesFromState(cloud, io)) ?? (await outcomesFromEngine(cloud, io));
    if (cloud.json) {
      const chosen = selection.name === undefined ? outcomes : outcomes.map((o) => onlyOutput(o, selection.name!));
      return finishRun(io, cloud, chosen, {
        command: 'outputs',
        tense: 'done',
        showOutputs: false,
        showSecrets: cloud.showSecrets,
        ...(sandboxStoreDir ? { sandboxStoreDir } : {}),
        ...(shard ? { shard } : {}),
      });
    }
    if (selection.shell && outcomes.length > 1) {
      throw invalidInput('--shell prints the outputs of one stack, and several manifests were given', 'flag.shell', 'pass one manifest with --shell');
    }
    return mostSevereExitCode(printOutputs(io, outcomes.map(outputsReport), selection));
  });
}

interface Outcomes {
  readonly outcomes: StackOutcome[];
  readonly sandboxStoreDir?: string;
  readonly shard?: ShardReport;
}

/** Every stack answered from its checkpoint file, or undefined when the engine must be asked. */
async function outcomesFromState(cloud: CloudOptions, io: Io): Promise<Outcomes | undefined> {
  const started = Date.now();
  const { manifests, targets, environment, shard } = await resolveRunTargets(cloud, io, true);
  const read = targets.map((target) => readOutputsFromState(target));
  const usable = (state: StateOutputs | undefined): boolean =>
    state !== undefined && state.kind !== 'unreadable' && !(cloud.showSecrets && state.kind === 'found' && Object.values(state.outputs).some((o) => o.secret));
  if (!read.every(usable)) return undefined;
  const names = manifests.map((m) => m.manifest.metadata.name);
  const outcomes = read.map((state, index): StackOutcome => {
    const loaded = manifests[index]!;
    const target = targets[index]!;
    const name = loaded.manifest.metadata.name;
    const prepared = {
      loaded,
      target,
      label: names.filter((n) => n === name).length > 1 ? target.displayName : name,
      rerunArgs: rerunArgs(cloud, io.redactor.known, { loaded, backendUrl: target.backendUrl }),
      // Never run: outputs only reads.
      program: async () => undefined,
      stateView: {},
    } satisfies PreparedStack;
    try {
      if (state?.kind !== 'found') throw stackMissing(prepared);
      return found(prepared, state.outputs, Date.now() - started, state.time);
    } catch (error) {
      return failedOutcome(prepared, error, Date.now() - started);
    }
  });
  return { outcomes, ...(environment.sandbox ? { sandboxStoreDir: environment.sandbox.settings.storeDir } : {}), ...(shard ? { shard } : {}) };
}

async function outcomesFromEngine(cloud: CloudOptions, io: Io): Promise<Outcomes> {
  const { prepareRun, stopShared } = await import('../run/prepare.js');
  const { StackSession } = await import('../run/stack-session.js');
  const run = await prepareRun(cloud, io, { credentials: false, stackOnly: true });
  const sessions = run.stacks.map((prepared) => new StackSession(prepared, run));
  try {
    const call = { cli: run.pulumiCommand.command, backendUrl: run.backend.url, env: { ...cloud.env, ...run.engineEnv } };
    const outcomes = await runBoundedAll(sessions, cloud.parallel, (session) => outputsStep(session, lastRunTime(call, session.prepared.target.stackName)));
    return { outcomes, ...runReportOptions(run) };
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
    await stopShared(run);
  }
}

function stackMissing(prepared: PreparedStack): OpenmcfError {
  if (isStackOnly(prepared.loaded)) return stackNotFound(prepared);
  return new OpenmcfError(`stack ${prepared.target.displayName} does not exist on ${prepared.target.backendUrl}: nothing was deployed from ${prepared.label} yet`, {
    exitCode: ExitCode.failed,
    code: 'stack-not-found',
    origin: 'user',
    hint: `Run \`openmcf apply ${prepared.rerunArgs}\` first${prepared.target.sandbox ? '' : ', or check the backend (--backend, PULUMI_BACKEND_URL)'}.`,
  });
}

function found(prepared: PreparedStack, values: StackOutputMap, durationMs: number, statusAsOf?: string): StackOutcome {
  if (Object.keys(values).length === 0) {
    throw new OpenmcfError(`stack ${prepared.target.displayName} has no outputs: nothing is deployed from ${prepared.label} (never applied, or destroyed)`, {
      exitCode: ExitCode.failed,
      code: 'stack-not-found',
      origin: 'user',
      hint: `Run \`openmcf apply ${prepared.rerunArgs}\` first.`,
    });
  }
  return { prepared, status: 'succeeded', counts: emptyChangeCounts(), changes: [], outputs: values, durationMs, ...(statusAsOf !== undefined ? { statusAsOf } : {}) };
}

async function outputsStep(session: StackSession, lastRun: Promise<string | undefined>): Promise<StackOutcome> {
  const started = Date.now();
  const { prepared } = session;
  try {
    if (!(await session.open('select'))) throw stackMissing(prepared);
    const values = await session.outputs();
    return found(prepared, values, Date.now() - started, await lastRun);
  } catch (error) {
    return failedOutcome(prepared, error, Date.now() - started);
  }
}

/** When the stack's last operation ended (its history), read beside its outputs; undefined when unknown. */
function lastRunTime(call: EngineCall, stackName: string): Promise<string | undefined> {
  return lastUpdateOf(call, stackName).then(
    (last) => last?.endTime,
    () => undefined,
  );
}

/** One stack's outcome as render/outputs-text.ts prints it. */
export function outputsReport(outcome: StackOutcome): StackOutputsReport {
  const { prepared } = outcome;
  return {
    label: prepared.label,
    stack: prepared.target.displayName,
    rerunArgs: prepared.rerunArgs,
    ...(outcome.outputs ? { outputs: outcome.outputs } : {}),
    ...(outcome.statusAsOf !== undefined ? { statusAsOf: outcome.statusAsOf } : {}),
    ...(outcome.error ? { error: outcome.error } : {}),
  };
}

/** The outcome with only the named output (for --json NAME). */
function onlyOutput(outcome: StackOutcome, name: string): StackOutcome {
  if (!outcome.outputs) return outcome;
  const value = outcome.outputs[name];
  return { ...outcome, outputs: value ? { [name]: value } : {} };
}
