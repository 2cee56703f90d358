export const STACK = 'organization/my-project/dev.ScalewayServerlessContainer.my-api';
export function urn(type, name) {
    return `urn:pulumi:${STACK.split('/')[2]}::my-project::${type}::${name}`;
}
export const CONTAINER = 'scaleway:containers/container:Container';
export const NAMESPACE = 'scaleway:containers/namespace:Namespace';
export const CRON = 'scaleway:containers/cron:Cron';
export function step(op, type, name, extra = {}) {
    return { op, urn: urn(type, name), type, provider: '', ...extra };
}
export function state(inputs, outputs = inputs) {
    return { type: '', urn: '', id: 'fr-par/1', parent: '', provider: '', inputs, outputs };
}
let sequence = 0;
export function pre(metadata, planning = false) {
    return { sequence: sequence++, timestamp: 0, resourcePreEvent: { metadata, planning } };
}
export function outputs(metadata, planning = false) {
    return { sequence: sequence++, timestamp: 0, resOutputsEvent: { metadata, planning } };
}
export function failed(metadata) {
    return { sequence: sequence++, timestamp: 0, resOpFailedEvent: { metadata, status: 1, steps: 1 } };
}
export function diagnostic(message, severity, urnValue) {
    return { sequence: sequence++, timestamp: 0, diagnosticEvent: { message, severity, color: 'never', ...(urnValue ? { urn: urnValue } : {}) } };
}
