// Fault injection for the sandbox cloud, read by the sandbox provider from one environment
// variable, OPENMCF_SANDBOX_FAULTS: a comma-separated list of rules.
//
//   <operation>:<Resource>=<effect>[*<count>]
//
//   operation  create | update | delete | read (read = refresh)   effect: 409 | 500
//              status   (containers only)                          effect: error:<message>
//              delay    (every API call on that resource)          effect: <milliseconds>
//   Resource   Namespace | Container | Cron | *
//   *<count>   fire only the first <count> times (counted across processes, in the store);
//              without it the rule fires every time.
//
// Examples
//   create:Container=409                  every container create: "resource is in a transient state"
//   update:Container=500*1                the first container update gets an HTTP 500, later ones pass
//   status:Container=error:image not found   containers deploy, then end in status `error`
//   delay:Cron=2000                       each cron API call takes 2 s longer
//   create:Cron=409,delay:Container=500   several rules at once
//
// A message may contain commas: a comma only starts a new rule when an `<operation>:` follows.
// Bad syntax is an error of the provider (the run fails saying which rule), never ignored.
export const FAULTS_ENV = 'OPENMCF_SANDBOX_FAULTS';
const OPERATIONS = ['create', 'update', 'delete', 'read', 'status', 'delay'];
const RESOURCES = ['Namespace', 'Container', 'Cron', '*'];
const RULE_START = new RegExp(`,(?=\\s*(?:${OPERATIONS.join('|')}):)`);
export function parseFaults(text) {
    if (text === undefined || text.trim() === '')
        return [];
    return text.split(RULE_START).map((part) => parseRule(part.trim()));
}
function parseRule(text) {
    const match = /^([a-z]+):([A-Za-z*]+)=(.+)$/s.exec(text);
    if (!match)
        throw faultSyntax(text, 'expected <operation>:<Resource>=<effect>');
    const [, operation, resource, rawEffect] = match;
    if (!OPERATIONS.includes(operation))
        throw faultSyntax(text, `unknown operation "${operation}"; use one of ${OPERATIONS.join(', ')}`);
    if (!RESOURCES.includes(resource))
        throw faultSyntax(text, `unknown resource "${resource}"; use one of ${RESOURCES.join(', ')}`);
    const counted = /^(.*)\*(\d+)$/s.exec(rawEffect);
    const effectText = counted ? counted[1] : rawEffect;
    const count = counted ? Number.parseInt(counted[2], 10) : undefined;
    const effect = parseEffect(text, operation, resource, effectText);
    return { text, operation: operation, resource: resource, effect, ...(count !== undefined ? { count } : {}) };
}
function parseEffect(text, operation, resource, effect) {
    if (operation === 'delay') {
        if (!/^\d+$/.test(effect))
            throw faultSyntax(text, 'a delay is a whole number of milliseconds');
        return { kind: 'delay', ms: Number.parseInt(effect, 10) };
    }
    if (operation === 'status') {
        if (resource !== 'Container' && resource !== '*')
            throw faultSyntax(text, 'only containers have a status fault');
        const status = /^error:(.+)$/s.exec(effect);
        if (!status)
            throw faultSyntax(text, 'a status fault is error:<message>');
        return { kind: 'status', status: 'error', message: status[1].trim() };
    }
    if (effect !== '409' && effect !== '500')
        throw faultSyntax(text, 'an API fault is 409 (transient state) or 500 (internal error)');
    return { kind: 'http', status: effect === '409' ? 409 : 500 };
}
function faultSyntax(rule, reason) {
    return new Error(`${FAULTS_ENV}: cannot read rule "${rule}": ${reason}`);
}
/** Rules that apply to `operation` on `resource`, in the order written. */
export function matchingFaults(rules, operation, resource) {
    return rules.filter((rule) => rule.operation === operation && (rule.resource === '*' || rule.resource === resource));
}
