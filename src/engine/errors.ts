// Pulumi's failures -> OpenmcfError with an exit code and a next step. The engine reports most
// problems as text on stderr, and some texts changed over releases, so matching is done on several
// wordings.
import { hostname } from 'node:os';
import { ExitCode, OpenmcfError } from '../errors.js';
import { SCALEWAY_PLUGIN_VERSION } from '../version.js';
import { stripEngineMarkup } from './translate-events.js';
import { cleanProviderMessage } from './provider-messages.js';

export type EngineOperation = 'preview' | 'apply' | 'destroy' | 'refresh' | 'outputs' | 'select';

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

const MISSING_PLUGIN_PATTERNS: readonly RegExp[] = [
  /no resource plugin '?scaleway/i,
  /could not (?:find|load|install|download)[^\n]*plugin[^\n]*scaleway/i,
  /failed to (?:download|install|load)[^\n]*plugin[^\n]*scaleway/i,
  /plugin[^\n]*scaleway[^\n]*(?:not found|was not found|could not be found)/i,
  /resource plugin [^\n]*scaleway[^\n]*is required/i,
];

const PASSPHRASE_PATTERNS: readonly RegExp[] = [
  /passphrase must be set/i,
  /incorrect passphrase/i,
  /failed to decrypt/i,
  /PULUMI_CONFIG_PASSPHRASE/,
];

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

/** `<url>.json[?query]: created by user@host (pid 123) at 2026-...` lines of a self-managed
 * backend; a `file://` lock is given as the path to delete. */
export function lockHolders(text: string): Array<{ file: string; holder: string }> {
  const holders: Array<{ file: string; holder: string }> = [];
  for (const match of text.matchAll(/(\S+\.json)(?:\?\S*)?: created by (.+)$/gm)) {
    const location = match[1]!;
    holders.push({ file: location.startsWith('file://') ? decodeURIComponent(location.slice('file://'.length)) : location, holder: match[2]!.trim() });
  }
  return holders;
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

function lockHint(context: EngineErrorContext, holders: Array<{ file: string; holder: string }>): string {
  const cancel = `openmcf cancel ${context.rerunArgs} --yes`;
  if (holders.length > 0 && holders.every((h) => isStaleHolder(h.holder))) {
    return `The run that took the lock has ended without releasing it (it ran on this machine), so the lock is stale: release it with \`${cancel}\`, then run again.`;
  }
  return `Wait for the other run to finish. If no run is using this stack any more (an interrupted run leaves its lock behind), release the lock with \`${cancel}\`.`;
}

/** `user@host (pid 123) at ...`: taken on this machine by a process that no longer exists. */
export function isStaleHolder(holder: string, probe: { hostname: string; alive: (pid: number) => boolean } = LOCAL_PROBE): boolean {
  const match = /@(\S+) \(pid (\d+)\)/.exec(holder);
  if (!match) return false;
  return match[1] === probe.hostname && !probe.alive(Number(match[2]));
}

const LOCAL_PROBE = {
  hostname: hostname(),
  alive: (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it exists, it is someone else's.
      return (error as NodeJS.ErrnoException).code !== 'ESRCH';
    }
  },
};

function verbOf(operation: EngineOperation): string {
  return operation === 'select' ? 'selecting the stack' : operation;
}

/** Maps any failure of an engine call to an OpenmcfError. */
export function toOpenmcfError(error: unknown, context: EngineErrorContext): OpenmcfError {
  if (error instanceof OpenmcfError) return error;
  const text = engineErrorText(error);

  if (isLockError(error)) {
    const holders = lockHolders(text);
    const by = holders.length > 0 ? ` (held by ${holders.map((h) => h.holder).join('; ')})` : '';
    return new OpenmcfError(`stack ${context.stackDisplay} is locked by another run${by}`, {
      exitCode: ExitCode.stackLocked,
      code: 'stack-locked',
      origin: 'tool',
      hint: lockHint(context, holders),
      cause: error,
    });
  }

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
      hint: 'Set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) to the passphrase the stack was created with.',
      cause: error,
    });
  }

  const lines = engineErrorLines(text);
  const detail = lines.length > 0 ? `: ${lines.join('; ')}` : '';
  return new OpenmcfError(`${verbOf(context.operation)} failed for stack ${context.stackDisplay}${detail}`, {
    exitCode: ExitCode.failed,
    code: 'engine-failed',
    origin: 'cloud',
    hint: context.operation === 'apply' ? `Fix the cause, then run \`openmcf apply ${context.rerunArgs}\` again; it continues from what was done.` : undefined,
    cause: error,
  });
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
