export function begin(object, status, now, durationMs, end, message) {
    object.status = status;
    delete object.error_message;
    object._settles_at = now + durationMs;
    object._settles_to = end;
    if (message !== undefined)
        object._settles_message = message;
    else
        delete object._settles_message;
}
/** Ends every transition due by `now`: ready or error in place, gone objects removed. */
export function settle(cloud, now) {
    // Recorded: a ready namespace has no error_message and keeps its updated_at; containers and
    // triggers gain `"error_message":""` and a new updated_at when they become ready.
    const tables = [[cloud.namespaces, false], [cloud.containers, true], [cloud.triggers, true]];
    for (const [table, reportsEnd] of tables) {
        for (const [id, object] of Object.entries(table)) {
            if (object._settles_at === undefined || object._settles_at > now)
                continue;
            const end = object._settles_to;
            if (end === 'gone') {
                delete table[id];
                continue;
            }
            object.status = end === 'error' ? 'error' : 'ready';
            if (end === 'error')
                object.error_message = object._settles_message ?? '';
            else if (reportsEnd)
                object.error_message = '';
            if (reportsEnd)
                object.updated_at = new Date(now).toISOString();
            delete object._settles_at;
            delete object._settles_to;
            delete object._settles_message;
        }
    }
}
export const TRANSIENT = new Set(['creating', 'updating', 'deleting', 'locking', 'upgrading', 'pending']);
