// In-program side of valueFrom: reads the referenced output through a Pulumi StackReference and
// applies the same rules as the commands' pre-flight check (resolveValueFrom). The value stays a
// secret exactly when the referenced output is one.
import * as pulumi from '@pulumi/pulumi';
import { OpenmcfError } from '../errors.js';
import { outputCandidates, resolveValueFrom, type ValueFromReference } from './value-from.js';

/** Resource names of the references, one per manifest field (two fields may name the same stack). */
const RESOURCE_NAMES: Readonly<Record<ValueFromReference['field'], string>> = {
  'spec.image.registryEndpoint': 'value-from-registry-endpoint',
  'spec.privateNetworkId': 'value-from-private-network-id',
};

export function referencedValue(ref: ValueFromReference, region: string): pulumi.Output<string> {
  const reference = new pulumi.StackReference(RESOURCE_NAMES[ref.field], { name: ref.stackName });
  // Resolve on the unsecreted outputs (so one secret output elsewhere in that stack does not make
  // this value secret), then restore secrecy if the output used is secret there.
  return pulumi.all([pulumi.unsecret(reference.outputs), reference.secretOutputNames]).apply(([outputs, secretNames]) => {
    let value: string;
    try {
      value = resolveValueFrom(ref, outputs, region);
    } catch (error) {
      // RunError: the engine shows the message without a JavaScript stack trace.
      if (error instanceof OpenmcfError) throw new pulumi.RunError(error.hint ? `${error.message} (${error.hint})` : error.message);
      throw error;
    }
    const used = outputCandidates(ref.outputName).find((candidate) => outputs[candidate] !== undefined);
    return used !== undefined && (secretNames ?? []).includes(used) ? pulumi.secret(value) : pulumi.output(value);
  });
}
