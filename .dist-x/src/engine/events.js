// The project's own view of what the engine is doing. The Automation API's raw engine events are
// translated here (see translate-events.ts) so that renderers and commands never depend on the
// Pulumi SDK's event shapes, and so that change counts come from the steps themselves:
// preview's `changeSummary` can be missing on a new stack.
export function emptyChangeCounts() {
    return { create: 0, update: 0, replace: 0, delete: 0, same: 0 };
}
export function hasChanges(counts) {
    return counts.create + counts.update + counts.replace + counts.delete > 0;
}
