// The inline Pulumi program for one manifest: a Namespace named after the manifest, the Container
// with every spec field mapped (container-args.ts), and one Cron per trigger.
//
// Provider wiring: no explicit Provider resource. Credentials reach the default `scaleway`
// provider through the SCW_* environment of the engine process (credentialsToEngineEnv), so no
// key is ever written to the stack's config or state; every resource gets its region explicitly.
import type { PulumiFn } from '@pulumi/pulumi/automation/index.js';
import * as pulumi from '@pulumi/pulumi';
import * as scaleway from '@pulumiverse/scaleway';
import type { ScalewayServerlessContainerManifest } from '../spec/types.js';
import type { StackTarget } from '../target/types.js';
import { containerArgs, cronArgs, imageAddress, namespaceArgs } from './container-args.js';
import { referencedValue } from './stack-references.js';
import type { ContainerStackOutputs } from './types.js';
import { describeValueFromRefs } from './value-from.js';

export interface ContainerProgramOptions {
  /** Where the manifest is deployed; needed to name the stacks `valueFrom` refers to. */
  readonly target?: StackTarget;
}

/** Stack outputs as Pulumi outputs; their resolved shape is ContainerStackOutputs. */
export type ContainerProgramOutputs = { readonly [K in keyof ContainerStackOutputs]: pulumi.Output<ContainerStackOutputs[K]> };

export function createContainerProgram(manifest: ScalewayServerlessContainerManifest, options: ContainerProgramOptions = {}): PulumiFn {
  return async () => declareContainer(manifest, options);
}

/** Declares the resources; exported so tests can run it under Pulumi's mocks. */
export function declareContainer(manifest: ScalewayServerlessContainerManifest, options: ContainerProgramOptions = {}): ContainerProgramOutputs {
  const referenced = valueFromInputs(manifest, options.target);
  const plain = containerArgs(manifest);
  const namespace = new scaleway.containers.Namespace('namespace', namespaceArgs(manifest));
  const { secretEnvironmentVariables, ...visible } = plain;
  const container = new scaleway.containers.Container('container', {
    ...visible,
    ...referenced,
    namespaceId: namespace.id,
    ...(secretEnvironmentVariables !== undefined ? { secretEnvironmentVariables: pulumi.secret(secretEnvironmentVariables) } : {}),
  });

  for (const cron of cronArgs(manifest)) {
    const { resourceName, ...args } = cron;
    // A Cron cannot move to another container: when the container is replaced (new id), replace
    // the Cron too instead of attempting an in-place update of containerId.
    new scaleway.containers.Cron(resourceName, { ...args, containerId: container.id }, { replaceOnChanges: ['containerId'] });
  }

  return {
    containerId: container.id,
    namespaceId: namespace.id,
    domainName: container.domainName,
    url: pulumi.interpolate`https://${container.domainName}`,
    status: container.status,
    errorMessage: container.errorMessage.apply((message) => message ?? ''),
  };
}

/** `image` and `privateNetworkId` read from other stacks, for the fields given by valueFrom. */
function valueFromInputs(
  manifest: ScalewayServerlessContainerManifest,
  target: StackTarget | undefined,
): { image?: pulumi.Output<string>; privateNetworkId?: pulumi.Output<string> } {
  const refs = target === undefined ? [] : describeValueFromRefs(manifest, target);
  const hasRef = 'valueFrom' in manifest.spec.image.registryEndpoint || (manifest.spec.privateNetworkId !== undefined && 'valueFrom' in manifest.spec.privateNetworkId);
  if (hasRef && target === undefined) throw new Error('createContainerProgram: a manifest with valueFrom needs options.target');
  const inputs: { image?: pulumi.Output<string>; privateNetworkId?: pulumi.Output<string> } = {};
  for (const ref of refs) {
    const value = referencedValue(ref, manifest.spec.region);
    if (ref.field === 'spec.image.registryEndpoint') inputs.image = value.apply((endpoint) => imageAddress(endpoint, manifest.spec.image));
    else inputs.privateNetworkId = value;
  }
  return inputs;
}
