// Starts the Pulumi CLI for the Automation API and keeps hold of every running CLI process, so
// that Ctrl-C can reach it: the first interruption asks the engine to cancel (SIGINT, which the
// CLI handles by finishing in-flight steps and writing state), the second kills it and its
// plugins at once (SIGKILL to its process group).
//
// Why not the Automation API's own `signal` option: it sends SIGINT once and cannot send a
// second, and the CLI runs in our process group, so a Ctrl-C typed at a terminal reaches it
// directly as well; our forwarded SIGINT would then count as the CLI's *second* ^C and terminate
// it instead of cancelling. Each CLI therefore runs in a process group of its own and hears only
// what openmcf forwards.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { delimiter, dirname, isAbsolute } from 'node:path';
import type { PulumiCommand } from '@pulumi/pulumi/automation/index.js';
import * as cmdModule from '@pulumi/pulumi/automation/cmd.js';
import * as errorsModule from '@pulumi/pulumi/automation/errors.js';

// The Automation API's own result and error constructors (marked @internal, so untyped): errors
// must be the SDK's classes, since it tells "stack not found" from others by class.
interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}
const { CommandResult } = cmdModule as unknown as {
  CommandResult: new (stdout: string, stderr: string, code: number, err?: Error) => CommandResult;
};
const { createCommandError } = errorsModule as unknown as { createCommandError: (result: CommandResult) => Error };

export type InterruptState = 'running' | 'cancelling' | 'killed';

export class EngineProcesses {
  private readonly children = new Set<ChildProcess>();
  private interruptState: InterruptState = 'running';

  get state(): InterruptState {
    return this.interruptState;
  }

  get interrupted(): boolean {
    return this.interruptState !== 'running';
  }

  /** First interruption: every running CLI cancels gracefully; no new CLI is started. */
  cancel(): void {
    if (this.interruptState !== 'running') return;
    this.interruptState = 'cancelling';
    for (const child of this.children) signalChild(child, 'SIGINT', false);
  }

  /** Second interruption: the CLIs and the plugins they started are killed at once. The engine
   * starts each plugin in a process group of its own, so plugins are found by parentage (before
   * the CLI dies and they are handed to init) and killed with their groups. */
  kill(): void {
    this.interruptState = 'killed';
    const running = [...this.children].filter((c) => c.pid !== undefined && c.exitCode === null);
    const descendants = descendantsOf(running.map((c) => c.pid!));
    for (const child of running) signalChild(child, 'SIGKILL', true);
    for (const pid of descendants) killGroupAndProcess(pid);
  }

  /** A PulumiCommand whose processes this registry controls. */
  wrap(command: PulumiCommand): PulumiCommand {
    const wrapped = Object.create(command) as PulumiCommand & { run: RunFunction };
    wrapped.run = (args, cwd, additionalEnv, onOutput, onError, signal) => this.run(command.command, args, cwd, additionalEnv, onOutput, onError, signal);
    return wrapped;
  }

  private run(
    command: string,
    args: string[],
    cwd: string,
    additionalEnv: Record<string, string>,
    onOutput?: (data: string) => void,
    onError?: (data: string) => void,
    signal?: AbortSignal,
  ): Promise<CommandResult> {
    // As the Automation API's own runner does: never prompt, and prefer plugins installed next
    // to the CLI.
    const fullArgs = args.includes('--non-interactive') ? [...args] : [...args, '--non-interactive'];
    const env: Record<string, string | undefined> = { ...process.env, ...additionalEnv, PULUMI_AUTOMATION_API: 'true' };
    if (isAbsolute(command)) env.PATH = `${dirname(command)}${delimiter}${additionalEnv.PATH ?? process.env.PATH ?? ''}`;

    if (this.interrupted) {
      return Promise.reject(createCommandError(new CommandResult('', 'interrupted before the engine started', -2)));
    }
    return new Promise((resolve, reject) => {
      const child = spawn(command, fullArgs, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      this.children.add(child);
      let stdout = '';
      let stderr = '';
      child.stdout?.setEncoding('utf8').on('data', (data: string) => {
        stdout += data;
        onOutput?.(data);
      });
      child.stderr?.setEncoding('utf8').on('data', (data: string) => {
        stderr += data;
        onError?.(data);
      });
      signal?.addEventListener('abort', () => signalChild(child, 'SIGINT', false), { once: true });
      child.on('error', (error) => {
        this.children.delete(child);
        reject(createCommandError(new CommandResult('', error.message, -2, error)));
      });
      child.on('close', (code, killedBy) => {
        this.children.delete(child);
        const exitCode = code ?? (killedBy ? 128 : -2);
        const result = new CommandResult(stripFinalNewline(stdout), stripFinalNewline(stderr), exitCode);
        if (exitCode === 0) resolve(result);
        else reject(createCommandError(result));
      });
    });
  }
}

type RunFunction = (
  args: string[],
  cwd: string,
  additionalEnv: Record<string, string>,
  onOutput?: (data: string) => void,
  onError?: (data: string) => void,
  signal?: AbortSignal,
) => Promise<CommandResult>;

function signalChild(child: ChildProcess, signal: NodeJS.Signals, wholeGroup: boolean): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    // A negative pid addresses the process group the CLI leads (it was spawned detached).
    process.kill(wholeGroup ? -child.pid : child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Every process below the given ones, from `ps` (POSIX; Linux and macOS alike). */
export function descendantsOf(roots: readonly number[]): number[] {
  if (roots.length === 0) return [];
  let table: string;
  try {
    table = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8', timeout: 2_000 });
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const line of table.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid === undefined || ppid === undefined || Number.isNaN(pid) || Number.isNaN(ppid)) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found: number[] = [];
  const queue = [...roots];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function killGroupAndProcess(pid: number): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // not a group leader, or already gone
    }
  }
}

function stripFinalNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, text.endsWith('\r\n') ? -2 : -1) : text;
}
