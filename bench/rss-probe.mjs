// Loaded with `node --import bench/rss-probe.mjs bin/openmcf.js ...` by bench/scale.mjs: when the
// openmcf process exits, writes its own peak RSS and CPU time (not its children's) to
// $OPENMCF_BENCH_PROBE. Only the process given --import runs it; children do not inherit it.
import { writeFileSync } from 'node:fs';

const target = process.env.OPENMCF_BENCH_PROBE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, userUs: usage.userCPUTime, systemUs: usage.systemCPUTime }));
  });
}
