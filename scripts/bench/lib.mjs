// Shared helpers of `npm run bench`: start a server the way a user does, load it, sign in, and
// print a part's table of figures next to their baselines from the same run.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const duration = Number(process.env.BENCH_DURATION ?? 10);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

/** Bench servers listen on 3211–3219 only (loopback). */
export const PORTS = { hello: 3211, demo: 3212, scale: 3213, web: 3214, start: 3215 };

/** Spawns `node <script>` and polls `health` every 25 ms; resolves with the time to the first 200. */
export async function startServer(script, port, env = {}, health = '/api/health') {
  const started = performance.now();
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}${health}`);
      if (res.ok) return { child, url, startMs: performance.now() - started, stop: () => stop(child) };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  throw new Error(`${script} did not start on port ${port}`);
}

/** SIGTERM, and wait until the process has gone. */
export function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** Signs in through the real route, as the web app does, and returns the Cookie header. */
export async function signIn(url, username, password = 'tillit-demo') {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username} failed: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tillit_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0];
}

/**
 * A process's CPU time so far (user + system, in microseconds, from /proc/<pid>/stat: clock
 * ticks of 10 ms), its resident memory and its peak resident memory (MB, /proc/<pid>/status).
 */
export function processStat(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuUs = (Number(fields[11]) + Number(fields[12])) * 10_000;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kB = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { cpuUs, rssMB: kB('VmRSS') / 1024, peakRssMB: kB('VmHWM') / 1024 };
}

/**
 * autocannon for `duration` seconds. An answer other than `expect` (default: any 2xx) counts as
 * an error. With `pid`, also the server's CPU time per request (its CPU time over the load, from
 * /proc, divided by the requests answered): steadier than req/s on a shared machine, since time
 * spent waiting for a core is not counted.
 */
export function load(url, headers = {}, { pid, expect } = {}) {
  return new Promise((resolve, reject) => {
    const before = pid ? processStat(pid).cpuUs : 0;
    autocannon({ url, connections, duration, headers }, (err, r) => {
      if (err) return reject(err);
      const cpuUs = pid ? processStat(pid).cpuUs - before : null;
      const answered = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'];
      const wrong = expect === undefined ? r.non2xx : answered - r[`${String(expect)[0]}xx`];
      resolve({
        requestsPerSecond: Math.round(r.requests.average),
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        errors: r.errors + wrong,
        bytes: r.throughput.average,
        requests: r.requests.total,
        cpuUsPerRequest: cpuUs === null ? null : cpuUs / r.requests.total,
      });
    });
  });
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Prints a part's table. Each row: what, figure, baseline, ratio (figure / baseline, or as
 * given), goal and whether it is met (true, false or null when the row has no goal).
 */
export function printTable(title, rows) {
  console.log(`\n## ${title}\n`);
  console.log('| what | figure | baseline | ratio | goal | met |');
  console.log('|---|---:|---:|---:|---|---|');
  for (const r of rows) {
    const met = r.met === null || r.met === undefined ? '–' : r.met ? 'met' : '**not met**';
    console.log(`| ${r.what} | ${r.figure} | ${r.baseline ?? '–'} | ${r.ratio ?? '–'} | ${r.goal ?? '–'} | ${met} |`);
  }
}
