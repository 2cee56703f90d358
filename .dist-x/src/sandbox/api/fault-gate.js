// OPENMCF_SANDBOX_FAULTS rules (syntax in ../faults.ts) at the API's door: a `delay` rule makes
// every call on its resource slower, a 409/500 rule answers the call with that error, a `status`
// rule makes a container's deployment end in `error`. Counted rules (`*N`) keep their tally in
// the store, so they hold across processes and successive runs.
import { setTimeout as sleep } from 'node:timers/promises';
import { matchingFaults } from '../faults.js';
import { internalError, transientState } from './errors.js';
import { updateCloud } from './store.js';
export class FaultGate {
    storeDir;
    rules;
    constructor(storeDir, rules) {
        this.storeDir = storeDir;
        this.rules = rules;
    }
    /** Waits out delay rules, then throws the API error of a firing 409/500 rule. */
    async enter(operation, resource, subject) {
        for (const rule of matchingFaults(this.rules, 'delay', resource)) {
            if (rule.effect.kind === 'delay' && (await this.fires(rule)))
                await sleep(rule.effect.ms);
        }
        for (const rule of matchingFaults(this.rules, operation, resource)) {
            if (rule.effect.kind !== 'http' || !(await this.fires(rule)))
                continue;
            throw rule.effect.status === 409 ? transientState(subject.kind, subject.id, subject.state) : internalError();
        }
    }
    /** The message a container deployment ends with, when a `status` rule fires. */
    async deployError() {
        for (const rule of matchingFaults(this.rules, 'status', 'Container')) {
            if (rule.effect.kind === 'status' && (await this.fires(rule)))
                return rule.effect.message;
        }
        return undefined;
    }
    async fires(rule) {
        const limit = rule.count;
        if (limit === undefined)
            return true;
        return updateCloud(this.storeDir, (cloud) => {
            const hits = cloud.faultHits[rule.text] ?? 0;
            if (hits >= limit)
                return false;
            cloud.faultHits[rule.text] = hits + 1;
            return true;
        });
    }
}
