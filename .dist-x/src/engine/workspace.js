// One manifest's stack, opened through the Automation API: a LocalWorkspace in a private temporary
// folder (the SDK would otherwise leave one behind in /tmp per run), with the project and backend
// from the stack target and the engine environment (credentials, passphrase, sandbox) set on the
// CLI process only, never on ours.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stackExistsInState } from './stack-existence.js';
/** True for the Automation API's "no stack named ..." error. */
export function isStackNotFound(error) {
    return error instanceof Error && error.name === 'StackNotFoundError';
}
export async function openStack(options) {
    const { LocalWorkspace, Stack } = await import('@pulumi/pulumi/automation/index.js');
    const workDir = await mkdtemp(join(tmpdir(), 'openmcf-ws-'));
    const dispose = () => rm(workDir, { recursive: true, force: true });
    try {
        const workspace = await LocalWorkspace.create({
            workDir,
            program: options.program,
            pulumiCommand: options.pulumiCommand,
            projectSettings: {
                name: options.target.projectName,
                runtime: 'nodejs',
                backend: { url: options.target.backendUrl },
            },
            envVars: {
                PULUMI_SKIP_UPDATE_CHECK: 'true',
                // With the passphrase provider the engine would otherwise derive a key twice per run (1M
                // rounds of PBKDF2, ~0.15 s of CPU each): once for a fresh salt it mints because this
                // temporary workspace has no stack settings file, once for the state's own. Falling back
                // to the state's secrets manager (pulumi/pulumi#16412) derives only the latter, which is
                // the key the state's secrets are encrypted with anyway.
                ...(options.secretsProvider === 'passphrase' ? { PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER: 'true' } : {}),
                ...options.envVars,
                // The backend is also given by variable: PULUMI_BACKEND_URL from the user's shell would
                // otherwise beat the project setting.
                PULUMI_BACKEND_URL: options.target.backendUrl,
            },
            ...(options.secretsProvider ? { secretsProvider: options.secretsProvider } : {}),
        });
        const name = options.target.stackName;
        const known = stackExistsInState(options.target);
        let stack;
        if (known === true) {
            // The state folder shows the stack: skip `pulumi stack select` (every command names the
            // stack with --stack, so nothing depends on the selection).
            workspace.selectStack = async () => undefined;
            stack = await Stack.select(name, workspace);
        }
        else if (known === false && options.mode === 'select') {
            throw Object.assign(new Error(`no stack named '${name}' found`), { name: 'StackNotFoundError' });
        }
        else if (known === false) {
            stack = await Stack.create(name, workspace).catch((error) => {
                // Created by another run meanwhile.
                if (error instanceof Error && error.name === 'StackAlreadyExistsError')
                    return Stack.select(name, workspace);
                throw error;
            });
        }
        else {
            stack = options.mode === 'create' ? await Stack.createOrSelect(name, workspace) : await Stack.select(name, workspace);
        }
        return { stack, dispose };
    }
    catch (error) {
        await dispose();
        throw error;
    }
}
