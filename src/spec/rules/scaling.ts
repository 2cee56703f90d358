// Scaling rules the schema cannot state. The Scaleway API takes a single scaling metric, and the
// cpu and memory metrics only work with at least one instance always running
// (../shared/reference/scaleway-containers.md, "scalingOption").
import { DiagnosticCode } from '../../manifest/codes.js';
import { code, type Finding } from '../finding.js';
import { integer, record, specOf, type Rule } from './view.js';
import { SPEC_DEFAULTS } from '../defaults.js';

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
    .map(
      (metric): Finding => ({
        severity: 'error',
        code: DiagnosticCode.ruleScalingNeedsMinScale,
        path: ['spec', 'scalingOption', metric],
        anchor: 'key',
        message: `needs spec.minScale of at least 1 (it is ${minScale}): usage is only measured on running instances`,
        hint: 'set `minScale: 1`, or scale on `concurrentRequestsThreshold`',
      }),
    );
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
