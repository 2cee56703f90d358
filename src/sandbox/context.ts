// What every handler gets besides the request: the clock, the region of the URL, how long
// transitions last and what the fault rules decided for this call.
import type { DeployFailure } from './fault-gate.js';
export interface CallContext {
  readonly region: string;
  readonly now: number;
  /** How long `creating`/`updating`/`deleting` last (ms). */
  readonly transitionMs: number;
  /** The organization of the caller's credentials (new namespaces belong to it); else their project's id. */
  readonly organizationId?: string;
  /** A deployment of this call ends in `error` (a `status` fault fired). */
  readonly deployFailure?: DeployFailure;
}

const NAME_RULE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Namespace, container and trigger names: DNS labels (they end up in the container's domain). */
export function nameProblem(kind: string, name: string): string | undefined {
  if (NAME_RULE.test(name) && name.length <= 63) return undefined;
  return `${kind} names use lowercase letters, digits and hyphens, start and end with a letter or digit, 63 characters at most`;
}

export function nowText(now: number): string {
  return new Date(now).toISOString();
}
