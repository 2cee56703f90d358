// The environment openStack gives the engine: the target's backend always, and with the
// passphrase provider the state's own secrets manager (one key derivation per run, not two).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pulumiCommandFor } from '../../src/engine/pulumi-cli.js';
import { openStack } from '../../src/engine/workspace.js';
import type { StackTarget } from '../../src/stack/target-types.js';
import { tempHome } from '../helpers/engine.js';

/** A file-backend target whose stack already exists in the state folder: opening it starts no engine. */
function existingStack(state: string): StackTarget {
  const stacks = join(state, '.pulumi', 'stacks', 'my-project');
  mkdirSync(stacks, { recursive: true });
  writeFileSync(join(stacks, 'dev.json'), '{}');
  return {
    projectName: 'my-project',
    stackName: 'organization/my-project/dev',
    displayName: 'my-org/my-project/dev',
    organization: 'my-org',
    stack: 'dev',
    backendUrl: `file://${state}`,
    backendKind: 'file',
    sandbox: false,
  };
}

async function engineEnvOf(state: string, secretsProvider: string | undefined): Promise<Record<string, string>> {
  const pulumiCommand = await pulumiCommandFor({ path: '/nonexistent/bin/pulumi', version: '3.274.1', source: 'setting' });
  const opened = await openStack({
    target: existingStack(state),
    program: async () => ({}),
    pulumiCommand,
    envVars: { PULUMI_BACKEND_URL: 'https://api.pulumi.com', SOMETHING: 'kept' },
    ...(secretsProvider ? { secretsProvider } : {}),
    mode: 'select',
  });
  try {
    return { ...opened.stack.workspace.envVars };
  } finally {
    await opened.dispose();
  }
}

test('with the passphrase provider the engine falls back to the state secrets manager', async (t) => {
  const { home } = tempHome(t);
  const env = await engineEnvOf(join(home, 'state'), 'passphrase');
  assert.equal(env.PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER, 'true');
  assert.equal(env.PULUMI_BACKEND_URL, `file://${join(home, 'state')}`, "the target's backend beats the caller's variable");
  assert.equal(env.SOMETHING, 'kept');
});

test('without a passphrase (the backend encrypts) the engine keeps its own choice', async (t) => {
  const { home } = tempHome(t);
  const env = await engineEnvOf(join(home, 'state'), undefined);
  assert.equal(env.PULUMI_FALLBACK_TO_STATE_SECRETS_MANAGER, undefined);
});
