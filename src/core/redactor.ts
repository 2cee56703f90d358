// The secrets one run of the CLI masks its output with. Created with the run's output (core/io.ts
// processIo), filled by the run as it learns secrets (manifests, credentials, passphrase, backend),
// and read by everything that writes: stdout, stderr, the live line and the top-level error
// printer, which so masks an error with every secret known when it is printed. One per run, never
// module state: a second run in the same process starts with none of the first one's secrets.
import { SecretValues } from './secrets.js';

export class Redactor {
  #known: SecretValues;

  constructor(initial: SecretValues = SecretValues.none) {
    this.#known = initial;
  }

  /** Masks these too from now on. */
  add(secrets: SecretValues): void {
    this.#known = this.#known.merge(secrets);
  }

  /** Every secret known so far. */
  get known(): SecretValues {
    return this.#known;
  }

  mask(text: string): string {
    return this.#known.mask(text);
  }
}
