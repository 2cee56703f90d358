// Every stack a backend holds, through the engine itself (`pulumi stack ls --all --json`, what the
// Automation API's listStacks runs), so that file, S3, PostgreSQL and Pulumi Cloud backends are
// read the same way; and each stack's last update (`pulumi stack history --json --page-size 1`).
// The engine runs in an empty temporary folder: a Pulumi.yaml in the user's directory would make it
// shorten the names of that project's stacks. Nothing here decrypts anything, so no passphrase is
// needed. A bounded wait (`timeoutMs`) turns a backend that does not answer into an error.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExitCode, OpenmcfError } from '../core/errors.js';
import { fileBackendFolder } from '../stack/backend.js';
import { fileStateStacks } from '../stack/file-state-stacks.js';
import { SELF_MANAGED_ORGANIZATION } from '../stack/stack-target.js';

export interface BackendStack {
  /** The engine's fully qualified name: `organization/<project>/<stack>` on self-managed backends. */
  readonly name: string;
  readonly project: string;
  /** The bare stack part. */
  readonly stack: string;
  /** ISO 8601; absent for a stack never updated. */
  readonly lastUpdate?: string;
  readonly updateInProgress: boolean;
  /** As the engine counts them (the stack itself and its provider included); absent when unknown. */
  readonly resourceCount?: number;
}

export interface LastUpdate {
  /** `update`, `destroy`, `refresh`, `import`, ... */
  readonly kind: string;
  /** `succeeded`, `failed`, `in-progress`. */
  readonly result: string;
  readonly endTime?: string;
}

export interface EngineCall {
  /** The `pulumi` binary. */
  readonly cli: string;
  readonly backendUrl: string;
  /** Over the inherited environment: backend credentials (AWS_*, PG*), PULUMI_HOME. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** @default 120000 */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;

export async function listBackendStacks(call: EngineCall): Promise<BackendStack[]> {
  const stdout = await runEngine(call, ['stack', 'ls', '--all', '--json'], 'list the stacks of');
  const listed = parseJson(stdout, call) as Array<{ name?: unknown; lastUpdate?: unknown; updateInProgress?: unknown; resourceCount?: unknown }>;
  if (!Array.isArray(listed)) throw unreadable(call);
  return listed
    .filter((entry) => typeof entry.name === 'string')
    .map((entry) => {
      const name = entry.name as string;
      const parts = name.split('/');
      const stack = parts[parts.length - 1] ?? name;
      const project = parts.length >= 2 ? (parts[parts.length - 2] ?? '') : '';
      return {
        name,
        project,
        stack,
        ...(typeof entry.lastUpdate === 'string' && entry.lastUpdate !== '' ? { lastUpdate: isoTime(entry.lastUpdate) } : {}),
        updateInProgress: entry.updateInProgress === true,
        ...(typeof entry.resourceCount === 'number' ? { resourceCount: entry.resourceCount } : {}),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The stack names of a `file://` backend, read from its folder (`.pulumi/stacks/<project>/<stack>.json`,
 * what the engine lists) without starting the engine: enough to tell orphans on every preview of a
 * folder. Names only: no counts or times (`listBackendStacks` has them).
 */
export function listFileBackendStackNames(backendUrl: string): BackendStack[] {
  return fileStateStacks(decodeURIComponent(fileBackendFolder(backendUrl)))
    .map(({ project, stack }) => ({ name: `${SELF_MANAGED_ORGANIZATION}/${project}/${stack}`, project, stack, updateInProgress: false }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The stack's most recent operation; undefined for a stack that has none. */
export async function lastUpdateOf(call: EngineCall, stackName: string): Promise<LastUpdate | undefined> {
  const stdout = await runEngine(call, ['stack', 'history', '--stack', stackName, '--json', '--page-size', '1'], `read the history of stack ${stackName} on`);
  const history = parseJson(stdout, call) as Array<{ kind?: unknown; result?: unknown; endTime?: unknown }> | null;
  const latest = Array.isArray(history) ? history[0] : undefined;
  if (!latest) return undefined;
  return {
    kind: String(latest.kind ?? ''),
    result: String(latest.result ?? ''),
    ...(typeof latest.endTime === 'string' && latest.endTime !== '' ? { endTime: isoTime(latest.endTime) } : {}),
  };
}

/** The engine's times (RFC 3339, some with a zone offset) as UTC ISO 8601; kept as given when unreadable. */
function isoTime(text: string): string {
  const time = Date.parse(text);
  return Number.isNaN(time) ? text : new Date(time).toISOString();
}

async function runEngine(call: EngineCall, args: readonly string[], what: string): Promise<string> {
  const workDir = await mkdtemp(join(tmpdir(), 'openmcf-ls-'));
  const timeoutMs = call.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    return await new Promise<string>((resolve, reject) => {
      execFile(
        call.cli,
        [...args, '--non-interactive'],
        {
          cwd: workDir,
          env: { ...process.env, ...call.env, PULUMI_BACKEND_URL: call.backendUrl, PULUMI_SKIP_UPDATE_CHECK: 'true' },
          timeout: timeoutMs,
          killSignal: 'SIGKILL',
          maxBuffer: 64 * 1024 * 1024,
          encoding: 'utf8',
        },
        (error, stdout, stderr) => {
          if (!error) return resolve(stdout);
          const timedOut = (error as { killed?: boolean }).killed === true;
          reject(
            new OpenmcfError(
              timedOut
                ? `cannot ${what} backend ${call.backendUrl}: it did not answer within ${Math.round(timeoutMs / 1000)}s`
                : `cannot ${what} backend ${call.backendUrl}: ${engineReason(stderr, error)}`,
              {
                exitCode: ExitCode.failed,
                code: 'backend-unreachable',
                origin: 'cloud',
                hint: 'Check that the backend is reachable and its credentials are set (AWS_* for S3, the password in the URL or PGPASSWORD for PostgreSQL), then run again.',
              },
            ),
          );
        },
      );
    });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The engine's own reason, without its `error: ` prefix; the first lines only. */
function engineReason(stderr: string, error: Error): string {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const reason = lines.find((line) => /^error:/i.test(line)) ?? lines[0] ?? error.message.split('\n')[0] ?? 'the engine failed';
  return reason.replace(/^error:\s*/i, '');
}

function parseJson(text: string, call: EngineCall): unknown {
  try {
    return JSON.parse(text === '' ? 'null' : text);
  } catch {
    throw unreadable(call);
  }
}

function unreadable(call: EngineCall): OpenmcfError {
  return new OpenmcfError(`the engine's list of the stacks of ${call.backendUrl} could not be read`, { exitCode: ExitCode.failed, code: 'engine-output', origin: 'tool' });
}
