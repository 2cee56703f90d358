// `deploy` is accepted for compatibility with the specification, but the current platform ignores
// it: Scaleway deploys a container as soon as it is created and redeploys it on every change (the
// provider marks the argument deprecated, "setting this attribute will not have any effect").
// `deploy: true` (the default) describes what happens anyway, so only `false` earns a notice: it
// asks for something the platform will not do.
import type { ScalewayServerlessContainerSpec } from '../validation/spec-types.js';

export function deployNotice(spec: Pick<ScalewayServerlessContainerSpec, 'deploy'>): string | undefined {
  if (spec.deploy !== false) return undefined;
  return (
    '`deploy: false` has no effect: Scaleway deploys containers as soon as they are created and redeploys them on every change, ' +
    'so this container will be deployed. To keep it from being called by anyone, set privacy: private.'
  );
}
