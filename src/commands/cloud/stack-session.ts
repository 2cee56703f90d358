// One manifest's stack for the length of a command: opened once, used for the preview and the
// update, closed at the end. Every engine failure leaves here as an OpenmcfError naming the stack,
// and an interruption by the user as exit 130 with how to recover.
import type { OutputMap, PulumiFn } from '@pulumi/pulumi/automation/index.js';
import { OpenmcfError } from '../../errors.js';
import { interruptedError, toOpenmcfError, type EngineErrorContext, type EngineOperation } from '../../engine/errors.js';
import type { OperationEvent } from '../../engine/events.js';
import {
  partialOutcomeOf,
  runOperation,
  withPartialOutcome,
  type EngineOperationKind,
  type OperationOutcome,
  type RunOperationOptions,
} from '../../engine/run-operation.js';
import { isStackNotFound, openStack, type OpenedStack } from '../../engine/workspace.js';
import { resourceUrn } from '../../engine/resource-urns.js';
import type { PreparedRun, PreparedStack } from './prepare.js';

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
  ) {}

  /** Opens the stack. With `select`, a stack that does not exist yet gives `false`. */
  async open(mode: 'create' | 'select'): Promise<boolean> {
    try {
      this.opened = await openStack({
        target: this.prepared.target,
        program: this.guardedProgram(this.prepared.program),
        pulumiCommand: this.run.pulumiCommand,
        envVars: this.run.engineEnv,
        ...(this.run.secretsProvider ? { secretsProvider: this.run.secretsProvider } : {}),
        mode,
      });
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
    const listener =
      onEvent && this.prepared.target.sandbox
        ? (event: OperationEvent): void => {
            // The stand-in plugin is on PATH on purpose; the engine's warning about it is noise.
            if (event.type === 'diagnostic' && AMBIENT_PLUGIN_WARNING.test(event.message)) return;
            onEvent(event);
          }
        : onEvent;
    try {
      const target = this.prepared.target;
      return await runOperation(stack, kind, {
        ...options,
        ...(listener ? { onEvent: listener } : {}),
        ...(options.target ? { target: options.target.map((t) => resourceUrn(t, target)) } : {}),
        ...(options.replace ? { replace: options.replace.map((r) => resourceUrn(r, target)) } : {}),
      });
    } catch (error) {
      // The mapped error keeps what the run had done, for the result (see outcome.ts).
      const partial = partialOutcomeOf(error);
      const mapped = this.mapError(error, OPERATION_OF[kind], partial?.resourceErrors);
      throw partial ? withPartialOutcome(mapped, partial) : mapped;
    }
  }

  async outputs(): Promise<OutputMap> {
    try {
      return await this.requireOpened().stack.outputs();
    } catch (error) {
      throw this.mapError(error, 'outputs');
    }
  }

  /**
   * A preview needs a stack, so a new one is created for it; when nothing follows (a `preview`, a
   * declined or failed `apply`), that stack is removed again, so looking never leaves empty stacks
   * in the backend. Only a stack this session created, and only while it holds no resources: the
   * engine's `stack rm` without `--force` refuses otherwise. Best effort: a stack that cannot be
   * removed stays as it was (empty), which is harmless.
   */
  async removeIfCreatedHere(): Promise<void> {
    const opened = this.opened;
    if (!opened?.created || this.run.processes.interrupted) return;
    try {
      await opened.stack.workspace.removeStack(this.prepared.target.stackName);
      this.opened = { ...opened, created: false };
    } catch {
      // stays, empty; the next apply uses it
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
