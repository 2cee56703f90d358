// OPENMCF_SANDBOX_FAULTS rules (syntax in ./faults.ts) at the API's door: a `hold` rule stops
// every call on its resource until the test releases it (through files under <store>/holds, so
// that a test in another process drives it), a `delay` rule makes every call on its resource
// slower, a 409/500 rule answers the call with that error, a `status` rule makes a container's
// deployment end in `error`. Counted rules (`*N`) keep their tally in the store, so they hold
// across processes and successive runs.
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { matchingFaults, type FaultOperation, type FaultRule, type SandboxResource } from './faults.js';
import { internalError, transientState } from './api-errors.js';
import { updateCloud } from './store.js';
import type { Kind } from './wire.js';

/** A deployment that ends in `error`; without a message, the platform's start failure (faults.ts). */
export interface DeployFailure {
  readonly message?: string;
}

/** The files of the hold `name`: `held` exists (a line per call) while a call waits on it;
 * creating `release` lets the waiting calls, and every later one, through. */
export function holdFiles(storeDir: string, name: string): { readonly held: string; readonly release: string } {
  const dir = join(storeDir, 'holds');
  return { held: join(dir, `${name}.held`), release: join(dir, `${name}.release`) };
}

/** How often a held call looks for its release file. */
const HOLD_POLL_MS = 25;

export class FaultGate {
  /** Aborted when the server closes: a call still held then ends (as a 500 nobody reads), so it
   * keeps no process alive. */
  private readonly closing = new AbortController();

  constructor(
    private readonly storeDir: string,
    private readonly rules: readonly FaultRule[],
  ) {}

  /** Waits for hold rules to be released and out delay rules, then throws the API error of a firing 409/500 rule. */
  async enter(operation: FaultOperation, resource: SandboxResource, subject: { kind: Kind; id: string; state: string }): Promise<void> {
    for (const rule of matchingFaults(this.rules, 'hold', resource)) {
      if (rule.effect.kind === 'hold' && (rule.effect.operation ?? operation) === operation) await this.hold(rule.effect.name, `${operation} ${resource}`);
    }
    for (const rule of matchingFaults(this.rules, 'delay', resource)) {
      if (rule.effect.kind === 'delay' && (await this.fires(rule))) await sleep(rule.effect.ms);
    }
    for (const rule of matchingFaults(this.rules, operation, resource)) {
      if (rule.effect.kind !== 'http' || !(await this.fires(rule))) continue;
      throw rule.effect.status === 409 ? transientState(subject.kind, subject.id, subject.state) : internalError();
    }
  }

  /**
   * Whether a deployment of `image` ends in `error` (a `status` rule fired: the first that applies,
   * an image-keyed rule only to its image), with the rule's message if it has one. The image is
   * looked up only when an image-keyed rule asks (it may take a read of the store).
   */
  async deployFailure(image: () => string | undefined): Promise<DeployFailure | undefined> {
    for (const rule of matchingFaults(this.rules, 'status', 'Container')) {
      if (rule.effect.kind !== 'status' || (rule.image !== undefined && rule.image !== image())) continue;
      if (await this.fires(rule)) return rule.effect.message !== undefined ? { message: rule.effect.message } : {};
    }
    return undefined;
  }

  /** Returns once the hold's release file exists; says that `call` waits in its held file meanwhile. */
  private async hold(name: string, call: string): Promise<void> {
    const files = holdFiles(this.storeDir, name);
    if (existsSync(files.release)) return;
    mkdirSync(dirname(files.held), { recursive: true, mode: 0o700 });
    appendFileSync(files.held, `${call}\n`);
    try {
      while (!existsSync(files.release)) await sleep(HOLD_POLL_MS, undefined, { signal: this.closing.signal });
    } catch {
      throw internalError();
    }
  }

  /** Ends the calls still held (the server is closing). */
  close(): void {
    this.closing.abort();
  }

  private async fires(rule: FaultRule): Promise<boolean> {
    const limit = rule.count;
    if (limit === undefined) return true;
    return updateCloud(this.storeDir, (cloud) => {
      const hits = cloud.faultHits[rule.text] ?? 0;
      if (hits >= limit) return false;
      cloud.faultHits[rule.text] = hits + 1;
      return true;
    });
  }
}
