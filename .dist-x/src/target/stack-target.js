// Labels -> Pulumi project and stack. The manifest names its stack with labels, as the original
// OpenMCF CLI does: `pulumi.openmcf.org/stack.fqdn` (`org/project/stack`) wins; otherwise the three
// labels organization, project and stack.name must all be present and non-empty. Validation checks
// the same rules, but this module is the one that relies on them, so it checks again.
import { invalidInput } from '../errors.js';
import { LABELS } from '../spec/types.js';
/** Pulumi's own rule for project and stack names (tokens.IsName / ParseStackName). */
const PULUMI_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
/** On self-managed backends the organization part of a stack name must be this literal. */
export const SELF_MANAGED_ORGANIZATION = 'organization';
export function resolveStackTarget(manifest, options) {
    const parts = options.stackOverride !== undefined
        ? parseStackFqdn(options.stackOverride, '--stack')
        : stackPartsFromLabels(manifest.metadata.name, manifest.metadata.labels ?? {});
    return {
        projectName: parts.project,
        stackName: engineStackName(options.backend.kind, parts),
        displayName: `${parts.organization}/${parts.project}/${parts.stack}`,
        organization: parts.organization,
        stack: parts.stack,
        backendUrl: options.backend.url,
        backendKind: options.backend.kind,
        sandbox: options.sandbox,
    };
}
/** The fully qualified stack name the engine is given for these parts on this kind of backend. */
export function engineStackName(kind, parts) {
    const organization = kind === 'cloud' ? parts.organization : SELF_MANAGED_ORGANIZATION;
    return `${organization}/${parts.project}/${parts.stack}`;
}
export function stackPartsFromLabels(manifestName, labels) {
    const fqdn = labels[LABELS.stackFqdn];
    if (fqdn !== undefined)
        return parseStackFqdn(fqdn, `label ${LABELS.stackFqdn}`, manifestName);
    const required = [LABELS.organization, LABELS.project, LABELS.stackName];
    const missing = required.filter((label) => labels[label] === undefined);
    if (missing.length > 0) {
        throw invalidInput(`${describeManifest(manifestName)}: missing required Pulumi stack labels: ${missing.join(', ')}`, 'stack-labels-missing', `add them under metadata.labels, or set ${LABELS.stackFqdn}: <org>/<project>/<stack>, or pass --stack <org>/<project>/<stack>`);
    }
    const empty = required.filter((label) => (labels[label] ?? '').trim() === '');
    if (empty.length > 0) {
        throw invalidInput(`${describeManifest(manifestName)}: Pulumi stack labels cannot be empty: ${empty.join(', ')}`, 'stack-labels-empty', 'give each of them a value, e.g. pulumi.openmcf.org/stack.name: dev.ScalewayServerlessContainer.my-api');
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
export function parseStackFqdn(value, where, manifestName) {
    const segments = value.trim().split('/');
    if (segments.length !== 3 || segments.some((segment) => segment.trim() === '')) {
        throw invalidInput(`${manifestName === undefined ? '' : `${describeManifest(manifestName)}: `}${where} must be <org>/<project>/<stack>, got "${value}"`, 'stack-fqdn-malformed', 'e.g. my-org/my-project/dev.ScalewayServerlessContainer.my-api');
    }
    const [organization, project, stack] = segments.map((segment) => segment.trim());
    const parts = { organization, project, stack };
    checkNames(parts, (part) => `${where} (${part} part)`, manifestName);
    return parts;
}
function checkNames(parts, where, manifestName) {
    for (const part of ['organization', 'project', 'stack']) {
        const value = parts[part];
        if (!PULUMI_NAME.test(value)) {
            throw invalidInput(`${manifestName === undefined ? '' : `${describeManifest(manifestName)}: `}${where(part)}: "${value}" is not a valid Pulumi ${part} name`, 'stack-name-invalid', 'use at most 100 letters, digits, hyphens, underscores and periods');
        }
    }
}
function partLabel(part) {
    if (part === 'organization')
        return LABELS.organization;
    if (part === 'project')
        return LABELS.project;
    return LABELS.stackName;
}
function describeManifest(name) {
    return `manifest "${name}"`;
}
