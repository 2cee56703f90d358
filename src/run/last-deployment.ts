// The container's last deployment as the state records it: what program/redeploy.ts decides a
// retry from, and what the preview and apply say about it.
import { resourceOfType, type StackState } from '../engine/stack-state.js';
import { needsRetry, type LastDeployment } from '../program/redeploy.js';

export const CONTAINER_TYPE = 'scaleway:containers/container:Container';

export function lastDeploymentOf(state: StackState): LastDeployment | undefined {
  const container = resourceOfType(state, CONTAINER_TYPE);
  if (!container) return undefined;
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const status = text(container.outputs?.status);
  const errorMessage = text(container.outputs?.errorMessage);
  const registrySha256 = text(container.inputs?.registrySha256);
  return { ...(status !== undefined ? { status } : {}), ...(errorMessage !== undefined ? { errorMessage } : {}), ...(registrySha256 !== undefined ? { registrySha256 } : {}) };
}

/** `the container is in status "error" since the last run (image not found): ...`, or nothing. */
export function retryNotice(last: LastDeployment | undefined, verb: 'will retry' | 'retrying'): string | undefined {
  if (!needsRetry(last)) return undefined;
  const message = last?.errorMessage?.trim() ? `: ${last.errorMessage.trim()}` : '';
  return verb === 'will retry'
    ? `the container's last deployment ended in status "error"${message}; apply deploys it again`
    : `the container's last deployment ended in status "error"${message}; deploying it again`;
}

/** What `--redeploy` does to a container the state has (a new one is deployed by its create). */
export function redeployNotice(
  prepared: { redeploy?: boolean | undefined; loaded: { manifest: { spec: { image: { name: string; tag: string } } } }; stateView: { lastDeployment?: LastDeployment } },
  verb: 'will redeploy' | 'redeploying',
): string | undefined {
  if (!prepared.redeploy || prepared.stateView.lastDeployment === undefined) return undefined;
  const { name, tag } = prepared.loaded.manifest.spec.image;
  return verb === 'will redeploy'
    ? `--redeploy: apply deploys the container again with the same image (${name}:${tag}), so the platform pulls that tag again`
    : `--redeploy: deploying the container again with the same image (${name}:${tag})`;
}
