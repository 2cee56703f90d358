// Where openmcf keeps its own files: the engine cache (engine/v<version>/bin/pulumi), the sandbox
// (sandbox/state, sandbox/cloud) and the default local backend. One function so every part agrees.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
/** `$OPENMCF_HOME` when set and non-empty, else `~/.openmcf`. Always absolute. */
export function openmcfHome(env = process.env) {
    const configured = env.OPENMCF_HOME;
    if (configured !== undefined && configured.trim() !== '')
        return resolve(configured);
    return join(homedir(), '.openmcf');
}
