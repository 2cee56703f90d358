// In-program side of valueFrom: reads the referenced output through a Pulumi StackReference and
// applies the same rules as the commands' pre-flight check (resolveValueFrom). The value stays a
// secret exactly when the referenced output is one (another secret output of that stack does not
// make it secret).
//
// The value is awaited before any resource is declared, so an unresolvable reference fails the
// program itself, which the engine reports. (Throwing inside an `apply` that feeds a resource
// input instead leaves the inline program's registration pending forever: the run hangs.)
import * as pulumi from '@pulumi/pulumi';
import { outputCandidates, resolveValueFrom, type ValueFromReference } from './value-from.js';

/** Resource names of the references, one per manifest field (two fields may name the same stack). */
const RESOURCE_NAMES: Readonly<Record<ValueFromReference['field'], string>> = {
  'spec.image.registryEndpoint': 'value-from-registry-endpoint',
  'spec.privateNetworkId': 'value-from-private-network-id',
};

export async function referencedValue(ref: ValueFromReference, region: string): Promise<pulumi.Input<string>> {
  const reference = new pulumi.StackReference(RESOURCE_NAMES[ref.field], { name: ref.stackName });
  for (const candidate of outputCandidates(ref.outputName)) {
    const details = await reference.getOutputDetails(candidate);
    const secret = details.secretValue !== undefined;
    const raw: unknown = secret ? details.secretValue : details.value;
    if (raw === undefined) continue;
    const value = resolveValueFrom(ref, { [candidate]: raw }, region, { secret });
    return secret ? pulumi.secret(value) : value;
  }
  // Throws the "has no output" error (resolveValueFrom's message, shared with the pre-flight check).
  return resolveValueFrom(ref, {}, region, { availableOutputs: undefined });
}

/**
 * A reference to a stack of the same run that has changes still to apply: declared like any other
 * (so a saved plan holds the same resources as the update that follows it), but its value is
 * unknown in this preview, as Terraform's "known after apply".
 */
export function pendingReferencedValue(ref: ValueFromReference): pulumi.Output<string> {
  new pulumi.StackReference(RESOURCE_NAMES[ref.field], { name: ref.stackName });
  // The SDK's Output constructor (resources, value, isKnown, isSecret, allResources) is not in its
  // typings; `pulumi.output(pulumi.unknown)` would give a known output holding the sentinel.
  const construct = pulumi.Output as unknown as new (...args: unknown[]) => pulumi.Output<string>;
  return new construct([], Promise.resolve(undefined), Promise.resolve(false), Promise.resolve(false), Promise.resolve([]));
}
