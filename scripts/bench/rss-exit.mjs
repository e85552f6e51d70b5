// Preloaded (`node --import`) into a benchmarked child: on exit, writes its peak resident set
// size (MB) and CPU seconds (user + system) as JSON to the file named by BENCH_RSS_OUT, since a
// parent cannot read a child's rusage.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  if (process.env.BENCH_RSS_OUT) writeFileSync(process.env.BENCH_RSS_OUT, JSON.stringify({ rssMb: usage.maxRSS / 1024, cpuSeconds }));
});
