const TYPES = {
    'scaleway:containers/namespace:Namespace': { word: 'namespace', namePrefix: 'namespace' },
    'scaleway:containers/container:Container': { word: 'container', namePrefix: 'container' },
    'scaleway:containers/cron:Cron': { word: 'cron trigger', namePrefix: 'cron-' },
};
/** `container`, `cron trigger hourly-sync`, or `<type> <name>` for anything else. */
export function resourceLabel(resource) {
    const known = TYPES[resource.type];
    if (!known)
        return `${resource.type} ${resource.name}`;
    if (resource.name === known.namePrefix)
        return known.word;
    const name = resource.name.startsWith(known.namePrefix) ? resource.name.slice(known.namePrefix.length) : resource.name;
    return `${known.word} ${name}`;
}
