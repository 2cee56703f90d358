// What the program and the preview take from a stack's state besides the container's last
// deployment (last-deployment.ts): the cron args as recorded (program/recorded-stack.ts), and
// whether the original OpenMCF CLI created the stack, which the preview says.
import { resourceNameOfUrn } from '../engine/resource-urns.js';
import type { StackState } from '../engine/stack-state.js';
import type { RecordedStack } from '../program/recorded-stack.js';

const CRON_TYPE = 'scaleway:containers/cron:Cron';

export function recordedStackOf(state: StackState): RecordedStack {
  const cronArgs: Record<string, string> = {};
  for (const resource of state.resources) {
    const args = resource.inputs?.args;
    if (resource.type === CRON_TYPE && typeof args === 'string') cronArgs[resourceNameOfUrn(resource.urn)] = args;
  }
  return { cronArgs };
}

/**
 * The original OpenMCF CLI declared an explicit provider resource named `scaleway`; openmcf uses
 * the default provider. A stack with the former is one that CLI created (or one openmcf has not
 * updated since).
 */
export function createdByOriginalCli(state: StackState): boolean {
  return state.resources.some((resource) => resource.type === 'pulumi:providers:scaleway' && resourceNameOfUrn(resource.urn) === 'scaleway');
}

/** Said before the plan of such a stack: what taking it over changes besides the plan's lines. */
export const TAKE_OVER_NOTICE =
  'created by the original OpenMCF CLI: openmcf takes this stack over in place, and removes its `scaleway` provider resource with the credentials it kept in the state';
