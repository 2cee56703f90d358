// What the program declares, as plain data for recovery (engine/cloud-adoption.ts): the resource
// name and type of each object, the name and region it has in the cloud, and the inputs to record
// for one found there without any operation of the engine to say so (a create whose readiness poll
// failed, a trigger a hard kill left). No secret is among those inputs: the refresh that follows
// reads the object back, and the next update sets what the manifest says.
import type { ScalewayServerlessContainerManifest } from '../validation/spec-types.js';
import { CONTAINER_RESOURCE, cronArgs, NAMESPACE_RESOURCE, namespaceArgs } from './container-args.js';
import { ownerTag, resourceTags } from './tags.js';

export const NAMESPACE_TYPE = 'scaleway:containers/namespace:Namespace';
export const CONTAINER_TYPE = 'scaleway:containers/container:Container';
export const CRON_TYPE = 'scaleway:containers/cron:Cron';

export interface DeclaredObject {
  readonly type: typeof NAMESPACE_TYPE | typeof CONTAINER_TYPE | typeof CRON_TYPE;
  /** The Pulumi resource name (the URN's last part). */
  readonly resourceName: string;
  /** Other resource names it had (the original OpenMCF CLI's cron names). */
  readonly aliases: readonly string[];
  /** The object's name in the cloud. */
  readonly name: string;
  readonly region: string;
  readonly inputs: Readonly<Record<string, unknown>>;
}

/** The stack's objects, the namespace first, then the container, then its crons. */
export function declaredObjects(manifest: ScalewayServerlessContainerManifest, owner: string): DeclaredObject[] {
  const { name } = manifest.metadata;
  const region = manifest.spec.region;
  const tags = [...resourceTags(manifest.metadata), ownerTag(owner)];
  const namespace = namespaceArgs(manifest);
  return [
    { type: NAMESPACE_TYPE, resourceName: NAMESPACE_RESOURCE, aliases: [], name, region, inputs: { ...namespace, tags } },
    { type: CONTAINER_TYPE, resourceName: CONTAINER_RESOURCE, aliases: [], name, region, inputs: { name, region, tags } },
    ...cronArgs(manifest).map(({ resourceName, originalResourceName, ...args }) => ({
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- keeps the literal type, which an object built in map() widens to string
      type: CRON_TYPE as typeof CRON_TYPE,
      resourceName,
      aliases: originalResourceName !== undefined ? [originalResourceName] : [],
      name: args.name,
      region,
      inputs: { ...args },
    })),
  ];
}
