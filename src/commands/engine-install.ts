// `openmcf engine install`: get the pinned Pulumi engine and the `scaleway` plugin now (download,
// or build from Go modules), rather than on the first apply. Idempotent: what is already there is
// reported, not rebuilt.
import { ExitCode } from '../core/errors.js';
import type { Io } from '../core/io.js';
import { resolvePulumiCli } from '../engine/pulumi-cli.js';
import { resolveScalewayPlugin } from '../engine/provider-plugin.js';

export interface EngineInstallOptions {
  readonly json: boolean;
}

export async function engineInstall(options: EngineInstallOptions, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const progress = (line: string): void => io.err(`engine: ${line}\n`);
  const started = Date.now();
  const cli = await resolvePulumiCli({ env, install: true, onProgress: progress });
  const engineSeconds = seconds(started);
  const pluginStarted = Date.now();
  const plugin = await resolveScalewayPlugin({ env, install: true, onProgress: progress });
  const pluginSeconds = seconds(pluginStarted);
  if (options.json) {
    const document = { apiVersion: 'openmcf.org/engine/v1', ...cli, seconds: engineSeconds, plugin: { name: 'scaleway', ...plugin, seconds: pluginSeconds } };
    io.out(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    const engineHow = cli.source === 'built' || cli.source === 'downloaded' ? `${cli.source} in ${engineSeconds}s` : `already there (${cli.source})`;
    io.err(`pulumi v${cli.version} at ${cli.path}: ${engineHow}\n`);
    const pluginHow = plugin.source === 'built' ? `built in ${pluginSeconds}s` : `already there (${plugin.source})`;
    io.err(`scaleway plugin v${plugin.version} at ${plugin.path}: ${pluginHow}\n`);
  }
  return ExitCode.ok;
}

function seconds(since: number): number {
  return Number(((Date.now() - since) / 1000).toFixed(1));
}
