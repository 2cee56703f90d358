// The fault campaign by hand (test/recovery/campaign.ts says what each trial does and checks):
//   node scripts/build.mjs && node bench/campaign.mjs [trials] [seed]
//   node bench/campaign.mjs 40 7
// Prints each trial as it starts and, at the end, how many trials and engine runs were made; a
// failing trial prints its seed (rerun it with the same seed, or with OPENMCF_CAMPAIGN_SEED in the
// suite's test). Uses the engine and plugin of ~/.openmcf like the tests.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { CloudHome } = await import(join(root, 'dist', 'test', 'e2e', 'cloud-run.js'));
const { runCampaign } = await import(join(root, 'dist', 'test', 'recovery', 'campaign.js'));
const trials = Number(process.argv[2] ?? 20);
const seed = Number(process.argv[3] ?? Date.now() % 1_000_000);
const started = Date.now();
const home = new CloudHome('openmcf-bench-campaign-');
try {
  const report = await runCampaign(home, seed, trials, (line) => console.log(line));
  const interrupts = report.trials.filter((t) => t.interrupt !== 'none').length;
  console.log(
    `seed ${seed}: ${report.trials.length} trials (${interrupts} interrupted), ${report.runs} openmcf runs, all invariants held, ${Math.round((Date.now() - started) / 1000)} s`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
