// The rules a JSON Schema cannot state, one small named function each, all run on every document
// (even one the schema rejected) so that all of its problems are reported at once.
import type { Rule } from './view.js';
import { cpuAndMemoryMetricsNeedMinScale, minScaleNotAboveMaxScale, scalingSetsOneMetric } from './scaling.js';
import { portNotReserved } from './port.js';
import { envNamesNotReserved, envNamesUnique } from './env.js';
import { cronArgsAreJsonObjects, cronNamesUnique, cronSchedulesParse } from './cron.js';
import { privateNetworkInContainerRegion } from './private-network.js';
import { provisionerIsPulumi, stackLabelsPresent } from './labels.js';
import { deployFalseHasNoEffect } from './deploy.js';

export const RULES: readonly Rule[] = [
  provisionerIsPulumi,
  stackLabelsPresent,
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

export type { Rule } from './view.js';
