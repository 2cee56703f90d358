import { OpenmcfError } from '../../errors.js';
import { interruptedError, toOpenmcfError } from '../../engine/errors.js';
import { runOperation } from '../../engine/run-operation.js';
import { isStackNotFound, openStack } from '../../engine/workspace.js';
import { resourceUrn } from '../../engine/resource-urns.js';
const AMBIENT_PLUGIN_WARNING = /^using pulumi-resource-scaleway from \$PATH/;
const OPERATION_OF = {
    preview: 'preview',
    up: 'apply',
    'preview-destroy': 'destroy',
    destroy: 'destroy',
    refresh: 'refresh',
};
export class StackSession {
    prepared;
    run;
    opened;
    /** An OpenmcfError the program threw (e.g. an unresolvable valueFrom): it keeps its exit code
     * instead of becoming a generic engine failure. */
    programError;
    constructor(prepared, run) {
        this.prepared = prepared;
        this.run = run;
    }
    /** Opens the stack. With `select`, a stack that does not exist yet gives `false`. */
    async open(mode) {
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
        }
        catch (error) {
            if (mode === 'select' && isStackNotFound(error) && !this.run.processes.interrupted)
                return false;
            throw this.mapError(error, 'select');
        }
    }
    async operation(kind, options) {
        const stack = this.requireOpened().stack;
        if (this.run.processes.interrupted)
            throw this.mapError(new Error('interrupted'), OPERATION_OF[kind]);
        const onEvent = options.onEvent;
        const listener = onEvent && this.prepared.target.sandbox
            ? (event) => {
                // The stand-in plugin is on PATH on purpose; the engine's warning about it is noise.
                if (event.type === 'diagnostic' && AMBIENT_PLUGIN_WARNING.test(event.message))
                    return;
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
        }
        catch (error) {
            throw this.mapError(error, OPERATION_OF[kind]);
        }
    }
    async outputs() {
        try {
            return await this.requireOpened().stack.outputs();
        }
        catch (error) {
            throw this.mapError(error, 'outputs');
        }
    }
    async close() {
        await this.opened?.dispose();
        this.opened = undefined;
    }
    errorContext(operation) {
        return {
            operation,
            stackDisplay: this.prepared.target.displayName,
            stackName: this.prepared.target.stackName,
            backendUrl: this.prepared.target.backendUrl,
            sandbox: this.prepared.target.sandbox,
            rerunArgs: this.prepared.rerunArgs,
        };
    }
    mapError(error, operation) {
        if (this.run.processes.interrupted)
            return interruptedError(this.errorContext(operation), this.run.processes.state === 'killed');
        if (this.programError)
            return this.programError;
        return toOpenmcfError(error, this.errorContext(operation));
    }
    guardedProgram(program) {
        return async () => {
            try {
                return await program();
            }
            catch (error) {
                if (error instanceof OpenmcfError)
                    this.programError = error;
                throw error;
            }
        };
    }
    requireOpened() {
        if (!this.opened)
            throw new Error('StackSession: the stack is not open');
        return this.opened;
    }
}
