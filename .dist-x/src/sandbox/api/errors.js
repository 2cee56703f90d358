export class ApiError extends Error {
    status;
    body;
    constructor(status, body) {
        super(String(body.message ?? `HTTP ${status}`));
        this.status = status;
        this.body = body;
        this.name = 'ApiError';
    }
}
/** Recorded: `{"message":"resource is not found","resource":"container","resource_id":"…","type":"not_found"}`. */
export function notFound(resource, id) {
    return new ApiError(404, { message: 'resource is not found', resource, resource_id: id, type: 'not_found' });
}
/** What a call on an object that is still changing gets (sdk-go: "is in a transient state: …"). */
export function transientState(resource, id, state) {
    return new ApiError(409, { message: 'resource is in a transient state', resource, resource_id: id, current_state: state, type: 'transient_state' });
}
export function internalError() {
    return new ApiError(500, { message: 'internal error, please retry later', type: 'internal_error' });
}
/** A second object with a name that must be unique. */
export function conflict(message) {
    return new ApiError(409, { message, type: 'conflict' });
}
export function unauthenticated() {
    return new ApiError(401, { message: 'authentication is denied', method: 'api_key', reason: 'not_found', type: 'denied_authentication' });
}
export function routeNotFound(method, path) {
    return new ApiError(404, { message: `no route for ${method} ${path}`, type: 'not_found' });
}
/** sdk-go prints these as "invalid argument(s): <argument> does not respect constraint, <help>". */
export function invalidArguments(problems) {
    return new ApiError(400, {
        details: problems.map((p) => ({ argument_name: p.argument, reason: p.reason, help_message: p.help })),
        message: 'invalid argument(s)',
        type: 'invalid_arguments',
    });
}
export function invalidRequest(message) {
    return new ApiError(400, { message, type: 'invalid_request_error' });
}
