// The checks `openmcf doctor` runs, one function each. A check never throws: it reports what it
// found and, when something is missing, what to do about it.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { OpenmcfError } from '../errors.js';
import { resolvePulumiCli } from '../engine/pulumi-cli.js';
import { installedPluginPath, resolveScalewayPlugin } from '../engine/provider-plugin.js';
import { chooseRunBackend } from './cloud/run-backend.js';
import { loadCredentials } from '../target/credentials.js';
import { PULUMI_ENGINE_VERSION } from '../version.js';
const MINIMUM_NODE = [20, 18];
export function checkNode() {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    const ok = major > MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor >= MINIMUM_NODE[1]);
    return {
        name: 'node',
        ok,
        summary: `Node.js ${process.version} at ${process.execPath}`,
        ...(ok ? {} : { fix: `openmcf needs Node.js ${MINIMUM_NODE.join('.')} or later` }),
    };
}
export async function checkEngine(options) {
    try {
        const cli = await resolvePulumiCli({ env: options.env, install: false });
        // Run it once: a cached binary is trusted by the resolver, doctor makes sure it works.
        const reported = execFileSync(cli.path, ['version'], { env: { ...options.env, PULUMI_SKIP_UPDATE_CHECK: 'true' }, encoding: 'utf8', timeout: 30_000 }).trim();
        const pinned = cli.version === PULUMI_ENGINE_VERSION ? '' : ` (openmcf pins v${PULUMI_ENGINE_VERSION}; this one is also supported)`;
        return { name: 'engine', ok: true, summary: `pulumi ${reported} at ${cli.path} (${SOURCE_TEXT[cli.source]})${pinned}` };
    }
    catch (error) {
        return failed('engine', error, 'run `openmcf engine install`, or set OPENMCF_PULUMI_CLI to a pulumi binary');
    }
}
const SOURCE_TEXT = {
    setting: 'from OPENMCF_PULUMI_CLI',
    path: 'found on PATH',
    cache: "openmcf's cache",
    downloaded: 'downloaded',
    built: 'built from Go modules',
};
const PLUGIN_SOURCE_TEXT = {
    setting: 'from OPENMCF_SCALEWAY_PLUGIN',
    installed: 'installed for the engine',
    cache: "openmcf's build, from its cache",
    built: 'built from Go modules',
};
/** The real provider, in sandbox runs too (only the API behind it is simulated there). */
export async function checkPlugin(options) {
    try {
        const plugin = await resolveScalewayPlugin({ env: options.env, install: false });
        return { name: 'plugin', ok: true, summary: `scaleway v${plugin.version} at ${plugin.path} (${PLUGIN_SOURCE_TEXT[plugin.source]})` };
    }
    catch (error) {
        const others = otherVersions(dirname(dirname(installedPluginPath(options.env))));
        const failure = failed('plugin', error, 'run `openmcf engine install`');
        return others.length > 0 ? { ...failure, summary: `${failure.summary} (found other versions: ${others.join(', ')})` } : failure;
    }
}
export async function checkBackend(options) {
    try {
        const { backend } = await chooseRunBackend(options);
        return { name: 'backend', ok: true, summary: `${backend.url} (${backend.kind} backend; ${backend.origin})` };
    }
    catch (error) {
        return failed('backend', error, 'pass --backend file:///some/folder or set PULUMI_BACKEND_URL');
    }
}
export async function checkCredentials(options) {
    try {
        const credentials = await loadCredentials({
            ...(options.providerConfig !== undefined ? { providerConfigPath: options.providerConfig } : {}),
            env: options.env,
            sandbox: options.sandbox,
            cwd: options.cwd,
        });
        const project = credentials.projectId ? `, project ${credentials.projectId}` : '';
        return { name: 'credentials', ok: true, summary: `${credentials.origin}${project}` };
    }
    catch (error) {
        return failed('credentials', error, 'set SCW_ACCESS_KEY and SCW_SECRET_KEY, or pass -p/--provider-config <file>');
    }
}
function failed(name, error, fallbackFix) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = error instanceof OpenmcfError ? error.hint : undefined;
    return { name, ok: false, summary: message, fix: hint ?? fallbackFix };
}
function otherVersions(pluginsDir) {
    try {
        return readdirSync(pluginsDir).filter((entry) => /^resource-scaleway-v/.test(entry) && !entry.endsWith('.lock') && !entry.endsWith('.partial')).map((entry) => entry.slice('resource-scaleway-'.length));
    }
    catch {
        return [];
    }
}
/** Whether a host name resolves within two seconds (no connection is made). */
