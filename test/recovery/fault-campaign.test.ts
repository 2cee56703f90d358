// The fault campaign of issue 16, a few seeded trials (campaign.ts says what each trial does and
// checks). OPENMCF_CAMPAIGN_SEED picks the seed (printed on failure), OPENMCF_CAMPAIGN_TRIALS the
// number of trials; a larger campaign runs by hand: `node bench/campaign.mjs [trials] [seed]`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CloudHome } from '../e2e/cloud-run.js';
import { runCampaign } from './campaign.js';

const seed = Number(process.env.OPENMCF_CAMPAIGN_SEED ?? 20261207);
const trials = Number(process.env.OPENMCF_CAMPAIGN_TRIALS ?? 3);

test(`fault campaign: ${trials} seeded trials (seed ${seed}) converge by following the tool's own messages`, async () => {
  const home = new CloudHome('openmcf-campaign-');
  const lines: string[] = [];
  const report = await runCampaign(home, seed, trials, (line) => lines.push(line));
  assert.equal(report.trials.length, trials, lines.join('\n'));
});
