// Each rule on plain data: what it reports, where, and that it stays quiet on what is fine or
// malformed (the schema reports malformed data; rules must not crash on it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../src/validation/validate-spec.js';
import {
  cpuAndMemoryMetricsNeedMinScale,
  deployFalseHasNoEffect,
  envNamesNotReserved,
  envNamesUnique,
  isReservedEnvName,
  minScaleNotAboveMaxScale,
  portNotReserved,
  privateNetworkInContainerRegion,
  RESERVED_PORTS,
  scalingSetsOneMetric,
} from '../../src/validation/platform-rules.js';
import { cronArgsAreJsonObjects, cronNamesUnique, cronSchedulesParse, scheduleProblem } from '../../src/validation/cron-rules.js';
import { labelsKnownToOpenmcf, provisionerIsPulumi, stackLabelsPresent } from '../../src/validation/label-rules.js';
import type { Finding } from '../../src/validation/finding.js';

const withSpec = (spec: Record<string, unknown>) => ({ spec });
const summary = (findings: Finding[]) => findings.map((f) => [f.code, f.path.join('.'), f.severity]);
const LABELS = {
  'pulumi.openmcf.org/organization': 'my-org',
  'pulumi.openmcf.org/project': 'my-project',
  'pulumi.openmcf.org/stack.name': 'dev',
};
const withLabels = (labels: Record<string, unknown> | undefined) => ({ metadata: { name: 'x', ...(labels ? { labels } : {}) } });

test('scaling: exactly one metric', () => {
  assert.deepEqual(scalingSetsOneMetric(withSpec({ scalingOption: { concurrentRequestsThreshold: 50 } })), []);
  assert.deepEqual(scalingSetsOneMetric(withSpec({})), []);
  const two = scalingSetsOneMetric(withSpec({ scalingOption: { cpuUsageThreshold: 70, memoryUsageThreshold: 80 } }));
  assert.deepEqual(summary(two), [['rule.scaling-metric-count', 'spec.scalingOption', 'error']]);
  assert.match(two[0]!.message, /^sets 2 metrics \(`cpuUsageThreshold`, `memoryUsageThreshold`\); the Scaleway API takes exactly one$/);
  assert.match(scalingSetsOneMetric(withSpec({ scalingOption: {} }))[0]!.message, /^sets no metric/);
});

test('scaling: cpu and memory metrics need minScale >= 1 (default 0)', () => {
  assert.deepEqual(summary(cpuAndMemoryMetricsNeedMinScale(withSpec({ scalingOption: { cpuUsageThreshold: 70 } }))), [
    ['rule.scaling-needs-min-scale', 'spec.scalingOption.cpuUsageThreshold', 'error'],
  ]);
  assert.deepEqual(cpuAndMemoryMetricsNeedMinScale(withSpec({ minScale: 1, scalingOption: { memoryUsageThreshold: 80 } })), []);
  assert.deepEqual(cpuAndMemoryMetricsNeedMinScale(withSpec({ scalingOption: { concurrentRequestsThreshold: 10 } })), []);
});

test('scaling: minScale may not exceed maxScale, whose default is 20', () => {
  assert.deepEqual(minScaleNotAboveMaxScale(withSpec({ minScale: 5, maxScale: 5 })), []);
  assert.equal(minScaleNotAboveMaxScale(withSpec({ minScale: 6, maxScale: 5 }))[0]!.message, 'must not exceed spec.maxScale (6 > 5)');
  assert.equal(minScaleNotAboveMaxScale(withSpec({ minScale: 21 }))[0]!.message, 'must not exceed spec.maxScale (21 > 20, its default)');
});

test('ports the platform reserves are refused, others accepted', () => {
  for (const port of RESERVED_PORTS) assert.equal(portNotReserved(withSpec({ port }))[0]!.code, 'rule.reserved-port');
  assert.deepEqual(RESERVED_PORTS, [8008, 8012, 8013, 8022, 9090, 9091]);
  assert.deepEqual(portNotReserved(withSpec({ port: 8080 })), []);
  assert.deepEqual(portNotReserved(withSpec({})), []);
});

test('env: PORT and SCW_* are reserved; a name is used once across variables and secrets', () => {
  assert.equal(isReservedEnvName('PORT'), true);
  assert.equal(isReservedEnvName('SCW_SECRET_KEY'), true);
  assert.equal(isReservedEnvName('PORTAL'), false);
  const env = {
    variables: [
      { name: 'SCW_X', value: '1' },
      { name: 'A', value: '1' },
    ],
    secrets: [
      { name: 'A', value: 's' },
      { name: 'PORT', value: '1' },
    ],
  };
  assert.deepEqual(summary(envNamesNotReserved(withSpec({ env }))), [
    ['rule.reserved-env-name', 'spec.env.variables.0.name', 'error'],
    ['rule.reserved-env-name', 'spec.env.secrets.1.name', 'error'],
  ]);
  const duplicates = envNamesUnique(withSpec({ env }));
  assert.deepEqual(summary(duplicates), [['rule.duplicate-env-name', 'spec.env.secrets.0.name', 'error']]);
  assert.equal(duplicates[0]!.message, '`A` is already set by spec.env.variables[1]');
});

test('cron schedules: 5 fields or a macro, checked by a real parser', () => {
  for (const ok of ['0 * * * *', '*/5 * * * *', '0 2 * * 1-5', '0 0 1 jan *', '30 6 * * MON', '@hourly', '@daily', '@weekly', '@monthly', '@yearly', '@annually']) {
    assert.equal(scheduleProblem(ok), undefined, ok);
  }
  const bad: Record<string, RegExp> = {
    '0 0 * * * *': /has 6 fields/,
    '* * * *': /has 4 fields/,
    '61 * * * *': /not a valid cron schedule: .*61/,
    '0 25 * * *': /not a valid cron schedule/,
    '0 H * * *': /`H` is not a number/,
    '0 0 ? * *': /characters unix cron does not know/,
    '0 0 * foo *': /`foo` is not a month name/,
    '@reboot': /not a cron macro/,
    '@midnight': /not a cron macro/,
  };
  for (const [schedule, expected] of Object.entries(bad)) assert.match(scheduleProblem(schedule)?.message ?? 'accepted', expected, schedule);
  const findings = cronSchedulesParse(
    withSpec({
      cronTriggers: [
        { schedule: '0 * * * *', args: '{}' },
        { schedule: 'every hour', args: '{}' },
      ],
    }),
  );
  assert.deepEqual(summary(findings), [['rule.cron-schedule', 'spec.cronTriggers.1.schedule', 'error']]);
});

test('cron args must hold a JSON object', () => {
  const triggers = ['{}', '{"a": [1]}', '[1]', 'null', '"text"', '{bad', '42'].map((args) => ({ schedule: '@daily', args }));
  const findings = cronArgsAreJsonObjects(withSpec({ cronTriggers: triggers }));
  assert.deepEqual(
    findings.map((f) => [f.path[2], f.message]),
    [
      [2, 'must be a JSON object, but it holds a JSON array'],
      [3, 'must be a JSON object, but it holds null'],
      [4, 'must be a JSON object, but it holds a JSON string'],
      [5, 'is not valid JSON'],
      [6, 'must be a JSON object, but it holds a JSON number'],
    ],
  );
});

test('cron names are unique; unnamed triggers are fine', () => {
  const findings = cronNamesUnique(withSpec({ cronTriggers: [{ name: 'a' }, {}, {}, { name: 'b' }, { name: 'a' }] }));
  assert.deepEqual(summary(findings), [['rule.duplicate-cron-name', 'spec.cronTriggers.4.name', 'error']]);
});

test('a regional private network id must be in spec.region; bare UUIDs and references pass', () => {
  const id = '11111111-1111-1111-1111-111111111111';
  assert.deepEqual(privateNetworkInContainerRegion(withSpec({ region: 'fr-par', privateNetworkId: { value: `fr-par/${id}` } })), []);
  assert.deepEqual(privateNetworkInContainerRegion(withSpec({ region: 'fr-par', privateNetworkId: { value: id } })), []);
  assert.deepEqual(privateNetworkInContainerRegion(withSpec({ region: 'fr-par', privateNetworkId: { valueFrom: { name: 'pn' } } })), []);
  const wrong = privateNetworkInContainerRegion(withSpec({ region: 'pl-waw', privateNetworkId: { value: `nl-ams/${id}` } }));
  assert.deepEqual(summary(wrong), [['rule.private-network-region', 'spec.privateNetworkId.value', 'error']]);
  assert.equal(wrong[0]!.message, 'the private network is in `nl-ams` but the container is in `pl-waw` (spec.region); private networks are regional');
});

test('stack labels: fqdn alone, or all three separate labels, non-empty and valid Pulumi names', () => {
  assert.deepEqual(stackLabelsPresent(withLabels(LABELS)), []);
  assert.deepEqual(stackLabelsPresent(withLabels({ 'pulumi.openmcf.org/stack.fqdn': 'o/p/s' })), []);
  // fqdn wins: the separate labels are then not required.
  assert.deepEqual(stackLabelsPresent(withLabels({ 'pulumi.openmcf.org/stack.fqdn': 'o/p/s', 'pulumi.openmcf.org/project': '' })), []);
  assert.deepEqual(summary(stackLabelsPresent(withLabels(undefined))), [['rule.stack-labels-missing', 'metadata', 'error']]);
  assert.deepEqual(summary(stackLabelsPresent(withLabels({ 'pulumi.openmcf.org/organization': 'o' }))), [['rule.stack-labels-missing', 'metadata.labels', 'error']]);
  assert.match(stackLabelsPresent(withLabels({ ...LABELS, 'pulumi.openmcf.org/stack.name': ' ' }))[0]!.message, /must not be empty/);
  assert.match(stackLabelsPresent(withLabels({ ...LABELS, 'pulumi.openmcf.org/project': 'a b' }))[0]!.message, /not a valid Pulumi project name/);
  for (const fqdn of ['o/p', 'o//s', 'o/p/s/x', '']) {
    assert.match(stackLabelsPresent(withLabels({ 'pulumi.openmcf.org/stack.fqdn': fqdn }))[0]?.message ?? 'accepted', /three non-empty parts/, fqdn);
  }
});

test('provisioner: absent or pulumi (any case) is fine; tofu and terraform are not supported', () => {
  assert.deepEqual(provisionerIsPulumi(withLabels(LABELS)), []);
  assert.deepEqual(provisionerIsPulumi(withLabels({ 'openmcf.org/provisioner': 'Pulumi' })), []);
  for (const engine of ['tofu', 'terraform', 'Terraform']) {
    assert.match(provisionerIsPulumi(withLabels({ 'openmcf.org/provisioner': engine }))[0]!.message, /is not supported by this CLI/);
  }
  assert.match(provisionerIsPulumi(withLabels({ 'openmcf.org/provisioner': 'chef' }))[0]!.message, /is not a provisioner/);
});

test('deploy: false is accepted with a warning', () => {
  assert.deepEqual(summary(deployFalseHasNoEffect(withSpec({ deploy: false }))), [['rule.deploy-ignored', 'spec.deploy', 'warning']]);
  assert.deepEqual(deployFalseHasNoEffect(withSpec({ deploy: true })), []);
});

test('no rule throws on malformed documents; the schema reports those', () => {
  const odd: unknown[] = [
    null,
    42,
    'text',
    [],
    {},
    { spec: null },
    { spec: [] },
    { metadata: 'x' },
    { metadata: { labels: [] } },
    {
      spec: {
        env: { variables: 'x', secrets: [null, 1, { name: 3 }] },
        cronTriggers: [null, 'x', { schedule: 5, args: {} }],
        scalingOption: [],
        privateNetworkId: 'x',
        port: '9090',
        minScale: '3',
      },
    },
  ];
  for (const data of odd) {
    for (const rule of RULES) {
      const findings = rule(data);
      assert.ok(Array.isArray(findings));
      assert.ok(
        findings.every((f) => f.code === 'rule.stack-labels-missing'),
        `${rule.name} on ${JSON.stringify(data)}`,
      );
    }
  }
});

test('a label under an openmcf prefix that openmcf does not read is a warning with a suggestion', () => {
  const findings = labelsKnownToOpenmcf(withLabels({ ...LABELS, 'pulumi.openmcf.org/stack-name': 'x', 'openmcf.org/team': 'a', 'app.kubernetes.io/name': 'x' }));
  assert.deepEqual(
    findings.map((f) => [f.code, f.severity, f.path[2], f.hint]),
    [
      ['rule.unknown-label', 'warning', 'pulumi.openmcf.org/stack-name', 'did you mean `pulumi.openmcf.org/stack.name`?'],
      [
        'rule.unknown-label',
        'warning',
        'openmcf.org/team',
        'openmcf reads `pulumi.openmcf.org/organization`, `pulumi.openmcf.org/project`, `pulumi.openmcf.org/stack.name`, `pulumi.openmcf.org/stack.fqdn`, `openmcf.org/provisioner`',
      ],
    ],
  );
});
