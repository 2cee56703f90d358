// `openmcf sandbox api`: the sandbox's local API in the foreground, for other tools.
import { invalidInput, ExitCode } from '../errors.js';
import { openmcfHome } from '../engine/openmcf-home.js';
import { FAULTS_ENV } from '../sandbox/faults.js';
import { sandboxSettings } from '../sandbox/environment.js';
import { startLocalApi } from '../sandbox/api/server.js';
export async function sandboxApi(flags, io, env = process.env) {
    const port = flags.port === undefined ? 0 : Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw invalidInput(`--port ${JSON.stringify(flags.port)} is not a port number`, 'flag.port', 'give a number from 1 to 65535, or leave --port out for a free one');
    }
    const settings = sandboxSettings(openmcfHome(env));
    let api;
    try {
        api = await startLocalApi({
            storeDir: settings.storeDir,
            port,
            ...(env[FAULTS_ENV] !== undefined ? { faults: env[FAULTS_ENV] } : {}),
            onRequest: (line) => io.err(`${line.method} ${line.path} ${line.status}\n`),
        });
    }
    catch (error) {
        const code = error.code;
        if (code === 'EADDRINUSE')
            throw invalidInput(`port ${port} on 127.0.0.1 is already in use`, 'flag.port', 'pick another --port, or leave it out for a free one');
        if (error instanceof Error && error.message.startsWith(FAULTS_ENV))
            throw invalidInput(error.message, 'sandbox.faults', `fix or unset ${FAULTS_ENV}`);
        throw error;
    }
    io.out(`${api.url}\n`);
    io.err(`sandbox API on ${api.url} (store: ${settings.storeDir}); Ctrl-C to stop\n`);
    await new Promise((resolve) => {
        const stop = () => {
            process.removeListener('SIGINT', stop);
            process.removeListener('SIGTERM', stop);
            resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
    });
    await api.close();
    return ExitCode.ok;
}
