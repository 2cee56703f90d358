// The two ways to get the pinned engine when none is found: the official binary through the
// Automation API's own installer (needs get.pulumi.com), or a build from Go modules with
// engine/build.sh (needs Go and the module proxy). Both put it at <root>/bin/pulumi.
import { spawn } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** engine/build.sh in the installed package (dist/src/engine/ -> package root). */
export const ENGINE_BUILD_SCRIPT = fileURLToPath(new URL('../../../engine/build.sh', import.meta.url));

/** Official installer (PulumiCommand.install); throws when the download site is unreachable. */
export async function downloadEngine(root: string, version: string): Promise<void> {
  const { PulumiCommand } = await import('@pulumi/pulumi/automation/index.js');
  const semver = await loadSdkSemver();
  await PulumiCommand.install({ root, version: new semver.SemVer(version), skipVersionCheck: false });
}

/** Runs engine/build.sh with OPENMCF_HOME set, streaming its lines to `onLine`. */
export function buildEngineFromGo(home: string, env: NodeJS.ProcessEnv, onLine: (line: string) => void): Promise<void> {
  return runBuildScript(ENGINE_BUILD_SCRIPT, home, env, onLine);
}

/** Runs one of the package's build scripts (engine/, provider/) with OPENMCF_HOME set, line by line. */
export function runBuildScript(script: string, home: string, env: NodeJS.ProcessEnv, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', [script], {
      env: { ...env, OPENMCF_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const relay = (chunk: Buffer) => {
      const text = tail + chunk.toString('utf8');
      const lines = text.split('\n');
      tail = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') onLine(line);
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.on('error', reject);
    child.on('close', (code) => {
      if (tail.trim() !== '') onLine(tail);
      if (code === 0) resolve();
      else reject(new Error(`${basename(dirname(script))}/${basename(script)} exited with code ${code}`));
    });
  });
}

type SemverModule = typeof import('semver');

/** The `semver` the Automation API itself uses (a dependency of @pulumi/pulumi, not of ours). */
export async function loadSdkSemver(): Promise<SemverModule> {
  const { createRequire } = await import('node:module');
  const requireFromHere = createRequire(import.meta.url);
  const sdkEntry = requireFromHere.resolve('@pulumi/pulumi');
  return createRequire(sdkEntry)('semver') as SemverModule;
}
