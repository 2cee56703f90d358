// `openmcf engine install`: get the pinned Pulumi engine now (download, or build from Go modules),
// rather than on the first apply. Idempotent: an engine already found is reported, not rebuilt.
import { ExitCode } from '../errors.js';
import type { Io } from '../render/io.js';
import { resolvePulumiCli } from '../engine/pulumi-cli.js';

export interface EngineInstallFlags {
  readonly json?: boolean;
}

export async function engineInstall(flags: EngineInstallFlags, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const started = Date.now();
  const cli = await resolvePulumiCli({ env, install: true, onProgress: (line) => io.err(`engine: ${line}\n`) });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (flags.json) {
    io.out(`${JSON.stringify({ apiVersion: 'openmcf.org/engine/v1', ...cli, seconds: Number(seconds) }, null, 2)}\n`);
  } else {
    const how = cli.source === 'built' || cli.source === 'downloaded' ? `${cli.source} in ${seconds}s` : `already there (${cli.source})`;
    io.err(`pulumi v${cli.version} at ${cli.path}: ${how}\n`);
  }
  return ExitCode.ok;
}
