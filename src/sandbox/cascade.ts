// Deletions that take other objects with them: a container takes its triggers, a namespace its
// containers (namespaces.ts). The deleted objects are `deleting` until their transition ends.
import { nowText, type CallContext } from './context.js';
import { begin } from './lifecycle.js';
import type { Cloud } from './store.js';
import type { ContainerWire, TriggerWire } from './wire.js';

export function beginContainerDeletion(cloud: Cloud, ctx: CallContext, container: ContainerWire): void {
  for (const trigger of Object.values(cloud.triggers)) {
    if (trigger.container_id === container.id && trigger.status !== 'deleting') beginTriggerDeletion(ctx, trigger);
  }
  container.updated_at = nowText(ctx.now);
  begin(container, 'deleting', ctx.now, ctx.transitionMs, 'gone');
}

export function beginTriggerDeletion(ctx: CallContext, trigger: TriggerWire): void {
  trigger.updated_at = nowText(ctx.now);
  begin(trigger, 'deleting', ctx.now, ctx.transitionMs, 'gone');
}
