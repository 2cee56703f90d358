// Secret environment values, as the API keeps them: an argon2id hash each, never the value. The
// provider checks the values it holds against these hashes (alexedwards/argon2id reads the
// parameters from the hash itself), so any valid argon2id encoding works.
//
// On purpose lighter than the real API's `m=65536,t=3,p=64` (64 MiB and 64 lanes per hash, about
// 0.1 s of CPU each in the provider too): the sandbox keeps the format and the salting, and
// spends a millisecond.
import { randomBytes } from 'node:crypto';
import { argon2id } from 'hash-wasm';

const PARAMETERS = { parallelism: 1, iterations: 2, memorySize: 1024, hashLength: 32 } as const;

export function isArgon2idHash(value: string): boolean {
  return value.startsWith('$argon2id$');
}

export async function hashSecret(value: string): Promise<string> {
  return argon2id({ password: value, salt: randomBytes(16), ...PARAMETERS, outputType: 'encoded' });
}

/** name -> hash for every non-empty value of a request's secret map (`""` means "keep" on PATCH). */
export async function hashRequestSecrets(values: unknown): Promise<Record<string, string>> {
  if (typeof values !== 'object' || values === null) return {};
  const entries = Object.entries(values as Record<string, unknown>).filter(([, v]) => typeof v === 'string' && v !== '');
  const hashed = await Promise.all(entries.map(async ([name, v]) => [name, await hashSecret(v as string)] as const));
  return Object.fromEntries(hashed);
}

/**
 * The secret map after a request: on create every value is new; on PATCH a `""` keeps the stored
 * hash, a value replaces it, and a name left out is deleted (the provider relies on all three:
 * filterSecretEnvsToPatch in the Terraform provider).
 */
export function nextSecrets(current: Record<string, string>, sent: unknown, hashes: Record<string, string>): Record<string, string> {
  if (typeof sent !== 'object' || sent === null) return current;
  const next: Record<string, string> = {};
  for (const [name, value] of Object.entries(sent as Record<string, unknown>)) {
    if (value === '' && current[name] !== undefined) next[name] = current[name]!;
    else if (hashes[name] !== undefined) next[name] = hashes[name]!;
  }
  return next;
}
