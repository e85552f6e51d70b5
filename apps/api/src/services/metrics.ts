import { statSync } from 'node:fs';
import type { BackupStatus } from '@tillit/domain';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricsSources {
  /** The database file (`db.name`); null or `:memory:` reports no size. */
  databasePath: string | null;
  /** The scheduled backups' state, when the server runs them. */
  backups: (() => BackupStatus) | null;
}

const fileBytes = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

const seconds = (iso: string | null | undefined): number | null => (iso ? Date.parse(iso) / 1000 : null);

/**
 * Prometheus metrics for one app (its own registry, so that several apps in one process, as in
 * the tests, do not share counters): the Node.js defaults (event-loop lag, heap, GC, CPU),
 * requests per route pattern and status, the SQLite file, the backups, and the outbox backlog
 * once a source for it is given.
 */
export function createMetrics(sources: MetricsSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'tillit_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'tillit_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status code',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });

  const dbPath = sources.databasePath;
  new Gauge({
    name: 'tillit_sqlite_file_bytes',
    help: 'Size of the SQLite database file and its write-ahead log',
    labelNames: ['file'],
    registers: [registry],
    collect() {
      if (!dbPath || dbPath === ':memory:') return;
      this.set({ file: 'database' }, fileBytes(dbPath));
      this.set({ file: 'wal' }, fileBytes(`${dbPath}-wal`));
    },
  });

  const backups = sources.backups;
  if (backups) {
    new Gauge({
      name: 'tillit_backup_last_success_timestamp_seconds',
      help: 'When the last good (verified) backup was made, Unix time; absent before the first',
      registers: [registry],
      collect() {
        const at = seconds(backups().lastSuccessAt);
        if (at === null) this.reset();
        else this.set(at);
      },
    });
    new Gauge({
      name: 'tillit_backup_last_run_success',
      help: '1 when the last backup run since the server started succeeded, 0 when it failed; absent before the first run',
      registers: [registry],
      collect() {
        const last = backups().lastRun;
        if (last === null) this.reset();
        else this.set(last.ok ? 1 : 0);
      },
    });
    new Gauge({
      name: 'tillit_backup_files',
      help: 'Backup copies in BACKUP_DIR',
      registers: [registry],
      collect() {
        this.set(backups().backups.length);
      },
    });
    new Counter({
      name: 'tillit_backup_failures_total',
      help: 'Failed backup runs since the server started',
      registers: [registry],
      collect() {
        this.reset();
        this.inc(backups().failures);
      },
    });
  }

  let hasOutboxGauge = false;

  return {
    registry,

    /** Counts an answered request under its route pattern (never the raw path, which may hold a token). */
    observe(method: string, route: string, statusCode: number, elapsedMs: number): void {
      const labels = { method, route, status_code: String(statusCode) };
      requests.inc(labels);
      duration.observe(labels, elapsedMs / 1000);
    },

    /**
     * The hook for the outbox of the feedback loop (issue 11): give it a function that counts the
     * messages waiting to be sent, and `tillit_outbox_backlog` reports it on every scrape.
     */
    setOutboxBacklog(count: () => number): void {
      if (hasOutboxGauge) throw new Error('the outbox backlog source is set already');
      hasOutboxGauge = true;
      new Gauge({
        name: 'tillit_outbox_backlog',
        help: 'Messages waiting in the outbox to be sent',
        registers: [registry],
        collect() {
          this.set(count());
        },
      });
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
