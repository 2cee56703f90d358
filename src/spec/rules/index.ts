// The rules a JSON Schema cannot state, one small named function each, all run on every document
// (even one the schema rejected) so that all of its problems are reported at once. Grouped in
// three modules (platform, labels, cron): each module costs start-up time on the validate path.
import type { Rule } from '../finding.js';
import {
  cpuAndMemoryMetricsNeedMinScale,
  deployFalseHasNoEffect,
  envNamesNotReserved,
  envNamesUnique,
  minScaleNotAboveMaxScale,
  portNotReserved,
  privateNetworkInContainerRegion,
  scalingSetsOneMetric,
} from './platform.js';
import { cronArgsAreJsonObjects, cronNamesUnique, cronSchedulesParse } from './cron.js';
import { labelsKnownToOpenmcf, provisionerIsPulumi, stackLabelsPresent } from './labels.js';

export const RULES: readonly Rule[] = [
  provisionerIsPulumi,
  stackLabelsPresent,
  labelsKnownToOpenmcf,
  portNotReserved,
  minScaleNotAboveMaxScale,
  scalingSetsOneMetric,
  cpuAndMemoryMetricsNeedMinScale,
  envNamesNotReserved,
  envNamesUnique,
  privateNetworkInContainerRegion,
  deployFalseHasNoEffect,
  cronSchedulesParse,
  cronArgsAreJsonObjects,
  cronNamesUnique,
];
