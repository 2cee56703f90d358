// The secrets provider, set up so that no run ever prompts. Pulumi Cloud encrypts secrets itself.
// Self-managed backends (file, s3, ...) use the passphrase provider, which needs
// PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE: the user's own when set; otherwise a
// passphrase generated once and kept in $OPENMCF_HOME/passphrase (mode 0600). Sandbox runs always
// use their own passphrase under the sandbox folder, whatever the user has set, so that sandbox
// state never depends on (or reveals) the real one; except a sandbox run on a backend the user
// named (`--sandbox --backend`), shared by several runners, which takes PULUMI_CONFIG_PASSPHRASE(_FILE)
// when set: every runner must encrypt with the same passphrase. New stacks on the sandbox's own
// backend use the local API's transit key, derived from the sandbox passphrase, instead of the
// passphrase provider (see sandbox/secrets-key.ts); stacks made before keep the passphrase
// provider, which PULUMI_CONFIG_PASSPHRASE still opens.
import { randomBytes } from 'node:crypto';
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { invalidInput } from '../core/errors.js';
import { SecretValues } from '../core/secrets.js';
import { errorCode, readOptionalFile } from '../core/optional-file.js';
import type { BackendKind } from './target-types.js';
import { SANDBOX_SECRETS_PROVIDER, sandboxTransitKey, type TransitKey } from '../sandbox/secrets-key.js';

export interface SecretsProviderOptions {
  readonly backendKind: BackendKind;
  readonly env: NodeJS.ProcessEnv;
  readonly openmcfHome: string;
  readonly sandbox: boolean;
  /** A sandbox run whose state is on a backend the user named, not the sandbox folder's. */
  readonly sandboxOnUserBackend?: boolean;
  /** The sandbox folder (default `$OPENMCF_HOME/sandbox`). */
  readonly sandboxHome?: string;
  /**
   * The stacks of this run that already exist in the state (as `org/project/stack`, and where):
   * they were encrypted with the stored passphrase, so a missing passphrase file is not replaced
   * while there are any. Empty where existence cannot be told cheaply (s3, ...).
   */
  readonly existingStacks?: { readonly names: readonly string[]; readonly backend: string };
}

export interface SecretsProviderSetup {
  /** To be set on the engine process, over the inherited environment. */
  readonly envVars: Record<string, string>;
  /** The `secretsProvider` for new stacks; undefined means the backend's default (Pulumi Cloud). */
  readonly secretsProvider: 'passphrase' | typeof SANDBOX_SECRETS_PROVIDER | undefined;
  /** For the sandbox's own backend: the key the local API must serve for that provider. */
  readonly sandboxTransit?: TransitKey;
  /** Set once, when a passphrase was generated: what the user should know about it. */
  readonly notice?: string;
  /** The passphrase (the user's or the stored one) and the sandbox's transit token, for the run to
   * mask in all output. */
  readonly secrets: SecretValues;
}

export const PASSPHRASE_FILE_NAME = 'passphrase';

export async function prepareSecretsProvider(options: SecretsProviderOptions): Promise<SecretsProviderSetup> {
  const { env } = options;
  if (options.sandbox && !(options.sandboxOnUserBackend === true && userPassphraseSet(env))) {
    const folder = options.sandboxHome ?? join(options.openmcfHome, 'sandbox');
    const { passphrase } = await storedPassphrase(join(resolve(folder), PASSPHRASE_FILE_NAME), { existing: options.existingStacks, sandboxFolder: resolve(folder) });
    if (options.sandboxOnUserBackend === true) return { envVars: { PULUMI_CONFIG_PASSPHRASE: passphrase }, secretsProvider: 'passphrase', secrets: SecretValues.of(passphrase) };
    const sandboxTransit = sandboxTransitKey(passphrase);
    return {
      envVars: { PULUMI_CONFIG_PASSPHRASE: passphrase },
      secretsProvider: SANDBOX_SECRETS_PROVIDER,
      sandboxTransit,
      secrets: SecretValues.of(passphrase, sandboxTransit.token),
    };
  }
  if (options.backendKind === 'cloud' && !options.sandbox) return { envVars: {}, secretsProvider: undefined, secrets: SecretValues.none };

  // Pulumi reads PULUMI_CONFIG_PASSPHRASE first (an empty value counts), then the _FILE variant.
  if (env.PULUMI_CONFIG_PASSPHRASE !== undefined) {
    return { envVars: {}, secretsProvider: 'passphrase', secrets: SecretValues.of(env.PULUMI_CONFIG_PASSPHRASE) };
  }
  if ((env.PULUMI_CONFIG_PASSPHRASE_FILE ?? '') !== '') return { envVars: {}, secretsProvider: 'passphrase', secrets: SecretValues.none };

  const path = join(resolve(options.openmcfHome), PASSPHRASE_FILE_NAME);
  const { passphrase, created } = await storedPassphrase(path, { existing: options.existingStacks });
  return {
    envVars: { PULUMI_CONFIG_PASSPHRASE: passphrase },
    secretsProvider: 'passphrase',
    secrets: SecretValues.of(passphrase),
    ...(created
      ? {
          notice:
            `Generated a passphrase to encrypt secrets in the Pulumi state and saved it in ${path} (readable only by you). ` +
            "Keep that file: the stacks' secrets cannot be decrypted without it. " +
            'To use your own passphrase instead, set PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE before the first run.',
        }
      : {}),
  };
}

/** Reads the passphrase at `path`, creating it first when missing. Safe when runs race: the file
 * appears atomically (written aside, then hard-linked into place), so nobody reads it half written. */
interface Protected {
  readonly existing?: { readonly names: readonly string[]; readonly backend: string } | undefined;
  readonly sandboxFolder?: string;
}

async function storedPassphrase(path: string, protects: Protected): Promise<{ passphrase: string; created: boolean }> {
  const existing = await readPassphrase(path);
  if (existing !== undefined) return { passphrase: existing, created: false };
  refuseToReplace(path, protects);

  await mkdir(resolve(path, '..'), { recursive: true, mode: 0o700 });
  const fresh = randomBytes(32).toString('base64url');
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(aside, fresh, { mode: 0o600 });
  try {
    await link(aside, path);
    return { passphrase: fresh, created: true };
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    const winner = await readPassphrase(path);
    if (winner === undefined) throw error;
    return { passphrase: winner, created: false };
  } finally {
    await unlink(aside).catch(() => undefined);
  }
}

function userPassphraseSet(env: NodeJS.ProcessEnv): boolean {
  return env.PULUMI_CONFIG_PASSPHRASE !== undefined || (env.PULUMI_CONFIG_PASSPHRASE_FILE ?? '') !== '';
}

/**
 * A passphrase file that is gone while this run's stacks exist is a lost key, not a first run: a
 * new passphrase would not decrypt them (the engine then fails asking for PULUMI_CONFIG_PASSPHRASE,
 * which the sandbox does not even read), and writing one would take the place a restored backup
 * belongs in. Say which file is missing and what it protected.
 */
function refuseToReplace(path: string, protects: Protected): void {
  const stacks = protects.existing?.names ?? [];
  if (stacks.length === 0) return;
  const which = `stack${stacks.length === 1 ? '' : 's'} ${stacks.slice(0, 3).join(', ')}${stacks.length > 3 ? ', ...' : ''}`;
  throw invalidInput(
    `the passphrase file ${path} is missing, but ${which} in ${protects.existing?.backend} ${stacks.length === 1 ? 'was' : 'were'} encrypted with it; ` +
      'openmcf does not write a new passphrase over a lost one',
    'passphrase-missing',
    protects.sandboxFolder !== undefined
      ? `restore ${path} from a backup; or, to start the sandbox over, delete ${protects.sandboxFolder} (its simulated cloud and state go with it)`
      : `restore ${path} from a backup, or set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE) to the passphrase the stack was created with`,
  );
}

async function readPassphrase(path: string): Promise<string | undefined> {
  const text = await readOptionalFile(path, () =>
    invalidInput(`cannot read the passphrase file ${path}`, 'passphrase-unreadable', 'fix its permissions, or set PULUMI_CONFIG_PASSPHRASE'),
  );
  if (text === undefined) return undefined;
  const passphrase = text.trim();
  if (passphrase === '') {
    throw invalidInput(
      `the passphrase file ${path} is empty`,
      'passphrase-empty',
      'restore it from a backup, or set PULUMI_CONFIG_PASSPHRASE to the passphrase the stacks were created with',
    );
  }
  return passphrase;
}
