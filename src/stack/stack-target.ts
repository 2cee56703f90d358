// Labels -> Pulumi project and stack. The manifest names its stack with labels, as the original
// OpenMCF CLI does: `pulumi.openmcf.org/stack.fqdn` (`org/project/stack`) wins; otherwise the three
// labels organization, project and stack.name must all be present and non-empty. Validation checks
// the same rules, but this module is the one that relies on them, so it checks again.
import { invalidInput } from '../core/errors.js';
import { LABELS, type ScalewayServerlessContainerManifest } from '../validation/spec-types.js';
import { stackNamePartProblem } from '../validation/pulumi-names.js';
import type { BackendKind, StackTarget } from './target-types.js';

export interface StackTargetOptions {
  readonly backend: { readonly url: string; readonly kind: BackendKind; readonly engineEnv?: Readonly<Record<string, string>> };
  readonly sandbox: boolean;
  /** `--stack org/project/stack`: beats the labels, as flags beat file content everywhere else. */
  readonly stackOverride?: string;
}

export interface StackParts {
  readonly organization: string;
  readonly project: string;
  readonly stack: string;
}

/** On self-managed backends the organization part of a stack name must be this literal. */
export const SELF_MANAGED_ORGANIZATION = 'organization';

export function resolveStackTarget(manifest: ScalewayServerlessContainerManifest, options: StackTargetOptions): StackTarget {
  const parts =
    options.stackOverride !== undefined ? parseStackFqdn(options.stackOverride, '--stack') : stackPartsFromLabels(manifest.metadata.name, manifest.metadata.labels ?? {});
  if (options.backend.kind === 'cloud') checkCloudOrganization(parts.organization, manifest.metadata.name, options.stackOverride !== undefined);
  return {
    projectName: parts.project,
    stackName: engineStackName(options.backend.kind, parts),
    displayName: `${parts.organization}/${parts.project}/${parts.stack}`,
    organization: parts.organization,
    stack: parts.stack,
    backendUrl: options.backend.url,
    backendKind: options.backend.kind,
    ...(options.backend.engineEnv ? { backendEnv: options.backend.engineEnv } : {}),
    sandbox: options.sandbox,
  };
}

/** The fully qualified stack name the engine is given for these parts on this kind of backend. */
export function engineStackName(kind: BackendKind, parts: StackParts): string {
  const organization = kind === 'cloud' ? parts.organization : SELF_MANAGED_ORGANIZATION;
  return `${organization}/${parts.project}/${parts.stack}`;
}

export function stackPartsFromLabels(manifestName: string, labels: Readonly<Record<string, string>>): StackParts {
  const fqdn = labels[LABELS.stackFqdn];
  if (fqdn !== undefined) return parseStackFqdn(fqdn, `label ${LABELS.stackFqdn}`, manifestName);

  const required = [LABELS.organization, LABELS.project, LABELS.stackName] as const;
  const missing = required.filter((label) => labels[label] === undefined);
  if (missing.length > 0) {
    throw invalidInput(
      `${describeManifest(manifestName)}: missing required Pulumi stack labels: ${missing.join(', ')}`,
      'stack-labels-missing',
      `add them under metadata.labels, or set ${LABELS.stackFqdn}: <org>/<project>/<stack>, or pass --stack <org>/<project>/<stack>`,
    );
  }
  const empty = required.filter((label) => (labels[label] ?? '').trim() === '');
  if (empty.length > 0) {
    throw invalidInput(
      `${describeManifest(manifestName)}: Pulumi stack labels cannot be empty: ${empty.join(', ')}`,
      'stack-labels-empty',
      'give each of them a value, e.g. pulumi.openmcf.org/stack.name: dev.ScalewayServerlessContainer.my-api',
    );
  }
  const parts = {
    organization: (labels[LABELS.organization] ?? '').trim(),
    project: (labels[LABELS.project] ?? '').trim(),
    stack: (labels[LABELS.stackName] ?? '').trim(),
  };
  checkNames(parts, (part) => `label ${partLabel(part)}`, manifestName);
  return parts;
}

/** Parses `org/project/stack`; `where` names the flag or label in error messages. */
export function parseStackFqdn(value: string, where: string, manifestName?: string): StackParts {
  const segments = value.trim().split('/');
  if (segments.length !== 3 || segments.some((segment) => segment.trim() === '')) {
    throw invalidInput(
      `${manifestName === undefined ? '' : `${describeManifest(manifestName)}: `}${where} must be <org>/<project>/<stack>, got "${value}"`,
      'stack-fqdn-malformed',
      'e.g. my-org/my-project/dev.ScalewayServerlessContainer.my-api',
    );
  }
  const [organization, project, stack] = segments.map((segment) => segment.trim()) as [string, string, string];
  const parts = { organization, project, stack };
  checkNames(parts, (part) => `${where} (${part} part)`, manifestName);
  return parts;
}

function checkNames(parts: StackParts, where: (part: keyof StackParts) => string, manifestName?: string): void {
  for (const part of ['organization', 'project', 'stack'] as const) {
    const value = parts[part];
    const problem = stackNamePartProblem(part, value);
    if (problem !== undefined) {
      throw invalidInput(
        `${manifestName === undefined ? '' : `${describeManifest(manifestName)}: `}${where(part)}: "${value}" is not a valid Pulumi ${part} name: it ${problem}`,
        'stack-name-invalid',
        'e.g. my-org/my-project/dev.ScalewayServerlessContainer.my-api',
      );
    }
  }
}

/** Pulumi Cloud uses the organization (self-managed backends do not) and has its own rule for it. */
function checkCloudOrganization(organization: string, manifestName: string, fromFlag: boolean): void {
  const problem = stackNamePartProblem('organization', organization, true);
  if (problem === undefined) return;
  throw invalidInput(
    `${describeManifest(manifestName)}: ${fromFlag ? '--stack' : 'the stack labels'}: "${organization}" is not a valid Pulumi Cloud organization: it ${problem}`,
    'stack-name-invalid',
    'use the name of your organization (or user) in Pulumi Cloud; self-managed backends (file, s3, ...) take any organization',
  );
}

function partLabel(part: keyof StackParts): string {
  if (part === 'organization') return LABELS.organization;
  if (part === 'project') return LABELS.project;
  return LABELS.stackName;
}

function describeManifest(name: string): string {
  return `manifest "${name}"`;
}
