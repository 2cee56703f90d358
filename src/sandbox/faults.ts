// Fault injection for the sandbox cloud, read by the sandbox provider from one environment
// variable, OPENMCF_SANDBOX_FAULTS: a comma-separated list of rules.
//
//   <operation>:<Resource>[@<image>]=<effect>[*<count>]
//
//   operation  create | update | delete | read (read = refresh)   effect: 409 | 500
//              status   (containers only)                          effect: error[:<message>]
//              delay    (every API call on that resource)          effect: <milliseconds>
//              hold     (every API call on that resource)          effect: <name> (letters, digits, . _ -)
//   Resource   Namespace | Container | Cron | *
//   @<image>   status rules only: the rule fires only for deployments of that image reference,
//              exactly as the container's `image` says it (`rg.fr-par.scw.cloud/team/api:v2`)
//   @<operation>  hold rules only: the rule holds only that operation's calls (create, update,
//              delete, read), e.g. the update of a run, after its preview's reads
//   *<count>   fire only the first <count> times (counted across processes, in the store);
//              without it the rule fires every time. Not for hold rules (a test releases them).
//
// A hold rule stops every call on its resource until the test releases it, so that a test opens
// a window (a run holding its stack lock, a create in flight) exactly when it wants, instead of
// guessing with a delay. While a call waits, `<store>/holds/<name>.held` exists (a line per held
// call); creating `<store>/holds/<name>.release` lets it, and every later call, through (see
// fault-gate.ts; <store> is $OPENMCF_HOME/sandbox/api for --sandbox runs).
//
// A status rule without a message ends the deployment in the platform's own words for an image
// that does not start: "Container is unable to start OR is not listening on port <port>" (with an
// HTTP probe: "... OR does not respond to HTTP requests on port <port> and path <path>").
//
// Examples
//   create:Container=409                  every container create: "resource is in a transient state"
//   update:Container=500*1                the first container update gets an HTTP 500, later ones pass
//   status:Container=error:image not found   containers deploy, then end in status `error`
//   status:Container@rg.fr-par.scw.cloud/team/api:v2=error   that image fails to start; others deploy
//   delay:Cron=2000                       each cron API call takes 2 s longer
//   hold:Container=apply-1                container calls wait until holds/apply-1.release exists
//   hold:Container@update=apply-1         only container updates wait (the run's preview reads pass)
//   create:Cron=409,delay:Container=500   several rules at once
//
// A message may contain commas: a comma only starts a new rule when an `<operation>:` follows.
// Bad syntax is an error of the provider (the run fails saying which rule), never ignored.

export type FaultOperation = 'create' | 'update' | 'delete' | 'read';
export type SandboxResource = 'Namespace' | 'Container' | 'Cron';

export type FaultEffect =
  | { readonly kind: 'http'; readonly status: 409 | 500 }
  /** No message: the platform's start failure, naming the container's port. */
  | { readonly kind: 'status'; readonly status: 'error'; readonly message?: string }
  | { readonly kind: 'delay'; readonly ms: number }
  /** Calls wait until the test creates the release file of `name` (fault-gate.ts). */
  | { readonly kind: 'hold'; readonly name: string; readonly operation?: FaultOperation };

export interface FaultRule {
  /** The rule as written; also its key for counting. */
  readonly text: string;
  readonly operation: FaultOperation | 'status' | 'delay' | 'hold';
  readonly resource: SandboxResource | '*';
  /** Status rules only: the image reference whose deployments it fails. */
  readonly image?: string;
  readonly effect: FaultEffect;
  /** Fire only this many times; undefined = always. */
  readonly count?: number;
}

export const FAULTS_ENV = 'OPENMCF_SANDBOX_FAULTS';

const FAULT_OPERATIONS = ['create', 'update', 'delete', 'read'] as const;
const OPERATIONS = ['create', 'update', 'delete', 'read', 'status', 'delay', 'hold'] as const;
const RESOURCES = ['Namespace', 'Container', 'Cron', '*'] as const;
const RULE_START = new RegExp(`,(?=\\s*(?:${OPERATIONS.join('|')}):)`);

export function parseFaults(text: string | undefined): FaultRule[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(RULE_START).map((part) => parseRule(part.trim()));
}

function parseRule(text: string): FaultRule {
  const match = /^([a-z]+):([A-Za-z*]+)(?:@([^=\s]+))?=(.+)$/s.exec(text);
  if (!match) throw faultSyntax(text, 'expected <operation>:<Resource>=<effect>');
  // After @: an image (status rules) or an operation (hold rules).
  const [, operation, resource, qualifier, rawEffect] = match as unknown as [string, string, string, string | undefined, string];
  if (!(OPERATIONS as readonly string[]).includes(operation)) throw faultSyntax(text, `unknown operation "${operation}"; use one of ${OPERATIONS.join(', ')}`);
  if (!(RESOURCES as readonly string[]).includes(resource)) throw faultSyntax(text, `unknown resource "${resource}"; use one of ${RESOURCES.join(', ')}`);
  if (qualifier !== undefined && operation === 'hold') {
    if (!(FAULT_OPERATIONS as readonly string[]).includes(qualifier)) throw faultSyntax(text, `a hold names an operation after @: one of ${FAULT_OPERATIONS.join(', ')}`);
  } else if (qualifier !== undefined && operation !== 'status') throw faultSyntax(text, 'only status rules name an image (status:Container@<image>=error)');

  const counted = /^(.*)\*(\d+)$/s.exec(rawEffect);
  const effectText = counted ? counted[1]! : rawEffect;
  const count = counted ? Number.parseInt(counted[2]!, 10) : undefined;
  if (count !== undefined && operation === 'hold') throw faultSyntax(text, 'a hold is not counted: it lasts until the test releases it');
  const effect = parseEffect(text, operation as FaultRule['operation'], resource, effectText, operation === 'hold' ? (qualifier as FaultOperation | undefined) : undefined);
  return {
    text,
    operation: operation as FaultRule['operation'],
    resource: resource as FaultRule['resource'],
    ...(qualifier !== undefined && operation === 'status' ? { image: qualifier } : {}),
    effect,
    ...(count !== undefined ? { count } : {}),
  };
}

/** `holdOperation`: hold rules only, the operation named after @ (the only calls it holds). */
function parseEffect(text: string, operation: FaultRule['operation'], resource: string, effect: string, holdOperation?: FaultOperation): FaultEffect {
  if (operation === 'delay') {
    if (!/^\d+$/.test(effect)) throw faultSyntax(text, 'a delay is a whole number of milliseconds');
    return { kind: 'delay', ms: Number.parseInt(effect, 10) };
  }
  if (operation === 'hold') {
    // The name becomes a file name under <store>/holds: nothing that could leave that folder.
    if (!/^[A-Za-z0-9._-]+$/.test(effect) || effect.startsWith('.')) throw faultSyntax(text, 'a hold is named with letters, digits, ".", "_" and "-" (hold:Container=<name>)');
    return { kind: 'hold', name: effect, ...(holdOperation !== undefined ? { operation: holdOperation } : {}) };
  }
  if (operation === 'status') {
    if (resource !== 'Container' && resource !== '*') throw faultSyntax(text, 'only containers have a status fault');
    const status = /^error(?::(.*))?$/s.exec(effect);
    if (!status) throw faultSyntax(text, 'a status fault is error or error:<message>');
    const message = status[1]?.trim();
    return { kind: 'status', status: 'error', ...(message ? { message } : {}) };
  }
  if (effect !== '409' && effect !== '500') throw faultSyntax(text, 'an API fault is 409 (transient state) or 500 (internal error)');
  return { kind: 'http', status: effect === '409' ? 409 : 500 };
}

function faultSyntax(rule: string, reason: string): Error {
  return new Error(`${FAULTS_ENV}: cannot read rule "${rule}": ${reason}`);
}

/**
 * The platform's `error_message` for a container that does not start (recorded): it names the
 * port, and the path of an HTTP probe when the container has one (liveness, else startup).
 */
export function startFailure(port: number, httpProbePath?: string): string {
  if (httpProbePath !== undefined) return `Container is unable to start OR does not respond to HTTP requests on port ${port} and path ${httpProbePath}`;
  return `Container is unable to start OR is not listening on port ${port}`;
}

/** Rules that apply to `operation` on `resource`, in the order written. */
export function matchingFaults(rules: readonly FaultRule[], operation: FaultRule['operation'], resource: SandboxResource): FaultRule[] {
  return rules.filter((rule) => rule.operation === operation && (rule.resource === '*' || rule.resource === resource));
}
