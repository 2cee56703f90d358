// Deletions that take other objects with them: a container takes its triggers, a namespace its
// containers (namespaces.ts). The deleted objects are `deleting` until their transition ends.
import { nowText } from './context.js';
import { begin } from './lifecycle.js';
export function beginContainerDeletion(cloud, ctx, container) {
    for (const trigger of Object.values(cloud.triggers)) {
        if (trigger.container_id === container.id && trigger.status !== 'deleting')
            beginTriggerDeletion(ctx, trigger);
    }
    container.updated_at = nowText(ctx.now);
    begin(container, 'deleting', ctx.now, ctx.transitionMs, 'gone');
}
export function beginTriggerDeletion(ctx, trigger) {
    trigger.updated_at = nowText(ctx.now);
    begin(trigger, 'deleting', ctx.now, ctx.transitionMs, 'gone');
}
