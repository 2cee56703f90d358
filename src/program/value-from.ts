// `valueFrom` on image.registryEndpoint and privateNetworkId: a value read from another OpenMCF
// resource's stack outputs. The original CLI never resolved these and deployed an empty string;
// here a reference either resolves or stops the run with an error naming the field, the stack and
// the output.
//
// Convention: the referenced resource lives in the stack `<env>.<Kind>.<name>` of the same
// organization and project as this manifest (the specification's stack names have this shape, e.g.
// `dev.ScalewayContainerRegistry.my-registry`). `env` defaults to this manifest's own environment,
// the first segment of its stack name; `kind` defaults per field; the output is named by
// `fieldPath` (`status.outputs.<output>[.<property>...]` or just `<output>`), by default:
//   ScalewayContainerRegistry -> `endpoint`, ScalewayPrivateNetwork -> `private_network_id`
// (the output names the OpenMCF modules of those kinds export). An output is looked up under its
// given name, then its camelCase and snake_case spellings, so either convention resolves.
//
// This module is pure: the program reads outputs through a StackReference, and the commands can
// check the references before the engine starts (describeValueFromRefs + resolveValueFrom on the
// outputs they fetch), both with the same rules and messages.
import { invalidInput, type OpenmcfError } from '../core/errors.js';
import type { ScalewayServerlessContainerManifest, StringValueOrRef, ValueFromRef } from '../validation/spec-types.js';
import { engineStackName } from '../stack/stack-target.js';
import type { StackTarget } from '../stack/target-types.js';
import { regionalPrivateNetworkId } from './container-args.js';
import { referencedValueProblems } from '../validation/referenced-value.js';
import { stackNamePartProblem } from '../validation/pulumi-names.js';

export type ValueFromField = 'spec.image.registryEndpoint' | 'spec.privateNetworkId';

/** The kind assumed when `valueFrom.kind` is omitted. */
export const DEFAULT_KIND: Readonly<Record<ValueFromField, string>> = {
  'spec.image.registryEndpoint': 'ScalewayContainerRegistry',
  'spec.privateNetworkId': 'ScalewayPrivateNetwork',
};

/** The output read when `valueFrom.fieldPath` is omitted. */
export const DEFAULT_OUTPUT: Readonly<Record<string, string>> = {
  ScalewayContainerRegistry: 'endpoint',
  ScalewayPrivateNetwork: 'private_network_id',
};

export interface ValueFromReference {
  readonly field: ValueFromField;
  readonly kind: string;
  readonly env: string;
  readonly name: string;
  /** The bare referenced stack, `<env>.<Kind>.<name>`. */
  readonly stack: string;
  /** The stack name to give the engine (StackReference, workspace.stackOutputs). */
  readonly stackName: string;
  /** `<org>/<project>/<stack>`, for messages. */
  readonly displayStackName: string;
  readonly outputName: string;
  /** Property path inside the output value; usually empty. */
  readonly outputPath: readonly string[];
}

/** Every valueFrom of the manifest, with the stack and output it points at. */
export function describeValueFromRefs(manifest: ScalewayServerlessContainerManifest, target: StackTarget): ValueFromReference[] {
  const refs: ValueFromReference[] = [];
  const fields: Array<[ValueFromField, StringValueOrRef | undefined]> = [
    ['spec.image.registryEndpoint', manifest.spec.image.registryEndpoint],
    ['spec.privateNetworkId', manifest.spec.privateNetworkId],
  ];
  for (const [field, value] of fields) {
    if (value !== undefined && 'valueFrom' in value) refs.push(describeRef(field, value.valueFrom, target));
  }
  return refs;
}

function describeRef(field: ValueFromField, ref: ValueFromRef, target: StackTarget): ValueFromReference {
  const where = `${field}.valueFrom`;
  const kind = nonEmpty(ref.kind) ?? DEFAULT_KIND[field];
  const env = nonEmpty(ref.env) ?? environmentOf(target.stack, where);
  const name = nonEmpty(ref.name);
  if (name === undefined) throw invalidInput(`${where}.name is required`, 'value-from-invalid', 'name the referenced resource (its metadata.name)');
  const stack = `${env}.${kind}.${name}`;
  const problem = stackNamePartProblem('stack', stack);
  if (problem !== undefined) {
    throw invalidInput(
      `${where}: the referenced stack name "${stack}" is not a valid Pulumi stack name: it ${problem}`,
      'value-from-invalid',
      'env, kind and name may only use letters, digits, hyphens, underscores and periods',
    );
  }
  const { outputName, outputPath } = outputOf(ref.fieldPath, kind, where);
  const parts = { organization: target.organization, project: target.projectName, stack };
  return {
    field,
    kind,
    env,
    name,
    stack,
    stackName: engineStackName(target.backendKind, parts),
    displayStackName: `${target.organization}/${target.projectName}/${stack}`,
    outputName,
    outputPath,
  };
}

/** The environment of `dev.ScalewayServerlessContainer.order-api` is `dev`. */
function environmentOf(stack: string, where: string): string {
  const dot = stack.indexOf('.');
  if (dot <= 0) {
    throw invalidInput(
      `${where}.env is required: this manifest's stack name "${stack}" does not start with an environment (<env>.<Kind>.<name>)`,
      'value-from-invalid',
      'set valueFrom.env to the environment of the referenced resource, e.g. env: dev',
    );
  }
  return stack.slice(0, dot);
}

function outputOf(fieldPath: string | undefined, kind: string, where: string): { outputName: string; outputPath: string[] } {
  const path = nonEmpty(fieldPath);
  if (path === undefined) {
    const output = DEFAULT_OUTPUT[kind];
    if (output === undefined) {
      throw invalidInput(`${where}.fieldPath is required for kind ${kind}`, 'value-from-invalid', 'name the output to read, e.g. fieldPath: status.outputs.endpoint');
    }
    return { outputName: output, outputPath: [] };
  }
  const segments = path.split('.');
  const rest = segments[0] === 'status' && segments[1] === 'outputs' ? segments.slice(2) : segments;
  const [outputName, ...outputPath] = rest;
  if (outputName === undefined || rest.some((segment) => segment.trim() === '')) {
    throw invalidInput(`${where}.fieldPath "${path}" does not name an output`, 'value-from-invalid', 'use status.outputs.<output>, e.g. status.outputs.endpoint');
  }
  return { outputName, outputPath };
}

/**
 * The value to deploy for a reference, given the referenced stack's outputs. Throws an input error
 * when the output is missing, not a non-empty string, or (private networks) in another region.
 */
export function resolveValueFrom(
  ref: ValueFromReference,
  outputs: Readonly<Record<string, unknown>>,
  region: string,
  /** The stack's output names for the hint when the output is missing; default: the keys of
   * `outputs`; undefined when the caller only looked up the candidates. */
  options: { availableOutputs?: readonly string[] | undefined; secret?: boolean } = { availableOutputs: Object.keys(outputs) },
): string {
  const found = outputCandidates(ref.outputName).find((candidate) => outputs[candidate] !== undefined);
  if (found === undefined) {
    const available = 'availableOutputs' in options ? options.availableOutputs : Object.keys(outputs);
    throw invalidInput(
      `${ref.field}.valueFrom: stack ${ref.displayStackName} has no output "${ref.outputName}"`,
      'value-from-unresolved',
      available === undefined
        ? `set valueFrom.fieldPath to one of its outputs (\`pulumi stack output --stack ${ref.stackName}\` lists them)`
        : available.length > 0
          ? `its outputs are: ${available.join(', ')}; set valueFrom.fieldPath to one of them`
          : `deploy the ${ref.kind} "${ref.name}" first (it has no outputs yet)`,
    );
  }
  let value: unknown = outputs[found];
  for (const [depth, key] of ref.outputPath.entries()) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    if (value === undefined) {
      const path = [found, ...ref.outputPath.slice(0, depth + 1)].join('.');
      throw invalidInput(`${ref.field}.valueFrom: output "${path}" of stack ${ref.displayStackName} does not exist`, 'value-from-unresolved', 'check valueFrom.fieldPath');
    }
  }
  const output = `output "${[found, ...ref.outputPath].join('.')}" of stack ${ref.displayStackName}`;
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidInput(
      `${ref.field}.valueFrom: ${output} is ${describeValue(value)}, not a non-empty string`,
      'value-from-unresolved',
      'point valueFrom.fieldPath at a string output',
    );
  }
  checkAsLiteral(ref, value.trim(), region, output, options.secret === true);
  return ref.field === 'spec.privateNetworkId' ? regionalPrivateNetworkId(value.trim(), region, `${ref.field}.valueFrom (${ref.displayStackName})`) : value.trim();
}

/**
 * The checks the value would get if it were written as `value:` in the manifest (an endpoint with
 * `https://` is refused here as it is there), reported with the reference that produced it. A
 * secret output is never quoted: schema messages end with `(got "...")`, which is cut, and their
 * hints (which quote a corrected value) are left out.
 */
function checkAsLiteral(ref: ValueFromReference, value: string, region: string, output: string, secret: boolean): void {
  const [problem] = referencedValueProblems(ref.field, value, region);
  if (problem === undefined) return;
  const message = secret ? problem.message.replace(/ \(got .*\)$/s, '') : problem.message;
  throw invalidInput(
    `${ref.field}.valueFrom: ${output}${secret ? ' (a secret, not shown)' : ''}: ${message}`,
    'value-from-invalid',
    (secret ? undefined : problem.hint) ?? `fix that output in the ${ref.kind} "${ref.name}", or point valueFrom.fieldPath at another output`,
  );
}

/** The error for a referenced stack that does not exist (the runner's pre-flight check uses it). */
export function valueFromStackMissing(ref: ValueFromReference): OpenmcfError {
  return invalidInput(
    `${ref.field}.valueFrom: stack ${ref.displayStackName} does not exist on this backend`,
    'value-from-unresolved',
    `deploy the ${ref.kind} "${ref.name}" (environment ${ref.env}) first, or fix valueFrom (kind, env, name)`,
  );
}

/** The output name as given, then its camelCase and snake_case spellings. */
export function outputCandidates(name: string): string[] {
  const camel = name.replace(/_([a-z0-9])/g, (_match, char: string) => char.toUpperCase());
  const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return [...new Set([name, camel, snake])];
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'an empty string';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
