// The secret values of one run, as a value: found by the code that reads them (the manifest loader,
// the stack's credentials, passphrase and backend builders), returned with what they built, and
// merged by the run into the set its output is masked with (core/redactor.ts). Nothing here is
// shared between runs: two runs in one process each mask their own secrets.
//
// Masking is a last line of defence: secrets are also kept out of messages by construction; this
// catches what slips through (e.g. a cloud error echoing an argument).

/** What is printed in place of a secret. */
export const SECRET_MASK = '[secret]';

/** Values shorter than this are not masked: masking "1" or "on" would garble unrelated output. */
export const MIN_SECRET_LENGTH = 4;

/** An immutable set of secret values; `with` and `merge` return a new set. */
export class SecretValues {
  static readonly none = new SecretValues([]);

  /** Unique, longest first, so that a secret containing another is masked whole. A private field:
   * JSON.stringify and util.inspect of an object holding this set never show the values. */
  readonly #values: readonly string[];

  private constructor(values: Iterable<string>) {
    this.#values = [...new Set(values)].sort((a, b) => b.length - a.length);
  }

  /** The values worth masking among these (undefined and short ones are left out). */
  static of(...values: readonly (string | undefined)[]): SecretValues {
    return SecretValues.none.with(...values);
  }

  with(...values: readonly (string | undefined)[]): SecretValues {
    const added = values.filter((value): value is string => value !== undefined && value.length >= MIN_SECRET_LENGTH && !this.#values.includes(value));
    return added.length === 0 ? this : new SecretValues([...this.#values, ...added]);
  }

  merge(other: SecretValues): SecretValues {
    return other.size === 0 ? this : this.with(...other.#values);
  }

  get size(): number {
    return this.#values.length;
  }

  has(value: string): boolean {
    return this.#values.includes(value);
  }

  /** The text with every secret replaced by `[secret]`. */
  mask(text: string): string {
    let out = text;
    for (const secret of this.#values) if (out.includes(secret)) out = out.split(secret).join(SECRET_MASK);
    return out;
  }

  toJSON(): string {
    return `${SECRET_MASK} x${this.size}`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `SecretValues(${this.size})`;
  }
}

/**
 * Masks the secrets in an error's message, hint and stack, in place, and returns it: for a layer
 * that knows some values are secret and lets an error it did not write pass through it (a parse
 * error, a file system error), so the error is safe wherever it is printed.
 */
export function maskError<E>(error: E, secrets: SecretValues): E {
  if (secrets.size === 0 || !(error instanceof Error)) return error;
  error.message = secrets.mask(error.message);
  if (error.stack !== undefined) error.stack = secrets.mask(error.stack);
  // OpenmcfError's hint is readonly to its users, not to this: the error is being made safe.
  const withHint = error as Error & { hint?: unknown };
  if (typeof withHint.hint === 'string') withHint.hint = secrets.mask(withHint.hint);
  return error;
}
