// The backend of a run, with the sandbox's own settings when --sandbox is given: one place for
// the cloud commands and `doctor`, so both always pick the same backend.
import { openmcfHome } from '../../engine/openmcf-home.js';
import { sandboxSettings } from '../../sandbox/environment.js';
import { chooseBackend } from '../../target/backend.js';
export async function chooseRunBackend(options) {
    const home = openmcfHome(options.env);
    const sandbox = options.sandbox ? sandboxSettings(home) : undefined;
    const backend = await chooseBackend({
        ...(options.backend !== undefined ? { flag: options.backend } : {}),
        env: options.env,
        openmcfHome: home,
        sandbox: options.sandbox,
        ...(sandbox ? { sandboxBackendUrl: sandbox.backendUrl } : {}),
        cwd: options.cwd,
    });
    return { home, backend, ...(sandbox ? { sandbox } : {}) };
}
