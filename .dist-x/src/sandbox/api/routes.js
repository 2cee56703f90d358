const PATH = /^\/containers\/v1\/regions\/([a-z]{2}-[a-z]{3,7})\/(namespaces|containers|triggers)(?:\/([^/]+)(\/redeploy)?)?\/?$/;
const KINDS = { namespaces: 'namespace', containers: 'container', triggers: 'trigger' };
export const FAULT_RESOURCE = { namespace: 'Namespace', container: 'Container', trigger: 'Cron' };
export function route(method, pathname) {
    const match = PATH.exec(pathname);
    if (!match)
        return undefined;
    const [, region, collection, id, redeploy] = match;
    const base = { region, collection, kind: KINDS[collection] };
    if (redeploy !== undefined)
        return method === 'POST' && collection === 'containers' && id ? { ...base, id, action: 'redeploy' } : undefined;
    if (id === undefined) {
        if (method === 'POST')
            return { ...base, action: 'create' };
        if (method === 'GET')
            return { ...base, action: 'list' };
        return undefined;
    }
    if (method === 'GET')
        return { ...base, id, action: 'get' };
    if (method === 'PATCH')
        return { ...base, id, action: 'update' };
    if (method === 'DELETE')
        return { ...base, id, action: 'delete' };
    return undefined;
}
/** The fault operation a call counts as (`read` covers every GET: refreshes and the provider's polling). */
export function faultOperation(action) {
    if (action === 'create')
        return 'create';
    if (action === 'update' || action === 'redeploy')
        return 'update';
    if (action === 'delete')
        return 'delete';
    return 'read';
}
