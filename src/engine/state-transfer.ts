// Export and import of a stack's checkpoint with its secrets left encrypted. The Automation API's
// own exportStack runs `pulumi stack export --show-secrets` and its importStack writes the
// deployment, secrets decrypted, to `$TMPDIR/automation-NNNNNN` (mode 0644), removed only when the
// import succeeds: after a hard kill or a failed import the stack's secrets stay on disk in plain
// text. Here the export keeps the ciphertext (`pulumi stack export` without --show-secrets; the
// engine imports it back under the stack's own secrets provider), and the file handed to
// `pulumi stack import` sits in a private folder (0700, the file 0600) removed in `finally`;
// folders a killed run left are swept by the next run (private-temp.ts).
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makePrivateFolder } from './private-temp.js';
import type { Deployment, Stack } from '@pulumi/pulumi/automation/index.js';

interface CommandResult {
  readonly stdout: string;
}

/** The workspace's own CLI runner: the stack's environment (backend, passphrase, PULUMI_HOME). */
function runPulumi(stack: Stack, args: string[]): Promise<CommandResult> {
  const workspace = stack.workspace as unknown as { runPulumiCmd(args: string[]): Promise<CommandResult> };
  return workspace.runPulumiCmd(args);
}

/** The checkpoint as `pulumi stack export` gives it: secret values stay ciphertext. */
export async function exportEncrypted(stack: Stack): Promise<Deployment> {
  const result = await runPulumi(stack, ['stack', 'export', '--stack', stack.name]);
  return JSON.parse(result.stdout) as Deployment;
}

/** Imports a deployment read with exportEncrypted (and changed), through a private file. */
export async function importEncrypted(stack: Stack, deployment: Deployment): Promise<void> {
  const folder = await makePrivateFolder('import');
  try {
    const file = join(folder, 'deployment.json');
    await writeFile(file, JSON.stringify(deployment), { mode: 0o600, flag: 'wx' });
    await runPulumi(stack, ['stack', 'import', '--file', file, '--stack', stack.name]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
