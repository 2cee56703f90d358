// A container whose last deployment ended in `error` (a transient cause: a registry hiccup, a
// node lost) would stay there: its settings are unchanged, so the engine plans nothing and the
// provider never calls the API again. The provider redeploys on any update, and `registrySha256`
// is a free string kept in the state only (never read back from the platform): a retry is asked
// for by appending `#retry-N` to it. The suffix is kept on later runs while the manifest's own
// value is unchanged, so a retry that worked leaves nothing to change afterwards.
//
// `apply --redeploy` uses the same trigger for a container that is fine: the image reference is
// the same (`my-api:latest`) but the tag was pushed again, and the platform pulls only on a
// deployment. `#redeploy-N` is appended (one counter with the retries), kept afterwards in the
// same way; a manifest that changes registrySha256 itself redeploys without any suffix.

/** What the state says about the container, read before the program runs. */
export interface LastDeployment {
  /** The platform's status at the end of the last run (`ready`, `error`, ...). */
  readonly status?: string;
  readonly errorMessage?: string;
  /** The registrySha256 the state holds, retry suffix included. */
  readonly registrySha256?: string;
}

const RETRY = /^(.*)#(?:retry|redeploy)-(\d+)$/s;

/** The registrySha256 to declare: the manifest's, with the retry (or `--redeploy`) suffix the
 * state and the run call for. */
export function registrySha256For(desired: string, last: LastDeployment | undefined, redeploy = false): string {
  const previous = last?.registrySha256 ?? '';
  const match = RETRY.exec(previous);
  const base = match ? match[1]! : previous;
  const retries = match ? Number.parseInt(match[2]!, 10) : 0;
  // A new value in the manifest redeploys by itself.
  if (base !== desired) return desired;
  if (needsRetry(last)) return `${desired}#retry-${retries + 1}`;
  // Only a container the state has can be deployed again; a new one is deployed by its create.
  if (redeploy && last !== undefined) return `${desired}#redeploy-${retries + 1}`;
  return previous;
}

/** The last deployment ended in `error`: the next apply deploys again. */
export function needsRetry(last: LastDeployment | undefined): boolean {
  return last?.status === 'error';
}
