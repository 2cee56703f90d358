// The sandbox `scaleway` provider: routes each engine call to the simulated resource type named by
// its token. Types other than the three containers resources are refused with a clear message
// rather than faked.
import type { Provider } from '@pulumi/pulumi/provider/index.js';
import { SCALEWAY_PLUGIN_VERSION } from '../../version.js';
import { parseFaults } from '../faults.js';
import { SandboxApi } from './api.js';
import { containerType } from './container.js';
import { cronType } from './cron.js';
import { detailedDiff, diffInputs, type PropertyChange } from './diff.js';
import { FaultGate } from './fault-gate.js';
import { namespaceType } from './namespace.js';
import type { ProviderDefaults, ResourceContext, SandboxResourceType } from './resource.js';
import { urnName, type Props } from './wire.js';

/** The project and organization sandbox resources belong to when SCW_DEFAULT_* are not set. */
export const SANDBOX_PROJECT_ID = '5a4db0c0-0000-4000-8000-000000000001';
export const SANDBOX_ORGANIZATION_ID = '5a4db0c0-0000-4000-8000-000000000000';

/** Provider configuration read from the environment, as the real provider does (env beats config). */
export function defaultsFrom(env: NodeJS.ProcessEnv): ProviderDefaults {
  return {
    region: env.SCW_DEFAULT_REGION || 'fr-par',
    projectId: env.SCW_DEFAULT_PROJECT_ID || SANDBOX_PROJECT_ID,
    organizationId: env.SCW_DEFAULT_ORGANIZATION_ID || SANDBOX_ORGANIZATION_ID,
  };
}

export interface SandboxProvider extends Provider {
  /** Per-property changes of a diff, which the Node provider server cannot send (see diff-details.ts). */
  detailedDiff(urn: string, olds: Props, news: Props): Record<string, PropertyChange>;
}

export function createSandboxProvider(storeDir: string, env: NodeJS.ProcessEnv): SandboxProvider {
  const api = new SandboxApi(storeDir, new FaultGate(storeDir, parseFaults(env.OPENMCF_SANDBOX_FAULTS)));
  const context: ResourceContext = { api, defaults: defaultsFrom(env) };
  const types: Record<string, SandboxResourceType> = {
    'scaleway:containers/namespace:Namespace': namespaceType(context),
    'scaleway:containers/container:Container': containerType(context),
    'scaleway:containers/cron:Cron': cronType(context),
  };

  const typeOf = (urn: string): SandboxResourceType => {
    const token = urn.split('::')[2]?.split('$').pop() ?? '';
    const found = types[token];
    if (!found) {
      throw new Error(`the openmcf sandbox simulates only ${Object.keys(types).join(', ')}; ${token || urn} is not available in sandbox mode`);
    }
    return found;
  };

  return {
    version: SCALEWAY_PLUGIN_VERSION,
    check: async (urn, olds: Props, news: Props) => typeOf(urn).check(urnName(urn), olds ?? {}, news ?? {}),
    diff: async (_id, urn, olds: Props, news: Props) => diffInputs(typeOf(urn).diffSpec, olds ?? {}, news ?? {}),
    detailedDiff: (urn, olds, news) => detailedDiff(typeOf(urn).diffSpec, olds ?? {}, news ?? {}),
    create: async (urn, inputs: Props) => typeOf(urn).create(inputs),
    read: async (id, urn, props?: Props) => typeOf(urn).read(id, props ?? {}),
    update: async (id, urn, olds: Props, news: Props) => ({ outs: await typeOf(urn).update(id, olds, news) }),
    delete: async (id, urn, props: Props) => typeOf(urn).delete(id, props),
  };
}
