// Vault's transit secrets engine, the two calls Pulumi's hashivault secrets provider makes (through
// gocloud.dev/secrets/hashivault and Vault's Go client): `PUT /v1/transit/encrypt/<key>` with
// `{"plaintext": <base64>}` answers `{"data": {"ciphertext": "vault:v1:..."}}`, and
// `PUT /v1/transit/decrypt/<key>` the reverse. The engine wraps each sandbox stack's data key here
// (see ../secrets-key.ts); the values themselves are encrypted by the engine with that data key.
// Errors use Vault's body, `{"errors": [...]}`.
import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { SANDBOX_TRANSIT_KEY_NAME, type TransitKey } from './secrets-key.js';
import type { Body } from './wire.js';

export const TRANSIT_PREFIX = '/v1/transit/';
const CIPHERTEXT_PREFIX = 'vault:v1:';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface TransitAnswer {
  readonly status: number;
  readonly payload: unknown;
}

export function answerTransit(key: TransitKey | undefined, method: string, path: string, token: unknown, body: Body): TransitAnswer {
  if (key === undefined) return failure(404, 'no handler for route: this sandbox API serves no transit key');
  if (typeof token !== 'string' || !sameText(token, key.token)) return failure(403, 'permission denied');
  const match = /^\/v1\/transit\/(encrypt|decrypt)\/([^/]+)$/.exec(path);
  if (!match || (method !== 'PUT' && method !== 'POST')) return failure(405, `unsupported operation ${method} ${path}`);
  if (match[2] !== SANDBOX_TRANSIT_KEY_NAME) return failure(400, `encryption key not found: ${match[2]} (this sandbox has only ${SANDBOX_TRANSIT_KEY_NAME})`);
  return match[1] === 'encrypt' ? encrypt(key.key, body.plaintext) : decrypt(key.key, body.ciphertext);
}

function encrypt(key: Buffer, plaintext: unknown): TransitAnswer {
  if (typeof plaintext !== 'string') return failure(400, 'missing plaintext to encrypt');
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const sealed = Buffer.concat([nonce, cipher.update(Buffer.from(plaintext, 'base64')), cipher.final(), cipher.getAuthTag()]);
  return { status: 200, payload: { data: { ciphertext: `${CIPHERTEXT_PREFIX}${sealed.toString('base64')}`, key_version: 1 } } };
}

function decrypt(key: Buffer, ciphertext: unknown): TransitAnswer {
  if (typeof ciphertext !== 'string' || !ciphertext.startsWith(CIPHERTEXT_PREFIX)) return failure(400, 'invalid ciphertext: no prefix');
  const sealed = Buffer.from(ciphertext.slice(CIPHERTEXT_PREFIX.length), 'base64');
  if (sealed.length < NONCE_BYTES + TAG_BYTES) return failure(400, 'invalid ciphertext: too short');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
    return { status: 200, payload: { data: { plaintext: plain.toString('base64') } } };
  } catch {
    // What a user sees through the engine: the likely cause and the way out.
    return failure(
      400,
      "cipher: message authentication failed: this stack's secrets were encrypted with another sandbox passphrase (the file $OPENMCF_HOME/sandbox/passphrase changed since); restore it, or delete the sandbox folder to start over",
    );
  }
}

function failure(status: number, message: string): TransitAnswer {
  return { status, payload: { errors: [message] } };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
