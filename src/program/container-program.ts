// The inline Pulumi program for one manifest: a Namespace named after the manifest, the Container
// with every spec field mapped (container-args.ts), and one Cron per trigger.
//
// Provider wiring: no explicit Provider resource. Credentials reach the default `scaleway`
// provider through the SCW_* environment of the engine process (credentialsToEngineEnv), so no
// key is ever written to the stack's config or state; every resource gets its region explicitly.
// A stack the original OpenMCF CLI created has its resources on an explicit `scaleway` provider
// resource (with the credentials in its inputs): the engine moves them to the default provider
// without replacing them, and deletes that provider resource, credentials included
// (test/e2e/take-over.test.ts).
import type { PulumiFn } from '@pulumi/pulumi/automation/index.js';
import * as pulumi from '@pulumi/pulumi';
import * as scaleway from '@pulumiverse/scaleway';
import { OpenmcfError } from '../core/errors.js';
import type { ScalewayServerlessContainerManifest } from '../validation/spec-types.js';
import type { StackTarget } from '../stack/target-types.js';
import { CONTAINER_RESOURCE, containerArgs, cronArgs, imageAddress, NAMESPACE_RESOURCE, namespaceArgs } from './container-args.js';
import { pendingReferencedValue, referencedValue } from './stack-references.js';
import type { ContainerStackOutputs } from './stack-outputs.js';
import { describeValueFromRefs } from './value-from.js';
import { registrySha256For, type LastDeployment } from './redeploy.js';
import { cronArgsToDeclare, type RecordedStack } from './recorded-stack.js';
import { ownerTag } from './tags.js';

export interface ContainerProgramOptions {
  /** Where the manifest is deployed; needed to name the stacks `valueFrom` refers to. */
  readonly target?: StackTarget;
  /** The container as the state has it, asked when the program runs (see redeploy.ts). */
  readonly lastDeployment?: () => LastDeployment | undefined;
  /** What else the state records (see recorded-stack.ts), asked when the program runs. */
  readonly recorded?: () => RecordedStack | undefined;
  /** Engine names of stacks of this run that run before this one and whose outputs are not final
   * yet (they have changes to apply): a preview reads their outputs as unknown, as Terraform's
   * "known after apply" (see value-from-order.ts). */
  readonly pendingReads?: () => ReadonlySet<string> | undefined;
  /** `--redeploy`: deploy the same image reference again (see redeploy.ts). */
  readonly redeploy?: boolean;
  /** `openmcf import`: what this run takes in (see ImportRun). */
  readonly importing?: () => ImportRun | undefined;
}

/** Stack outputs as Pulumi outputs; their resolved shape is ContainerStackOutputs. */
export type ContainerProgramOutputs = { readonly [K in keyof ContainerStackOutputs]: pulumi.Output<ContainerStackOutputs[K]> };

export function createContainerProgram(manifest: ScalewayServerlessContainerManifest, options: ContainerProgramOptions = {}): PulumiFn {
  return async () => {
    try {
      const owner = options.target?.displayName;
      return declareContainer(
        manifest,
        await valueFromInputs(manifest, options.target, options.pendingReads?.()),
        options.lastDeployment?.(),
        options.recorded?.(),
        owner,
        options.redeploy,
        options.importing?.(),
      );
    } catch (error) {
      if (error instanceof OpenmcfError) throw asRunError(error);
      throw error;
    }
  };
}

/**
 * Marks an input error (e.g. an unresolvable valueFrom) the way pulumi.RunError is marked, so the
 * engine reports its message alone, without a JavaScript stack trace; it stays an OpenmcfError
 * (exit code 3, hint) for the command that runs the program.
 */
function asRunError(error: OpenmcfError): OpenmcfError {
  Object.defineProperty(error, '__pulumiRunError', { value: true });
  return error;
}

/** `openmcf import`: cloud ids (`{region}/{uuid}`) by logical name, and the container's image as
 * the cloud runs it. */
export interface ImportRun {
  readonly ids: Readonly<Record<string, string>>;
  readonly image?: string;
}

/** What valueFrom fields resolved to (absent for literal values). */
export interface ReferencedInputs {
  readonly image?: pulumi.Input<string>;
  readonly privateNetworkId?: pulumi.Input<string>;
}

/** Replaced delete-first: see declareContainer. */
const FIXED_NAME = { deleteBeforeReplace: true } as const satisfies pulumi.CustomResourceOptions;

/** Declares the resources; exported so tests can run it under Pulumi's mocks. `owner` is the
 * stack's fully qualified name, put on the namespace and the container as their owner tag (tags.ts). */
export function declareContainer(
  manifest: ScalewayServerlessContainerManifest,
  referenced: ReferencedInputs = {},
  last?: LastDeployment,
  recorded?: RecordedStack,
  owner?: string,
  redeploy = false,
  importing?: ImportRun,
): ContainerProgramOutputs {
  // `openmcf import`: the engine's import of what exists, every input left as the cloud has it
  // (ignored), so the import changes nothing; the preview after it shows the manifest's changes.
  // The image is the exception: the provider reads none back as an input, and a container without
  // one fails its check, so the import declares the image the cloud runs.
  const adopt = (name: string, args: object): pulumi.CustomResourceOptions => {
    const id = importing?.ids[name];
    return id === undefined ? {} : { import: id, ignoreChanges: Object.keys(args).filter((key) => key !== 'image' || importing?.image === undefined) };
  };
  const { registrySha256: desiredSha, ...plain } = withOwnerTag(containerArgs(manifest), owner);
  const registrySha256 = registrySha256For(desiredSha ?? '', last, redeploy);
  if (plain.image === undefined && referenced.image === undefined) throw new Error('declareContainer: the image comes from valueFrom; resolve it first (valueFromInputs)');
  // Every resource here has a name fixed by the manifest, and the platform refuses a second object
  // of the same name (409 "already exists"): a replacement must delete the old one before creating
  // the new one, not the other way round (Pulumi's default).
  const namespaceInputs = withOwnerTag(namespaceArgs(manifest), owner);
  const namespace = new scaleway.containers.Namespace(NAMESPACE_RESOURCE, namespaceInputs, { ...FIXED_NAME, ...adopt(NAMESPACE_RESOURCE, namespaceInputs) });

  const { secretEnvironmentVariables, ...visible } = plain;
  const containerInputs = {
    ...visible,
    ...referenced,
    ...(importing?.ids[CONTAINER_RESOURCE] !== undefined && importing.image !== undefined ? { image: importing.image } : {}),
    ...(registrySha256 !== '' ? { registrySha256 } : {}),
    namespaceId: namespace.id,
    ...(secretEnvironmentVariables !== undefined ? { secretEnvironmentVariables: pulumi.secret(secretEnvironmentVariables) } : {}),
  };
  const container = new scaleway.containers.Container(CONTAINER_RESOURCE, containerInputs, { ...FIXED_NAME, ...adopt(CONTAINER_RESOURCE, containerInputs) });
  for (const cron of cronArgs(manifest)) {
    const { resourceName, originalResourceName, ...args } = cron;
    const recordedArgs = recorded?.cronArgs[resourceName] ?? (originalResourceName !== undefined ? recorded?.cronArgs[originalResourceName] : undefined);
    // A Cron cannot move to another container (the provider would "update" containerId and the
    // old container's deletion would then take the cron with it): when the container is replaced,
    // the Cron is replaced too. replaceOnChanges acts on the provider's per-property diff;
    // replacementTrigger is compared by the engine itself, so the replacement happens even when a
    // provider reports no property details.
    const cronInputs = { ...args, args: cronArgsToDeclare(args.args, recordedArgs), containerId: container.id };
    new scaleway.containers.Cron(resourceName, cronInputs, {
      ...FIXED_NAME,
      ...adopt(resourceName, cronInputs),
      replaceOnChanges: ['containerId'],
      replacementTrigger: container.id,
      ...(originalResourceName !== undefined ? { aliases: [{ name: originalResourceName }] } : {}),
    });
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

function withOwnerTag<T extends { tags: string[] }>(args: T, owner: string | undefined): T {
  return owner === undefined ? args : { ...args, tags: [...args.tags, ownerTag(owner)] };
}

/** `image` and `privateNetworkId` read from other stacks, for the fields given by valueFrom. Awaited
 * before any resource is declared: see stack-references.ts. */
export async function valueFromInputs(
  manifest: ScalewayServerlessContainerManifest,
  target: StackTarget | undefined,
  pendingReads?: ReadonlySet<string>,
): Promise<ReferencedInputs> {
  const { spec } = manifest;
  const hasRef = 'valueFrom' in spec.image.registryEndpoint || (spec.privateNetworkId !== undefined && 'valueFrom' in spec.privateNetworkId);
  if (!hasRef) return {};
  if (target === undefined) throw new Error('createContainerProgram: a manifest with valueFrom needs options.target');
  const inputs: { image?: pulumi.Input<string>; privateNetworkId?: pulumi.Input<string> } = {};
  for (const ref of describeValueFromRefs(manifest, target)) {
    const pending = pendingReads?.has(ref.stackName) === true && pulumi.runtime.isDryRun();
    const value = pending ? pendingReferencedValue(ref) : await referencedValue(ref, spec.region);
    if (ref.field === 'spec.image.registryEndpoint') inputs.image = pulumi.output(value).apply((endpoint) => imageAddress(endpoint, spec.image));
    else inputs.privateNetworkId = value;
  }
  return inputs;
}
