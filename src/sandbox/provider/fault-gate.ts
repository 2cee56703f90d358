// Applies OPENMCF_SANDBOX_FAULTS rules at the simulated API's door: delays first, then an HTTP
// error if a rule for this operation fires. Counted rules (`*N`) keep their tally in the store so
// it holds across the provider processes of successive engine runs.
import { setTimeout as sleep } from 'node:timers/promises';
import { matchingFaults, type FaultOperation, type FaultRule, type SandboxResource } from '../faults.js';
import { updateCloud } from '../store.js';
import { internalError, transientState, type ApiResource } from './api-errors.js';

/** What a 409 says is in a transient state: the real API names the resource that blocks. */
export interface TransientSubject {
  readonly resource: ApiResource;
  readonly id: string;
  readonly state: string;
}

export class FaultGate {
  constructor(
    private readonly storeDir: string,
    private readonly rules: readonly FaultRule[],
  ) {}

  /**
   * Wait out `delay` rules (unless the caller spends them elsewhere, e.g. while a container is
   * `creating`), then throw the API error of a firing 409/500 rule.
   */
  async enter(operation: FaultOperation, resource: SandboxResource, subject: TransientSubject, options: { delay?: boolean } = {}): Promise<void> {
    if (options.delay !== false) await this.delay(resource);
    for (const rule of matchingFaults(this.rules, operation, resource)) {
      if (rule.effect.kind !== 'http' || !(await this.fires(rule))) continue;
      throw rule.effect.status === 409 ? transientState(subject.resource, subject.id, subject.state) : internalError();
    }
  }

  async delay(resource: SandboxResource): Promise<void> {
    for (const rule of matchingFaults(this.rules, 'delay', resource)) {
      if (rule.effect.kind === 'delay' && (await this.fires(rule))) await sleep(rule.effect.ms);
    }
  }

  /** The error message a deploy ends with, when a `status` rule fires. */
  async deployError(): Promise<string | undefined> {
    for (const rule of matchingFaults(this.rules, 'status', 'Container')) {
      if (rule.effect.kind === 'status' && (await this.fires(rule))) return rule.effect.message;
    }
    return undefined;
  }

  private async fires(rule: FaultRule): Promise<boolean> {
    const limit = rule.count;
    if (limit === undefined) return true;
    return updateCloud(this.storeDir, (cloud) => {
      const hits = cloud.faultHits[rule.text] ?? 0;
      if (hits >= limit) return false;
      cloud.faultHits = { ...cloud.faultHits, [rule.text]: hits + 1 };
      return true;
    });
  }
}
