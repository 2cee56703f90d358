// The API's error answers: status codes and JSON bodies as the real API sends them, so that
// scaleway-sdk-go (scw/errors.go) turns them into the same typed errors, and the provider and
// openmcf print the same messages as against Scaleway.
import type { Kind } from './wire.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message ?? `HTTP ${status}`));
    this.name = 'ApiError';
  }
}

/** Recorded: `{"message":"resource is not found","resource":"container","resource_id":"…","type":"not_found"}`. */
export function notFound(resource: Kind | 'domain' | 'resource', id: string): ApiError {
  return new ApiError(404, { message: 'resource is not found', resource, resource_id: id, type: 'not_found' });
}

/** What a call on an object that is still changing gets (sdk-go: "is in a transient state: …"). */
export function transientState(resource: Kind, id: string, state: string): ApiError {
  return new ApiError(409, { message: 'resource is in a transient state', resource, resource_id: id, current_state: state, type: 'transient_state' });
}

export function internalError(): ApiError {
  return new ApiError(500, { message: 'internal error, please retry later', type: 'internal_error' });
}

/** A second object with a name that must be unique. */
export function conflict(message: string): ApiError {
  return new ApiError(409, { message, type: 'conflict' });
}

export function unauthenticated(): ApiError {
  return new ApiError(401, { message: 'authentication is denied', method: 'api_key', reason: 'not_found', type: 'denied_authentication' });
}

/**
 * A path the API does not have. Clients print a 404 from its `resource` and `resource_id` (the
 * Scaleway CLI: "cannot find resource '<resource>' with ID '<resource_id>'"), so they are here too.
 */
export function routeNotFound(method: string, path: string): ApiError {
  return new ApiError(404, { message: `no route for ${method} ${path}`, resource: 'route', resource_id: `${method} ${path}`, type: 'not_found' });
}

export interface ArgumentProblem {
  readonly argument: string;
  readonly reason: 'required' | 'format' | 'constraint' | 'unknown';
  readonly help: string;
}

/** sdk-go prints these as "invalid argument(s): <argument> does not respect constraint, <help>". */
export function invalidArguments(problems: readonly ArgumentProblem[]): ApiError {
  return new ApiError(400, {
    details: problems.map((p) => ({ argument_name: p.argument, reason: p.reason, help_message: p.help })),
    message: 'invalid argument(s)',
    type: 'invalid_arguments',
  });
}

/** A 400 with a message only: sdk-go prints it "http error 400 Bad Request: <message>". */
export function badRequest(message: string): ApiError {
  return new ApiError(400, { message });
}

export function invalidRequest(message: string): ApiError {
  return new ApiError(400, { message, type: 'invalid_request_error' });
}
