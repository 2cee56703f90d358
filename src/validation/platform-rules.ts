// Rules of the Scaleway platform that a JSON Schema cannot state, one small named function each.
// They read the document's plain data without trusting its shape (the schema reports bad shapes),
// so that every problem of a document is reported at once.
import { DiagnosticCode } from '../core/diagnostic-codes.js';
import { displayPath, type PathSegment } from '../manifest/path.js';
import { code, integer, list, record, specOf, text, type Finding, type Rule } from './finding.js';
import { SPEC_DEFAULTS } from './defaults.js';

// Scaling rules the schema cannot state. The Scaleway API takes a single scaling metric, and the
// cpu and memory metrics only work with at least one instance always running
// (../shared/reference/scaleway-containers.md, "scalingOption").
const METRICS = ['concurrentRequestsThreshold', 'cpuUsageThreshold', 'memoryUsageThreshold'] as const;
const NEEDS_RUNNING_INSTANCE = new Set<string>(['cpuUsageThreshold', 'memoryUsageThreshold']);

function setMetrics(data: unknown): string[] {
  const option = record(specOf(data).scalingOption);
  if (!option) return [];
  return METRICS.filter((metric) => option[metric] !== undefined && option[metric] !== null);
}

export const scalingSetsOneMetric: Rule = (data) => {
  if (!record(specOf(data).scalingOption)) return [];
  const metrics = setMetrics(data);
  if (metrics.length === 1) return [];
  const path = ['spec', 'scalingOption'];
  if (metrics.length === 0) {
    return [
      {
        severity: 'error',
        code: DiagnosticCode.ruleScalingMetricCount,
        path,
        anchor: 'key',
        message: `sets no metric; set one of ${METRICS.map(code).join(', ')}`,
        hint: 'or remove scalingOption to use the platform default (50 concurrent requests)',
      },
    ];
  }
  return [
    {
      severity: 'error',
      code: DiagnosticCode.ruleScalingMetricCount,
      path,
      anchor: 'key',
      message: `sets ${metrics.length} metrics (${metrics.map(code).join(', ')}); the Scaleway API takes exactly one`,
      hint: 'keep the one metric the container should scale on',
    },
  ];
};

export const cpuAndMemoryMetricsNeedMinScale: Rule = (data) => {
  const minScale = integer(specOf(data).minScale) ?? SPEC_DEFAULTS.minScale;
  if (minScale >= 1) return [];
  return setMetrics(data)
    .filter((metric) => NEEDS_RUNNING_INSTANCE.has(metric))
    .map((metric): Finding => ({
      severity: 'error',
      code: DiagnosticCode.ruleScalingNeedsMinScale,
      path: ['spec', 'scalingOption', metric],
      anchor: 'key',
      message: `needs spec.minScale of at least 1 (it is ${minScale}): usage is only measured on running instances`,
      hint: 'set `minScale: 1`, or scale on `concurrentRequestsThreshold`',
    }));
};

export const minScaleNotAboveMaxScale: Rule = (data) => {
  const spec = specOf(data);
  const minScale = integer(spec.minScale);
  if (minScale === undefined) return [];
  const maxScale = integer(spec.maxScale) ?? SPEC_DEFAULTS.maxScale;
  if (minScale <= maxScale) return [];
  const maxText = spec.maxScale === undefined ? `${maxScale}, its default` : `${maxScale}`;
  return [
    {
      severity: 'error',
      code: DiagnosticCode.ruleMinScaleAboveMax,
      path: ['spec', 'minScale'],
      message: `must not exceed spec.maxScale (${minScale} > ${maxText})`,
      hint: `lower minScale or raise maxScale to at least ${minScale}`,
    },
  ];
};

// The platform keeps some ports for itself (../shared/reference/scaleway-containers.md, "How the
// real cloud behaves"); a container listening there never receives traffic.
export const RESERVED_PORTS: readonly number[] = [8008, 8012, 8013, 8022, 9090, 9091];

export const portNotReserved: Rule = (data) => {
  const port = integer(specOf(data).port);
  if (port === undefined || !RESERVED_PORTS.includes(port)) return [];
  return [
    {
      severity: 'error',
      code: DiagnosticCode.ruleReservedPort,
      path: ['spec', 'port'],
      message: `${port} is reserved by the Scaleway platform (reserved: ${RESERVED_PORTS.join(', ')})`,
      hint: 'listen on another port, e.g. 8080',
    },
  ];
};

// Environment rules the schema cannot state. The platform sets PORT and the SCW_* variables itself
// (Scaleway "Containers limitations", configuration restrictions); and variables and secrets land in
// one environment, so a name may be used only once across both lists. Name and value lengths
// (100 and 1000, as the Scaleway provider checks them) are in the schema.
interface NamedEntry {
  readonly name: string;
  readonly path: readonly PathSegment[];
}

function envEntries(data: unknown): NamedEntry[] {
  const env = record(specOf(data).env);
  if (!env) return [];
  return (['variables', 'secrets'] as const).flatMap((group) =>
    list(env[group]).flatMap((entry, index) => {
      const name = text(record(entry)?.name);
      return name === undefined ? [] : [{ name, path: ['spec', 'env', group, index, 'name'] }];
    }),
  );
}

export function isReservedEnvName(name: string): boolean {
  return name === 'PORT' || name.startsWith('SCW_');
}

export const envNamesNotReserved: Rule = (data) =>
  envEntries(data)
    .filter((entry) => isReservedEnvName(entry.name))
    .map((entry): Finding => ({
      severity: 'error',
      code: DiagnosticCode.ruleReservedEnvName,
      path: entry.path,
      message: `${code(entry.name)} is reserved by the Scaleway platform (PORT and names starting with SCW_ are set by it)`,
      hint: entry.name === 'PORT' ? 'the container reads its port from PORT, which the platform sets from spec.port' : 'choose a name without the SCW_ prefix',
    }));

export const envNamesUnique: Rule = (data) => {
  const firstUse = new Map<string, NamedEntry>();
  const findings: Finding[] = [];
  for (const entry of envEntries(data)) {
    const first = firstUse.get(entry.name);
    if (!first) {
      firstUse.set(entry.name, entry);
      continue;
    }
    findings.push({
      severity: 'error',
      code: DiagnosticCode.ruleDuplicateEnvName,
      path: entry.path,
      message: `${code(entry.name)} is already set by ${displayPath(first.path.slice(0, -1))}`,
      hint: 'a name may appear once across env.variables and env.secrets',
    });
  }
  return findings;
};

// A private network is regional: a container can only join one in its own region
// (../shared/reference/scaleway-containers.md, "privateNetworkId").
const REGIONAL_ID = /^([a-z]{2}-[a-z]{3})\/[0-9a-fA-F-]{36}$/;

export const privateNetworkInContainerRegion: Rule = (data) => {
  const spec = specOf(data);
  const region = text(spec.region);
  const value = text(record(spec.privateNetworkId)?.value);
  if (region === undefined || value === undefined) return [];
  const networkRegion = REGIONAL_ID.exec(value)?.[1];
  if (networkRegion === undefined || networkRegion === region) return [];
  return [
    {
      severity: 'error',
      code: DiagnosticCode.rulePrivateNetworkRegion,
      path: ['spec', 'privateNetworkId', 'value'],
      message: `the private network is in ${code(networkRegion)} but the container is in ${code(region)} (spec.region); private networks are regional`,
      hint: `attach a private network of ${region}, or deploy the container in ${networkRegion}`,
    },
  ];
};

// `deploy` is accepted for compatibility with the specification, but the current Scaleway API
// always deploys a container (../shared/reference/scaleway-containers.md, "deploy"): say so
// rather than let `deploy: false` look like it does something.
export const deployFalseHasNoEffect: Rule = (data) =>
  specOf(data).deploy === false
    ? [
        {
          severity: 'warning',
          code: DiagnosticCode.ruleDeployIgnored,
          path: ['spec', 'deploy'],
          message: 'false has no effect: the current Scaleway API always deploys the container',
          hint: 'remove the field, or keep it knowing the container will run',
        },
      ]
    : [];
