// One `scaleway` plugin process for a whole run. Left to itself, every engine (one per stack)
// launches its own plugin: a 60 MB Go program that builds the Terraform provider's schemas before
// it answers a single call, most of a core with ten manifests. Instead openmcf starts it once and
// every engine attaches to it through PULUMI_DEBUG_PROVIDERS (`scaleway:<port>`): the engine dials
// that port instead of launching a plugin, and never kills it (pkg/resource/plugin/
// provider_plugin.go, NewProvider). The plugin keeps no state between calls that one engine could
// spoil for another: every engine configures it with the same settings (the run's credentials
// and API URL, from the environment given here).
//
// It is started detached (its own process group), so a Ctrl-C at the terminal reaches only
// openmcf, which cancels the engines first; it is stopped when the run ends and when openmcf exits
// in any other way. A Go plugin does not notice its parent dying, so it runs under a small `sh`
// that waits on a pipe from openmcf and kills the plugin when that pipe closes: that covers
// openmcf being killed outright (kill -9) too.
import { spawn } from 'node:child_process';
/** Runs the plugin (`$1`) and kills it once stdin, a pipe from openmcf, reaches its end. */
const WATCHDOG = '"$1" </dev/null & plugin=$!; read -r _; kill "$plugin" 2>/dev/null';
/** How long the plugin may take to announce its port (a loaded CI machine is slow). */
const START_TIMEOUT_MS = 30_000;
/**
 * Starts `binary` with `env` (what a plugin launched by the engine would see) and resolves once
 * it listens. Undefined when it could not start: the engines then launch the plugin themselves
 * (it is put on their PATH as well) and report any problem with it.
 */
export async function startSharedProvider(binary, env) {
    let child;
    try {
        child = spawn('sh', ['-c', WATCHDOG, 'sh', binary], { env: { ...env }, detached: true, stdio: ['pipe', 'pipe', 'ignore'] });
    }
    catch {
        return undefined;
    }
    const stop = () => {
        process.removeListener('exit', stop);
        if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
            return;
        try {
            process.kill(-child.pid, 'SIGKILL'); // the group: the watchdog and the plugin
        }
        catch {
            /* already gone */
        }
    };
    process.on('exit', stop);
    const port = await new Promise((resolve) => {
        let text = '';
        const done = (value) => {
            clearTimeout(timer);
            child.stdout?.removeListener('data', onData);
            child.removeListener('exit', onExit);
            child.removeListener('error', onExit);
            resolve(value);
        };
        const onData = (chunk) => {
            text += chunk.toString('utf8');
            const line = /^(\d+)\r?\n/.exec(text);
            if (line)
                done(Number(line[1]));
        };
        const onExit = () => done(undefined);
        const timer = setTimeout(() => done(undefined), START_TIMEOUT_MS);
        child.stdout?.on('data', onData);
        child.once('exit', onExit);
        child.once('error', onExit);
    });
    if (port === undefined || child.pid === undefined) {
        stop();
        return undefined;
    }
    // Nothing else is expected on stdout; keep draining it so the plugin can never block on it.
    // Neither the pipes nor the process keep openmcf alive.
    child.stdout?.resume();
    for (const stream of [child.stdin, child.stdout])
        stream?.unref?.();
    child.unref();
    return { engineEnv: { PULUMI_DEBUG_PROVIDERS: `scaleway:${port}` }, pid: child.pid, stop };
}
