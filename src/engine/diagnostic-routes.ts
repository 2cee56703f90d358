// Every engine of a run attaches to one shared `scaleway` plugin (shared-provider.ts), and the
// plugin sends its log messages (Check's verification warnings, ...) to the engine that attached
// last: a warning about one stack's resource can arrive in another stack's event stream. The
// resource's URN says whose it is (`urn:pulumi:<stack>::<project>::...`), so each diagnostic is
// handed to the listener of the stack it names, while that stack has an operation running.
import type { OperationEvent, OperationEventListener } from './events.js';
import { stackUrnPrefixOf } from './resource-urns.js';

export class DiagnosticRoutes {
  private readonly listeners = new Map<string, OperationEventListener>();

  /**
   * The listener to give the engine of the stack whose URNs start with `prefix`: events go to
   * `deliver`, except diagnostics about another stack's resource, which go to that stack's own
   * listener when it has one now. Call the returned `release` when the operation ends.
   */
  route(prefix: string, deliver: OperationEventListener): { listener: OperationEventListener; release: () => void } {
    this.listeners.set(prefix, deliver);
    const listener = (event: OperationEvent): void => {
      if (event.type === 'diagnostic' && event.resource) {
        const owner = stackUrnPrefixOf(event.resource.urn);
        if (owner !== undefined && owner !== prefix) {
          const other = this.listeners.get(owner);
          if (other) return other(event);
        }
      }
      deliver(event);
    };
    const release = (): void => {
      if (this.listeners.get(prefix) === deliver) this.listeners.delete(prefix);
    };
    return { listener, release };
  }
}
