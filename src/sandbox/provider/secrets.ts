// Secret environment variables: the API stores and returns only hashes, so the provider's state
// keeps the values it sent. A refresh can still notice a secret changed in the cloud: its hash no
// longer matches, and the value is dropped from state, so the next update sends it again.
import { hashSecrets } from './api.js';
import { reveal, secret, stringMap } from './wire.js';

export function keptSecrets(sent: unknown, cloudHashes: Record<string, string>): unknown {
  if (sent === undefined) return undefined;
  const values = stringMap(reveal(sent));
  const hashes = hashSecrets(values);
  const kept = Object.fromEntries(Object.entries(values).filter(([name]) => hashes[name] === cloudHashes[name]));
  return secret(kept);
}
