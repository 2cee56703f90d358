// Stack labels, as the original OpenMCF CLI reads them (../shared/reference/anchors.md):
// `pulumi.openmcf.org/stack.fqdn` (<organization>/<project>/<stack>) wins; otherwise all three of
// organization, project and stack.name must be present and non-empty. Each part must also be a
// name the engine accepts for it (../pulumi-names.ts). `openmcf.org/provisioner` may only be pulumi; a missing
// label means pulumi (the original CLI prompted, even without a terminal).
import { DiagnosticCode } from '../core/diagnostic-codes.js';
import { LABELS } from './spec-types.js';
import { code, labelsOf, text, type Finding, type Rule } from './finding.js';
import { didYouMean } from '../core/did-you-mean.js';
import { stackNamePartProblem, type StackNamePart } from './pulumi-names.js';

const SEPARATE_LABELS = [LABELS.organization, LABELS.project, LABELS.stackName] as const;
const OTHER_ENGINES = new Set(['tofu', 'opentofu', 'terraform']);

const labelPath = (label: string) => ['metadata', 'labels', label];
const KNOWN_LABELS: readonly string[] = Object.values(LABELS);
/** Label prefixes openmcf owns: a key there that it does not know is almost surely a typo. */
const OWN_PREFIXES = ['openmcf.org/', 'pulumi.openmcf.org/'];

function nameProblem(part: StackNamePart, value: string, path: readonly (string | number)[]): Finding | undefined {
  const problem = stackNamePartProblem(part, value);
  if (problem === undefined) return undefined;
  return {
    severity: 'error',
    code: DiagnosticCode.ruleStackLabelInvalid,
    path,
    message: `${code(value)} is not a valid Pulumi ${part} name: it ${problem}`,
  };
}

export const stackLabelsPresent: Rule = (data) => {
  const labels = labelsOf(data) ?? {};
  const fqdn = text(labels[LABELS.stackFqdn]);
  if (fqdn !== undefined) {
    const path = labelPath(LABELS.stackFqdn);
    const parts = fqdn.split('/');
    if (parts.length !== 3 || parts.some((part) => part.trim() === '')) {
      return [
        {
          severity: 'error',
          code: DiagnosticCode.ruleStackLabelInvalid,
          path,
          message: 'must be <organization>/<project>/<stack>, three non-empty parts',
          hint: 'e.g. `my-org/my-project/dev.ScalewayServerlessContainer.my-api`',
        },
      ];
    }
    const [organization, project, stack] = parts as [string, string, string];
    return [nameProblem('organization', organization, path), nameProblem('project', project, path), nameProblem('stack', stack, path)].filter(
      (finding): finding is Finding => finding !== undefined,
    );
  }

  const missing = SEPARATE_LABELS.filter((label) => labels[label] === undefined);
  const findings: Finding[] = [];
  if (missing.length > 0) {
    const hasLabels = labelsOf(data) !== undefined;
    findings.push({
      severity: 'error',
      code: DiagnosticCode.ruleStackLabelsMissing,
      path: hasLabels ? ['metadata', 'labels'] : ['metadata'],
      anchor: 'key',
      message: `missing the Pulumi stack label${missing.length > 1 ? 's' : ''} ${missing.map(code).join(', ')}`,
      hint: `set ${code(LABELS.stackFqdn)} to <organization>/<project>/<stack>, or all three of ${SEPARATE_LABELS.map(code).join(', ')}`,
    });
  }
  for (const label of SEPARATE_LABELS) {
    const value = text(labels[label]);
    if (value === undefined) continue;
    const path = labelPath(label);
    if (value.trim() === '') {
      findings.push({ severity: 'error', code: DiagnosticCode.ruleStackLabelInvalid, path, message: 'must not be empty' });
      continue;
    }
    const kind: StackNamePart = label === LABELS.organization ? 'organization' : label === LABELS.project ? 'project' : 'stack';
    const problem = nameProblem(kind, value, path);
    if (problem) findings.push(problem);
  }
  return findings;
};

export const provisionerIsPulumi: Rule = (data) => {
  const value = text(labelsOf(data)?.[LABELS.provisioner]);
  if (value === undefined) return [];
  const normalised = value.trim().toLowerCase();
  if (normalised === 'pulumi') return [];
  const path = labelPath(LABELS.provisioner);
  const hint = `set ${code(`${LABELS.provisioner}: pulumi`)} or remove the label (absent means pulumi)`;
  if (OTHER_ENGINES.has(normalised)) {
    return [
      {
        severity: 'error',
        code: DiagnosticCode.ruleProvisioner,
        path,
        message: `${code(value)} is not supported by this CLI: openmcf deploys with Pulumi only`,
        hint,
      },
    ];
  }
  return [
    {
      severity: 'error',
      code: DiagnosticCode.ruleProvisioner,
      path,
      message: normalised === '' ? 'must not be empty' : `${code(value)} is not a provisioner; the only one supported is \`pulumi\``,
      hint,
    },
  ];
};

export const labelsKnownToOpenmcf: Rule = (data) => {
  const labels = labelsOf(data);
  if (!labels) return [];
  return Object.keys(labels)
    .filter((key) => OWN_PREFIXES.some((prefix) => key.startsWith(prefix)) && !KNOWN_LABELS.includes(key))
    .map((key): Finding => {
      const suggestion = didYouMean(key, KNOWN_LABELS);
      return {
        severity: 'warning',
        code: DiagnosticCode.ruleUnknownLabel,
        path: labelPath(key),
        anchor: 'key',
        message: 'is not a label openmcf reads',
        hint: suggestion ? `did you mean ${code(suggestion)}?` : `openmcf reads ${KNOWN_LABELS.map(code).join(', ')}`,
      };
    });
};
