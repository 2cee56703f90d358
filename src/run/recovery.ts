// What recovery (engine/settle-stack.ts) needs to know of one stack, and what it says it did.
import type { RecoveryContext, Settlement } from '../engine/pending-creates.js';
import { stackUrnPrefix } from '../engine/resource-urns.js';
import { declaredObjects } from '../program/declared-objects.js';
import { resourceLabel } from '../render/resource-label.js';
import type { PreparedStack } from './prepare.js';

export function recoveryContext(prepared: PreparedStack): RecoveryContext {
  const owner = prepared.target.displayName;
  return { owner, urnPrefix: stackUrnPrefix(prepared.target), declared: declaredObjects(prepared.loaded.manifest, owner) };
}

/** One line per settlement; conflicts are said by the error that follows them. */
export function settlementLine(label: string, settlement: Settlement): string | undefined {
  if (settlement.kind === 'conflict') return undefined;
  const what = resourceLabel({ urn: settlement.urn, type: settlement.type, name: settlement.name });
  switch (settlement.kind) {
    case 'taken':
      return `${label}: an interrupted run had created the ${what} (${settlement.cloudId}) without recording it: taken into the state`;
    case 'adopted':
      return `${label}: the cloud has the ${what} (${settlement.cloudId}) that a failed or interrupted run made without recording it: taken into the state`;
    case 'dropped':
      return `${label}: an interrupted run's create of the ${what} never reached the cloud: dropped from the state`;
  }
}
