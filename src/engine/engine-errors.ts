// Pulumi's failures -> OpenmcfError with an exit code and a next step. The engine reports most
// problems as text on stderr, and some texts changed over releases, so matching is done on several
// wordings.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, OpenmcfError } from '../core/errors.js';
import { SCALEWAY_PLUGIN_VERSION } from '../core/version.js';
import { describeHolder, lockHolders, type LockHolder } from './stack-lock.js';
import { stripEngineMarkup } from './translate-events.js';
import { cleanProviderMessage } from './provider-messages.js';

export type EngineOperation = 'preview' | 'apply' | 'destroy' | 'refresh' | 'outputs' | 'select' | 'cancel';

export interface EngineErrorContext {
  readonly operation: EngineOperation;
  /** The stack as the user knows it (`org/project/stack`). */
  readonly stackDisplay: string;
  /** The stack name as passed to the engine. */
  readonly stackName: string;
  readonly backendUrl: string;
  readonly sandbox: boolean;
  /** How to name this manifest in a suggested command, e.g. `-f my-api.yaml --sandbox`. */
  readonly rerunArgs: string;
  /** Errors the engine reported against resources during the run: the cause when its own output
   * says no more than "destroy failed". */
  readonly resourceErrors?: readonly string[];
}

/** The texts a locked stack has been reported with, across Pulumi releases and backends. */
const LOCK_PATTERNS: readonly RegExp[] = [
  /the stack is currently locked/i,
  /is currently locked by/i,
  /-{2,}\s*stack is locked/i,
  /\bstack is locked\b/i,
  /Another update is currently in progress/i,
  /\[409\] Conflict/i,
];

/** The platform refusing a second object of one name (409). */
const ALREADY_EXISTS = /\balready exists\b/i;

const MISSING_PLUGIN_PATTERNS: readonly RegExp[] = [
  /no resource plugin '?scaleway/i,
  /could not (?:find|load|install|download)[^\n]*plugin[^\n]*scaleway/i,
  /failed to (?:download|install|load)[^\n]*plugin[^\n]*scaleway/i,
  /plugin[^\n]*scaleway[^\n]*(?:not found|was not found|could not be found)/i,
  /resource plugin [^\n]*scaleway[^\n]*is required/i,
];

const PASSPHRASE_PATTERNS: readonly RegExp[] = [/passphrase must be set/i, /incorrect passphrase/i, /failed to decrypt/i, /PULUMI_CONFIG_PASSPHRASE/];

/** The engine's stderr (or the error message) of a failed Automation API call. */
export function engineErrorText(error: unknown): string {
  if (error && typeof error === 'object' && 'commandResult' in error) {
    const result = (error as { commandResult?: { stderr?: unknown; stdout?: unknown; err?: { message?: unknown } } }).commandResult;
    const stderr = typeof result?.stderr === 'string' ? result.stderr : '';
    const cause = typeof result?.err?.message === 'string' ? result.err.message : '';
    return stripEngineMarkup(`${stderr}\n${cause}`).trim();
  }
  if (error instanceof Error) return stripEngineMarkup(error.message);
  return String(error);
}

export function isLockError(error: unknown): boolean {
  if (error instanceof Error && error.name === 'ConcurrentUpdateError') return true;
  const text = engineErrorText(error);
  return LOCK_PATTERNS.some((p) => p.test(text));
}

/** The meaningful errors of the engine's output: each `error: ...` line with the lines that
 * continue it (`\t* cause`), minus the generic ones ("update failed", "1 error occurred:"). */
export function engineErrorLines(text: string): string[] {
  const raw = text.split('\n');
  const errors: string[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const line = raw[i]!.trim();
    if (!/^error:/i.test(line)) continue;
    const parts = [line.replace(/^error:\s*/i, '')];
    while (i + 1 < raw.length && /^\s+\S|^\s*\*/.test(raw[i + 1]!) && !/^\s*(error|warning):/i.test(raw[i + 1]!)) {
      i += 1;
      parts.push(raw[i]!.trim().replace(/^\*\s*/, ''));
    }
    const message = cleanProviderMessage(
      parts
        .map((p) => p.replace(/^\d+ errors? occurred:?$/i, '').trim())
        .filter((p) => p !== '')
        .join('; '),
    ).replace(/^[\w-]+: (?=scaleway-sdk-go: )/, '');
    if (message !== '' && !/^(update|preview|destroy|refresh) failed$/i.test(message) && !/^an error occurred/i.test(message)) errors.push(message);
  }
  if (errors.length > 0) return [...new Set(cleanProviderMessage(errors.join('; ')).split('; '))];
  // No `error:` line: the last lines are the most telling (e.g. a spawn failure).
  return raw
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !/^(code|stdout|stderr|err\?):/.test(l) && !/^warning:/i.test(l))
    .slice(-3);
}

/** A stack held by another run: exit 4, with the holders the engine named (for --lock-wait's
 * progress lines and the JSON document). */
export class StackLockedError extends OpenmcfError {
  constructor(
    message: string,
    readonly holders: readonly LockHolder[],
    options: { hint: string; cause: unknown },
  ) {
    super(message, { exitCode: ExitCode.stackLocked, code: 'stack-locked', origin: 'tool', ...options });
  }
}

export function stackLockedError(error: unknown, context: EngineErrorContext, holders: readonly LockHolder[]): StackLockedError {
  const by = holders.length > 0 ? ` (held by ${holders.map((h) => describeHolder(h)).join('; ')})` : '';
  return new StackLockedError(`stack ${context.stackDisplay} is locked by another run${by}`, holders, { hint: lockHint(context, holders), cause: error });
}

function lockHint(context: EngineErrorContext, holders: readonly LockHolder[]): string {
  const cancel = `openmcf cancel ${context.rerunArgs} --yes`;
  if (holders.length > 0 && holders.every((h) => h.stale)) {
    return `The run that took the lock has ended without releasing it (it ran on this machine), so the lock is stale: release it with \`${cancel}\`, then run again.`;
  }
  return `Wait for the other run to finish, or pass --lock-wait <duration> (e.g. --lock-wait 10m) to wait for it. If no run is using this stack any more (an interrupted run leaves its lock behind), release the lock with \`${cancel}\`.`;
}

function verbOf(operation: EngineOperation): string {
  if (operation === 'select') return 'selecting the stack';
  return operation === 'cancel' ? 'releasing the lock' : operation;
}

/** Maps any failure of an engine call to an OpenmcfError. */
export function toOpenmcfError(error: unknown, context: EngineErrorContext): OpenmcfError {
  if (error instanceof OpenmcfError) return error;
  const text = engineErrorText(error);

  if (isLockError(error)) return stackLockedError(error, context, lockHolders(text));

  if (MISSING_PLUGIN_PATTERNS.some((p) => p.test(text))) {
    return new OpenmcfError(`the engine cannot find the Scaleway provider plugin (scaleway v${SCALEWAY_PLUGIN_VERSION})`, {
      exitCode: ExitCode.failed,
      code: 'engine-plugin-missing',
      origin: 'tool',
      hint:
        `Install it with \`pulumi plugin install resource scaleway v${SCALEWAY_PLUGIN_VERSION} --server github://api.github.com/pulumiverse\`, ` +
        'or try the simulated cloud with --sandbox. `openmcf doctor` shows what is missing.',
      cause: error,
    });
  }

  if (PASSPHRASE_PATTERNS.some((p) => p.test(text))) {
    return new OpenmcfError(`the engine could not open the secrets of stack ${context.stackDisplay}: ${engineErrorLines(text)[0] ?? 'passphrase problem'}`, {
      exitCode: ExitCode.invalidInput,
      code: 'secrets-passphrase',
      origin: 'user',
      hint: context.sandbox
        ? 'The sandbox encrypts its state with the passphrase in $OPENMCF_HOME/sandbox/passphrase (it ignores PULUMI_CONFIG_PASSPHRASE): restore that file, or delete $OPENMCF_HOME/sandbox to start the sandbox over.'
        : 'Set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) to the passphrase the stack was created with, or restore $OPENMCF_HOME/passphrase if openmcf generated it.',
      cause: error,
    });
  }

  const damaged = damagedState(text, context);
  if (damaged) return new OpenmcfError(damaged.message, { exitCode: ExitCode.failed, code: 'state-damaged', origin: 'tool', hint: damaged.hint, cause: error });

  const resourceErrors = [...new Set(context.resourceErrors ?? [])];
  const lines = resourceErrors.length > 0 ? resourceErrors : engineErrorLines(text);
  const detail = lines.length > 0 ? `: ${lines.join('; ')}` : '';
  if (context.operation === 'apply' && lines.some((line) => ALREADY_EXISTS.test(line))) {
    return new OpenmcfError(`apply failed for stack ${context.stackDisplay}${detail}`, {
      exitCode: ExitCode.failed,
      code: 'name-conflict',
      origin: 'cloud',
      hint: `The cloud has an object of that name that this stack does not have (made by hand, by another tool, or before the state was lost). Take it into the stack with \`openmcf import ${context.rerunArgs}\` (it then shows how it differs from the manifest), then run \`openmcf apply ${context.rerunArgs}\` again.`,
      cause: error,
    });
  }
  return new OpenmcfError(`${verbOf(context.operation)} failed for stack ${context.stackDisplay}${detail}`, {
    exitCode: ExitCode.failed,
    code: 'engine-failed',
    origin: 'cloud',
    hint: nextStep(context),
    cause: error,
  });
}

/** What to do after a failed operation: fix the cause and run it again (it resumes). */
function nextStep(context: EngineErrorContext): string | undefined {
  switch (context.operation) {
    case 'apply':
      return `Fix the cause, then run \`openmcf apply ${context.rerunArgs}\` again; it continues from what was done.`;
    case 'destroy':
      return `Fix the cause (a transient cloud error only needs a retry), then run \`openmcf destroy ${context.rerunArgs}\` again; it deletes what is left.`;
    case 'refresh':
      return `Fix the cause (a transient cloud error only needs a retry), then run \`openmcf refresh ${context.rerunArgs}\` again; nothing in the cloud was changed.`;
    case 'preview':
      return `Fix the cause, then run \`openmcf preview ${context.rerunArgs}\` again; nothing was changed.`;
    default:
      return undefined;
  }
}

const DAMAGED_STATE_PATTERNS: readonly RegExp[] = [/failed to load checkpoint/i, /could not deserialize deployment/i, /unexpected end of JSON input/i];

/**
 * A stack's state file that does not parse (cut short by a full disk, edited by hand): the
 * engine's "failed to load checkpoint: unexpected end of JSON input" names no file. On a `file://`
 * backend, say which file it is, where its backups are, and how to put one back.
 */
function damagedState(text: string, context: EngineErrorContext): { message: string; hint: string } | undefined {
  if (!DAMAGED_STATE_PATTERNS.some((p) => p.test(text))) return undefined;
  const cause = engineErrorLines(text)[0] ?? 'its state does not parse';
  const [, project = '', stack = ''] = context.stackName.split('/');
  if (!context.backendUrl.startsWith('file://')) {
    return {
      message: `the state of stack ${context.stackDisplay} in ${context.backendUrl} is damaged: ${cause}`,
      hint: `Restore it from a copy made with \`pulumi stack export\` (\`pulumi stack import --stack ${context.stackName} --file <copy>\`), then run \`openmcf refresh ${context.rerunArgs}\` to bring it in line with the cloud.`,
    };
  }
  const folder = safeDecode(context.backendUrl.slice('file://'.length).split('?')[0] ?? '');
  const file = join(folder, '.pulumi', 'stacks', project, `${stack}.json`);
  const backup = `${file}.bak`;
  const backups = join(folder, '.pulumi', 'backups', project, stack);
  const restore = existsSync(backup)
    ? `Put the previous version back with \`cp '${backup}' '${file}'\` (older ones are in ${backups})`
    : `Put a backup back over it: the newest file in ${backups}`;
  return {
    message: `the state file of stack ${context.stackDisplay} is damaged: ${file} (${cause})`,
    hint: `${restore}, then run \`openmcf refresh ${context.rerunArgs}\` so the state matches the cloud again. Keep the damaged file aside if you want to inspect it.`,
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The error of a run the user interrupted (Ctrl-C), with how to recover. */
export function interruptedError(context: EngineErrorContext, killed: boolean): OpenmcfError {
  const how = killed ? 'the engine was stopped immediately' : 'the engine stopped cleanly';
  const mutating = context.operation === 'apply' || context.operation === 'destroy' || context.operation === 'refresh';
  const recovery = !mutating
    ? `Nothing was changed; run \`openmcf ${context.operation} ${context.rerunArgs}\` again when ready.`
    : killed
      ? `The engine was stopped mid-operation, so the stack stays locked: release the lock with \`openmcf cancel ${context.rerunArgs} --yes\`, then run \`openmcf ${context.operation} ${context.rerunArgs}\` again; it first takes into the state what this run had created (\`openmcf refresh ${context.rerunArgs} --clear-pending-creates\` does only that).`
      : `Recover with \`openmcf refresh ${context.rerunArgs} --clear-pending-creates\` (it reconciles the state with the cloud and drops operations left pending), then run \`openmcf ${context.operation} ${context.rerunArgs}\` again.`;
  return new OpenmcfError(`interrupted: ${verbOf(context.operation)} of stack ${context.stackDisplay} was cancelled (${how})`, {
    exitCode: ExitCode.interrupted,
    code: 'interrupted',
    origin: 'user',
    hint: recovery,
  });
}
