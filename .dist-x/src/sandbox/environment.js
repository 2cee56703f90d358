// What a sandbox run changes: a local file backend under $OPENMCF_HOME/sandbox/state (never a real
// stack, unless --backend names one), and the simulated Scaleway API (src/sandbox/api/), started
// for the run, that the real provider reaches through SCW_API_URL. The engine, the provider and
// every request they make are the real ones; only Scaleway's side is simulated.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { invalidInput } from '../errors.js';
import { FAULTS_ENV } from './faults.js';
import { startLocalApi } from './api/server.js';
/** Said after every sandbox run, so nobody mistakes it for a deployment. */
export const SANDBOX_NOTICE = 'sandbox: nothing real was deployed; resources exist only in the simulated Scaleway cloud under';
export function sandboxSettings(home) {
    const root = join(home, 'sandbox');
    const stateDir = join(root, 'state');
    const storeDir = join(root, 'api');
    mkdirSync(stateDir, { recursive: true });
    mkdirSync(storeDir, { recursive: true });
    // Pulumi strips `file://` textually: no percent-encoding, or a home with spaces would break.
    return { backendUrl: `file://${stateDir}`, storeDir };
}
/** Starts the local API for one run; OPENMCF_SANDBOX_FAULTS applies to it. */
export async function startSandbox(settings, env) {
    let api;
    try {
        api = await startLocalApi({ storeDir: settings.storeDir, ...(env[FAULTS_ENV] !== undefined ? { faults: env[FAULTS_ENV] } : {}) });
    }
    catch (error) {
        // A rule that cannot be read is the user's input, said before any engine starts.
        if (error instanceof Error && error.message.startsWith(FAULTS_ENV))
            throw invalidInput(error.message, 'sandbox.faults', `fix the rule or unset ${FAULTS_ENV} (syntax: <operation>:<Resource>=<effect>[*<count>], see the README)`);
        throw error;
    }
    return {
        api,
        env: {
            // The environment beats the provider's `scaleway:apiUrl` config (and any profile).
            SCW_API_URL: api.url,
            // The engine is a short-lived Go process with a small heap here: collecting garbage costs it
            // more CPU than the memory it frees is worth. The limit brings the collector back should a
            // run ever grow.
            GOGC: 'off',
            GOMEMLIMIT: '512MiB',
        },
    };
}
