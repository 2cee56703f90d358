// Engine events shaped as the Automation API delivers them (fields as in
// @pulumi/pulumi/automation/events.d.ts), for translating without running the engine.
import type { EngineEvent, StepEventMetadata } from '@pulumi/pulumi/automation/index.js';

export const STACK = 'organization/my-project/dev.ScalewayServerlessContainer.my-api';

export function urn(type: string, name: string): string {
  return `urn:pulumi:${STACK.split('/')[2]}::my-project::${type}::${name}`;
}

export const CONTAINER = 'scaleway:containers/container:Container';
export const NAMESPACE = 'scaleway:containers/namespace:Namespace';
export const CRON = 'scaleway:containers/cron:Cron';

export function step(op: StepEventMetadata['op'], type: string, name: string, extra: Partial<StepEventMetadata> = {}): StepEventMetadata {
  return { op, urn: urn(type, name), type, provider: '', ...extra };
}

export function state(inputs: Record<string, unknown>, outputs: Record<string, unknown> = inputs) {
  return { type: '', urn: '', id: 'fr-par/1', parent: '', provider: '', inputs, outputs };
}

let sequence = 0;
export function pre(metadata: StepEventMetadata, planning = false): EngineEvent {
  return { sequence: sequence++, timestamp: 0, resourcePreEvent: { metadata, planning } };
}
export function outputs(metadata: StepEventMetadata, planning = false): EngineEvent {
  return { sequence: sequence++, timestamp: 0, resOutputsEvent: { metadata, planning } };
}
export function failed(metadata: StepEventMetadata): EngineEvent {
  return { sequence: sequence++, timestamp: 0, resOpFailedEvent: { metadata, status: 1, steps: 1 } };
}
export function diagnostic(message: string, severity: 'info' | 'warning' | 'error', urnValue?: string): EngineEvent {
  return { sequence: sequence++, timestamp: 0, diagnosticEvent: { message, severity, color: 'never', ...(urnValue ? { urn: urnValue } : {}) } };
}
