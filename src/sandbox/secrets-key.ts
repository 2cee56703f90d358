// The key that protects the secrets in the sandbox's own state. Sandbox stacks are created with
// Pulumi's `hashivault://openmcf-sandbox` secrets provider: the engine keeps a random data key
// per stack, wrapped by the local API's Vault transit endpoint (transit.ts) with a key derived
// here from the sandbox passphrase ($OPENMCF_HOME/sandbox/passphrase). The passphrase provider
// would stretch that passphrase with 1,000,000 rounds of PBKDF2 on every engine run (about 0.2 s
// of CPU per stack and operation); it is 32 random bytes already, so a single HMAC derives a key
// as strong. The trust is the same: whoever reads the passphrase file can decrypt the state.
import { createHmac } from 'node:crypto';

/** The transit key name, as the secrets provider URL and the API path give it. */
export const SANDBOX_TRANSIT_KEY_NAME = 'openmcf-sandbox';
export const SANDBOX_SECRETS_PROVIDER = `hashivault://${SANDBOX_TRANSIT_KEY_NAME}`;

export interface TransitKey {
  /** AES-256-GCM key that wraps the engine's data keys. */
  readonly key: Buffer;
  /** What the engine sends as X-Vault-Token (VAULT_SERVER_TOKEN): only holders of the
   * passphrase can ask the API to unwrap a data key. */
  readonly token: string;
}

export function sandboxTransitKey(passphrase: string): TransitKey {
  const derive = (purpose: string): Buffer => createHmac('sha256', passphrase).update(`openmcf sandbox transit ${purpose} v1`).digest();
  return { key: derive('key'), token: derive('token').toString('hex') };
}

/** The engine's environment for the hashivault provider, pointed at the running local API. */
export function transitEngineEnv(apiUrl: string, key: TransitKey): Record<string, string> {
  return { VAULT_SERVER_URL: apiUrl, VAULT_SERVER_TOKEN: key.token };
}
