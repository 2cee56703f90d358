// One manifest's stack for the length of a command: opened once, used for the preview and the
// update, closed at the end. Every engine failure leaves here as an OpenmcfError naming the stack,
// and an interruption by the user as exit 130 with how to recover.
import type { OutputMap, PulumiFn, StackSettings } from '@pulumi/pulumi/automation/index.js';
import { OpenmcfError } from '../core/errors.js';
import { interruptedError, isLockError, toOpenmcfError, type EngineErrorContext, type EngineOperation } from '../engine/engine-errors.js';
import type { OperationEvent } from '../engine/events.js';
import { partialOutcomeOf, runOperation, withPartialOutcome, type EngineOperationKind, type OperationOutcome, type RunOperationOptions } from '../engine/run-operation.js';
import { isMissingStackFailure, isStackNotFound, openStack, type OpenedStack } from '../engine/workspace.js';
import { resourceUrn, stackUrnPrefix } from '../engine/resource-urns.js';
import type { PreparedRun, PreparedStack } from './prepare.js';
import { withLockWait } from './lock-wait.js';
import { EMPTY_STATE, readStackState, type StackState } from '../engine/stack-state.js';
import { lookupSettings } from '../engine/cloud-lookup.js';
import { retryBackendRace } from '../engine/backend-races.js';
import { fileLockFolder, HEARTBEAT_STALE_AFTER_MS, heartbeatStore, startHeartbeat } from '../engine/lock-heartbeat.js';
import { lockVerdict, readFileLockHolders, type LockHolder, type LockVerdict } from '../engine/stack-lock.js';
import type { Settlement } from '../engine/pending-creates.js';
import { mayNeedSettling, settleStack } from '../engine/settle-stack.js';
import { recoveryContext } from './recovery.js';
import { lastDeploymentOf } from './last-deployment.js';
import { createdByOriginalCli, recordedStackOf } from './recorded-state.js';

const AMBIENT_PLUGIN_WARNING = /^using pulumi-resource-scaleway from \$PATH/;

const OPERATION_OF: Readonly<Record<EngineOperationKind, EngineOperation>> = {
  preview: 'preview',
  up: 'apply',
  'preview-destroy': 'destroy',
  destroy: 'destroy',
  refresh: 'refresh',
};

export class StackSession {
  private opened: OpenedStack | undefined;
  /** An OpenmcfError the program threw (e.g. an unresolvable valueFrom): it keeps its exit code
   * instead of becoming a generic engine failure. */
  private programError: OpenmcfError | undefined;

  constructor(
    readonly prepared: PreparedStack,
    private readonly run: PreparedRun,
    /** Progress lines of --lock-wait. */
    private readonly notify: (line: string) => void = () => undefined,
  ) {}

  /** Opens the stack. With `select`, a stack that does not exist yet gives `false`. */
  async open(mode: 'create' | 'select'): Promise<boolean> {
    try {
      const open = (): Promise<OpenedStack> =>
        openStack({
          target: this.prepared.target,
          program: this.guardedProgram(this.prepared.program),
          pulumiCommand: this.run.pulumiCommand,
          envVars: this.run.engineEnv,
          ...(this.run.secretsProvider ? { secretsProvider: this.run.secretsProvider } : {}),
          mode,
        });
      // Creating a stack takes its lock for a moment, so --lock-wait covers it too.
      this.opened = await this.lockWaited(() => retryBackendRace(open), 'select');
      return true;
    } catch (error) {
      if (mode === 'select' && isStackNotFound(error) && !this.run.processes.interrupted) return false;
      throw this.mapError(error, 'select');
    }
  }

  async operation(kind: EngineOperationKind, options: RunOperationOptions): Promise<OperationOutcome> {
    const stack = this.requireOpened().stack;
    if (this.run.processes.interrupted) throw this.mapError(new Error('interrupted'), OPERATION_OF[kind]);
    const onEvent = options.onEvent;
    const deliver = onEvent
      ? (event: OperationEvent): void => {
          // When the shared plugin could not start, openmcf puts the plugin on the engines' PATH
          // on purpose; the engine's warning about an ambient plugin is then noise.
          if (event.type === 'diagnostic' && AMBIENT_PLUGIN_WARNING.test(event.message)) return;
          onEvent(event);
        }
      : undefined;
    const routed = deliver ? this.run.diagnosticRoutes.route(stackUrnPrefix(this.prepared.target), deliver) : undefined;
    const listener = routed?.listener;
    try {
      const target = this.prepared.target;
      let attempts = 0;
      const run = async (): Promise<OperationOutcome> => {
        // A try after waiting for the lock plans from the state the other run left (the program
        // reads what it needs of it: see readState).
        if (attempts++ > 0 && kind === 'up') await this.readState();
        return runOperation(stack, kind, {
          ...options,
          ...(listener ? { onEvent: listener } : {}),
          ...(options.target ? { target: options.target.map((t) => resourceUrn(t, target)) } : {}),
          ...(options.replace ? { replace: options.replace.map((r) => resourceUrn(r, target)) } : {}),
        });
      };
      // Previews take no lock; updates, destroys and refreshes do.
      const takesLock = kind !== 'preview' && kind !== 'preview-destroy';
      const raced = (): Promise<OperationOutcome> => retryBackendRace(run);
      const attempt = (): Promise<OperationOutcome> => (takesLock ? this.lockWaited(() => this.withHeartbeat(raced), OPERATION_OF[kind]) : raced());
      const createWhenMissing = this.opened?.createWhenMissing;
      if (createWhenMissing === undefined) return await attempt();
      try {
        return await attempt();
      } catch (error) {
        if (!isMissingStackFailure(error) || this.run.processes.interrupted) throw error;
        // A new stack on a remote backend (see openStack): create it, then run the operation again.
        await this.lockWaited(createWhenMissing, 'select');
        return await attempt();
      }
    } catch (error) {
      // The mapped error keeps what the run had done, for the result (see outcome.ts).
      const partial = partialOutcomeOf(error);
      const mapped = this.mapError(error, OPERATION_OF[kind], partial?.resourceErrors);
      throw partial ? withPartialOutcome(mapped, partial) : mapped;
    } finally {
      routed?.release();
    }
  }

  /**
   * Reads the stack's state as it is now and hands the program what it needs from it (the
   * container's last deployment: see program/redeploy.ts). Called before each preview or update.
   */
  async readState(): Promise<StackState> {
    try {
      const opened = this.requireOpened();
      const state = await retryBackendRace(() => readStackState(opened.stack, this.prepared.target)).catch((error: unknown) => {
        // A remote stack named without asking the engine (see openStack) that does not exist
        // yet holds nothing: its first operation creates it.
        if (opened.createWhenMissing !== undefined && isMissingStackFailure(error)) return EMPTY_STATE;
        throw error;
      });
      this.prepared.stateView.lastDeployment = lastDeploymentOf(state);
      this.prepared.stateView.recorded = recordedStackOf(state);
      this.prepared.stateView.createdByOriginalCli = createdByOriginalCli(state);
      return state;
    } catch (error) {
      throw this.mapError(error, 'select');
    }
  }

  /**
   * Settles what a fault left between the state and the cloud (engine/settle-stack.ts): pending
   * creates and objects made without being recorded are taken in when they are this stack's, the
   * rest dropped. Returns what was done, and the state afterwards; nothing to do leaves both as
   * they were.
   */
  async settlePendingCreates(state: StackState): Promise<{ outcomes: Settlement[]; state: StackState }> {
    const settings = lookupSettings(this.run.engineEnv);
    const context = recoveryContext(this.prepared);
    if (settings === undefined || !mayNeedSettling(state, context)) return { outcomes: [], state };
    try {
      const outcomes = await settleStack(this.requireOpened().stack, state, settings, context, `openmcf apply ${this.prepared.rerunArgs}`);
      return { outcomes, state: await this.readState() };
    } catch (error) {
      throw this.mapError(error, 'refresh');
    }
  }

  /**
   * The settings (the secrets provider's salt or wrapped key) of a stack this session created:
   * until its first update they live only in the temporary workspace, and a saved plan's secrets
   * are encrypted with that key (see run/saved-plan.ts). Undefined for a stack that
   * existed, whose secrets manager is in its state.
   */
  async createdStackSettings(): Promise<StackSettings | undefined> {
    const opened = this.requireOpened();
    if (!opened.created) return undefined;
    return opened.stack.workspace.stackSettings(this.prepared.target.stackName);
  }

  /** Puts back the settings createdStackSettings gave, on the stack this session created again. */
  async restoreStackSettings(settings: StackSettings): Promise<void> {
    await this.requireOpened().stack.workspace.saveStackSettings(this.prepared.target.stackName, settings);
  }

  /** The stack outputs as the state has them. */
  async outputs(): Promise<OutputMap> {
    try {
      return await this.requireOpened().stack.outputs();
    } catch (error) {
      throw this.mapError(error, 'outputs');
    }
  }

  /**
   * A stack this session created only to preview it (preview, or an apply that was declined or
   * found nothing to do) is removed again: looking must not leave an empty stack in the backend.
   * A stack that meanwhile holds resources (another run applied it) is kept: the engine refuses.
   */
  async removeIfCreated(): Promise<void> {
    const opened = this.opened;
    if (!opened?.created || this.run.processes.interrupted) return;
    try {
      await opened.remove();
    } catch {
      // Kept: it holds resources now, or the backend refused; either way nothing is lost.
    }
  }

  /** Who holds the stack's lock, and whether that run is still going (engine/stack-lock.ts). */
  async lockVerdict(now: Date = new Date()): Promise<LockVerdict & { readonly holders: readonly LockHolder[] }> {
    const store = heartbeatStore(this.requireOpened().stack, this.prepared.target);
    const [holders, beats] = await Promise.all([readFileLockHolders(fileLockFolder(this.prepared.target)), store ? store.readAll() : []]);
    return { ...lockVerdict(holders, beats, now, HEARTBEAT_STALE_AFTER_MS), holders: holders ?? [] };
  }

  /** Deletes every lock of the stack (`pulumi cancel`): for a lock left by a run that is gone. */
  async releaseLock(): Promise<void> {
    try {
      await this.requireOpened().stack.cancel();
    } catch (error) {
      throw this.mapError(error, 'cancel');
    }
  }

  async close(): Promise<void> {
    await this.opened?.dispose();
    this.opened = undefined;
  }

  errorContext(operation: EngineOperation): EngineErrorContext {
    return {
      operation,
      stackDisplay: this.prepared.target.displayName,
      stackName: this.prepared.target.stackName,
      backendUrl: this.prepared.target.backendUrl,
      sandbox: this.prepared.target.sandbox,
      rerunArgs: this.prepared.rerunArgs,
    };
  }

  /** While an operation that takes the lock runs, a heartbeat beside the lock says the run is
   * alive (engine/lock-heartbeat.ts), for `openmcf cancel` to tell a live holder from a dead one. */
  private async withHeartbeat<T>(call: () => Promise<T>): Promise<T> {
    const store = heartbeatStore(this.requireOpened().stack, this.prepared.target);
    const stop = store ? startHeartbeat(store) : undefined;
    try {
      return await call();
    } finally {
      await stop?.();
    }
  }

  /** Runs an engine call; with --lock-wait, a lock held by another run is waited for. A lock
   * comes out as a StackLockedError, other failures as they were. */
  private lockWaited<T>(call: () => Promise<T>, operation: EngineOperation): Promise<T> {
    const attempt = (): Promise<T> =>
      call().catch((error: unknown) => {
        throw isLockError(error) ? this.mapError(error, operation) : error;
      });
    if (this.run.lockWaitMs <= 0) return attempt();
    return withLockWait(attempt, {
      waitMs: this.run.lockWaitMs,
      stackDisplay: this.prepared.target.displayName,
      notify: this.notify,
      cancelled: () => this.run.processes.interrupted,
    });
  }

  private mapError(error: unknown, operation: EngineOperation, resourceErrors: readonly string[] = []): OpenmcfError {
    if (this.run.processes.interrupted) return interruptedError(this.errorContext(operation), this.run.processes.state === 'killed');
    if (this.programError) return this.programError;
    return toOpenmcfError(error, { ...this.errorContext(operation), resourceErrors });
  }

  private guardedProgram(program: PulumiFn): PulumiFn {
    return async () => {
      try {
        return await program();
      } catch (error) {
        if (error instanceof OpenmcfError) this.programError = error;
        throw error;
      }
    };
  }

  private requireOpened(): OpenedStack {
    if (!this.opened) throw new Error('StackSession: the stack is not open');
    return this.opened;
  }
}
