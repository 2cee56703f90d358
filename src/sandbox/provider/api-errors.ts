// Errors worded as the real stack words them: the Scaleway API answer as scaleway-sdk-go prints it
// (scw/errors.go), wrapped by the Terraform provider's context ("creation container error: ..."),
// then by the Pulumi bridge's "1 error occurred:" list. Tests and users match on these.

export class ScalewayApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ScalewayApiError';
    this.status = status;
  }
}

export type ApiResource = 'namespace' | 'container' | 'cron';

export function transientState(resource: ApiResource, id: string, state: string): ScalewayApiError {
  return new ScalewayApiError(409, `scaleway-sdk-go: resource ${resource} with ID ${id} is in a transient state: ${state}`);
}

export function notFound(resource: ApiResource, id: string): ScalewayApiError {
  return new ScalewayApiError(404, `scaleway-sdk-go: resource ${resource} with ID ${id} is not found`);
}

export function internalError(): ScalewayApiError {
  return new ScalewayApiError(500, 'scaleway-sdk-go: http error 500 Internal Server Error: internal error, please retry later');
}

export function conflict(message: string): ScalewayApiError {
  return new ScalewayApiError(409, `scaleway-sdk-go: http error 409 Conflict: ${message}`);
}

export interface ArgumentProblem {
  /** The API's snake_case argument name. */
  readonly argument: string;
  readonly reason: 'required' | 'format' | 'constraint';
  readonly help: string;
}

const REASON_TEXT: Record<ArgumentProblem['reason'], string> = {
  required: 'is required',
  format: 'is wrongly formatted',
  constraint: 'does not respect constraint',
};

export function invalidArguments(problems: readonly ArgumentProblem[]): ScalewayApiError {
  const parts = problems.map((p) => `${p.argument} ${REASON_TEXT[p.reason]}, ${p.help}`);
  return new ScalewayApiError(400, `scaleway-sdk-go: invalid argument(s): ${parts.join('; ')}`);
}

/** How a failed Terraform diagnostic reaches the engine through the bridge. */
export function bridged(context: string | undefined, error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`1 error occurred:\n\t* ${context ? `${context}: ` : ''}${message}\n\n`);
}
