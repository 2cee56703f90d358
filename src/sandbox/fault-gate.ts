// OPENMCF_SANDBOX_FAULTS rules (syntax in ../faults.ts) at the API's door: a `delay` rule makes
// every call on its resource slower, a 409/500 rule answers the call with that error, a `status`
// rule makes a container's deployment end in `error`. Counted rules (`*N`) keep their tally in
// the store, so they hold across processes and successive runs.
import { setTimeout as sleep } from 'node:timers/promises';
import { matchingFaults, type FaultOperation, type FaultRule, type SandboxResource } from './faults.js';
import { internalError, transientState } from './api-errors.js';
import { updateCloud } from './store.js';
import type { Kind } from './wire.js';

/** A deployment that ends in `error`; without a message, the platform's start failure (faults.ts). */
export interface DeployFailure {
  readonly message?: string;
}

export class FaultGate {
  constructor(
    private readonly storeDir: string,
    private readonly rules: readonly FaultRule[],
  ) {}

  /** Waits out delay rules, then throws the API error of a firing 409/500 rule. */
  async enter(operation: FaultOperation, resource: SandboxResource, subject: { kind: Kind; id: string; state: string }): Promise<void> {
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
