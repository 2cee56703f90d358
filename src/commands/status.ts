// `openmcf status`: what the platform says now about each manifest's namespace, container and cron
// triggers (status, error message, image, scale, URL, when they last changed), read from the API
// by the ids the state holds; `outputs` only has what the last run recorded. With --probe, the
// container's URL is requested once. Exit 1 when a container is in `error` or missing (or its
// namespace or a trigger is), when nothing is deployed, or when a probe got no answer (or a 5xx).
// Reads only: nothing in the cloud or the state is changed. Output and JSON: render/status-report.ts.
import type { OpenmcfError } from '../core/errors.js';
import { lookupSettings } from '../engine/cloud-lookup.js';
import type { Io } from '../core/io.js';
import type { CloudOptions } from '../run/run-options.js';
import { asOpenmcfError, mostSevereExitCode } from '../run/outcome.js';
import type { PreparedRun, PreparedStack } from '../run/prepare.js';
import type { StackSession } from '../run/stack-session.js';
import { isStackOnly, stackNotFound } from '../run/stack-only.js';
import { runBoundedAll } from '../run/run-bounded.js';
import { readLiveStack, type ReadLiveOptions } from './status/live.js';
import { failedStatusDocument, printStatus, statusDocument, statusExitCode, type LiveStack, type StackStatusReport } from '../render/status-report.js';

export interface StatusOptions extends CloudOptions {
  /** `--probe`: request the container's URL once. */
  readonly probe: boolean;
}

export async function status(options: StatusOptions, io: Io): Promise<number> {
  try {
    return await liveStatus(options, options.probe, io);
  } catch (error) {
    reportStatusFailure(io, options, error);
    throw error;
  }
}

/** With --json: the status document of a run that failed before any stack was read (also for wrong flags). */
export function reportStatusFailure(io: Io, run: { readonly json: boolean; readonly sandbox: boolean }, error: unknown): void {
  if (run.json) io.out(`${JSON.stringify(failedStatusDocument(asOpenmcfError(error), run.sandbox), null, 2)}\n`);
}

async function liveStatus(cloud: CloudOptions, probe: boolean, io: Io): Promise<number> {
  const { prepareRun, stopShared } = await import('../run/prepare.js');
  const { StackSession } = await import('../run/stack-session.js');
  // The program never runs: no plugin; the API is read with the run's credentials.
  const run = await prepareRun(cloud, io, { credentials: false, readsApi: true, stackOnly: true });
  const sessions = run.stacks.map((prepared) => new StackSession(prepared, run));
  try {
    const options = await readOptions(cloud, run, probe);
    const outcomes = await runBoundedAll(sessions, cloud.parallel, (session) => statusOf(session, options));
    const exitCode = mostSevereExitCode(outcomes.map(statusExitCode));
    if (cloud.json) io.out(`${JSON.stringify(statusDocument(outcomes, exitCode, cloud.sandbox), null, 2)}\n`);
    else printStatus(io, outcomes);
    return exitCode;
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
    await stopShared(run);
  }
}

async function readOptions(cloud: CloudOptions, run: PreparedRun, probe: boolean): Promise<ReadLiveOptions> {
  const credentials = run.scalewayEnv;
  // SCW_API_URL: the user's (another endpoint, `openmcf sandbox api`), or the sandbox's own.
  const settings = lookupSettings({ ...(cloud.env.SCW_API_URL ? { SCW_API_URL: cloud.env.SCW_API_URL } : {}), ...credentials, ...run.engineEnv });
  if (!settings) throw new Error('no Scaleway secret key to read the API with');
  // The simulated API answers for its containers' domains, which exist nowhere else: the sandbox's
  // own, or `openmcf sandbox api` on loopback named by SCW_API_URL.
  const probeVia = run.sandboxApi?.api.url ?? (/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(settings.apiUrl) ? settings.apiUrl : undefined);
  return { settings, probe, ...(probeVia !== undefined ? { probeVia } : {}) };
}

async function statusOf(session: StackSession, options: ReadLiveOptions): Promise<StackStatusReport> {
  const { prepared } = session;
  try {
    if (!(await session.open('select'))) {
      if (isStackOnly(prepared.loaded)) throw stackNotFound(prepared);
      return statusReport(prepared, { live: notDeployed(prepared) });
    }
    return statusReport(prepared, { live: await readLiveStack(await session.readState(), options) });
  } catch (error) {
    return statusReport(prepared, { error: asOpenmcfError(error) });
  }
}

/** A stack whose manifest names it but that does not exist: nothing deployed, said as a problem. */
export function notDeployed(prepared: { readonly target: Pick<PreparedStack['target'], 'displayName'>; readonly rerunArgs: string }): LiveStack {
  return { triggers: [], problems: [`nothing is deployed: stack ${prepared.target.displayName} does not exist (run \`openmcf apply ${prepared.rerunArgs}\`)`] };
}

/** The stack status is about: its manifest, label and target (a prepared stack has them). */
export interface StatusSubject {
  readonly loaded: Pick<PreparedStack['loaded'], 'origin' | 'manifest'>;
  readonly label: string;
  readonly target: Pick<PreparedStack['target'], 'displayName' | 'stackName' | 'backendUrl'>;
}

/** What status found of one prepared stack, as render/status-report.ts prints it. */
export function statusReport(prepared: StatusSubject, found: { readonly live: LiveStack } | { readonly error: OpenmcfError }): StackStatusReport {
  const { loaded, target } = prepared;
  return {
    manifest: { file: loaded.origin.file, document: loaded.origin.documentIndex, name: loaded.manifest.metadata.name },
    label: prepared.label,
    stack: target.displayName,
    engineStack: target.stackName,
    backend: target.backendUrl,
    ...found,
  };
}
