import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cron } from 'croner';
import { z } from 'zod';

const DEFAULT_DATABASE = fileURLToPath(new URL('../../../data/tillit.db', import.meta.url));
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const flag = z
  .enum(['0', '1', 'true', 'false'], { message: 'Använd 1/0 eller true/false' })
  .transform((v) => v === '1' || v === 'true');

/**
 * Which proxy in front of Tillit may say who the client is (X-Forwarded-For, -Proto, -Host):
 * none (the default: the headers are ignored), one hop (`1`/`true`), or the proxies at these
 * addresses or networks. Never "everyone": a header anybody can send must not pick the address
 * the sign-in throttle counts.
 */
export type TrustProxy = false | number | string[];

const isAddressOrNetwork = (entry: string): boolean => {
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
};

const trustProxySchema = z
  .string()
  .trim()
  .transform((v, ctx): TrustProxy => {
    if (v === '0' || v === 'false') return false;
    if (v === '1' || v === 'true') return 1;
    const entries = v.split(',').map((e) => e.trim()).filter((e) => e.length > 0);
    const wrong = entries.filter((e) => !isAddressOrNetwork(e));
    if (entries.length === 0 || wrong.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `Använd 0, 1 eller proxyservrarnas adresser/nät med komma emellan, t.ex. 10.0.0.2,10.1.0.0/16${wrong.length > 0 ? ` (fel: ${wrong.join(', ')})` : ''}`,
      });
      return z.NEVER;
    }
    return entries;
  });

/** PUBLIC_URL: the address people reach Tillit at, as an origin (scheme, host and port). */
const publicUrlSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    try {
      const url = new URL(v);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'Ange en fullständig adress med http:// eller https://, t.ex. https://tillit.kommun.se' });
    return z.NEVER;
  });

/** BACKUP_SCHEDULE: a cron expression croner reads (five fields, or six with seconds first). */
const cronSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    try {
      new Cron(v, { paused: true }).stop();
      return v;
    } catch (err) {
      ctx.addIssue({
        code: 'custom',
        message: `Ange ett cron-uttryck, t.ex. "0 2 * * *" (kl. 02.00 varje natt)${err instanceof Error ? ` (${err.message})` : ''}`,
      });
      return z.NEVER;
    }
  });

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE),
  TILLIT_DEMO: flag.default(true),
  // `scale`: the synthetic 2,000-unit dataset for benchmarks (docs/benchmarks.md) instead of the demo.
  TILLIT_DATASET: z.enum(['demo', 'scale'], { message: 'Använd demo eller scale' }).default('demo'),
  WEB_ROOT: z.string().min(1).default(DEFAULT_WEB_ROOT),
  COOKIE_SECURE: flag.default(false),
  TRUST_PROXY: trustProxySchema.optional(),
  PUBLIC_URL: publicUrlSchema.optional(),
  SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(12),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(60 * 24 * 30).default(120),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // The largest file an import takes, in MB (files are streamed: memory does not grow with it).
  IMPORT_MAX_MB: z.coerce.number().int().min(1).max(10_240).default(512),
  // Whose published Kolada totals the reference series show: a municipality code (0680 Jönköping).
  KOLADA_MUNICIPALITY: z.string().regex(/^\d{4}$/, { message: 'Ange en kommunkod med fyra siffror, t.ex. 0680' }).default('0680'),
  // Operations (docs/deploy.md): metrics for Prometheus, backups on a schedule, retention.
  METRICS_TOKEN: z.string().trim().min(16, { message: 'Använd minst 16 tecken (t.ex. openssl rand -hex 32)' }).optional(),
  BACKUP_SCHEDULE: cronSchema.optional(),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_KEEP: z.coerce.number().int().min(1, { message: 'Behåll minst 1 kopia' }).max(10_000).default(14),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1, { message: 'Ange minst 1 dag' }).max(36_500).default(1095),
});

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  isDemo: boolean;
  dataset: 'demo' | 'scale';
  webRoot: string;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  security: { cookieSecure: boolean; sessionHours: number; idleMinutes: number; publicOrigin: string | null };
  trustProxy: TrustProxy;
  importMaxBytes: number;
  koladaMunicipality: string;
  /** METRICS_TOKEN: the bearer token `/metrics` answers to; null keeps `/metrics` off (404). */
  metricsToken: string | null;
  /** Scheduled backups: no schedule keeps them off (`npm run backup` still works). */
  backup: { schedule: string | null; dir: string; keep: number };
  /** How long the audit log keeps an entry, in days (expired sessions go at once). */
  auditRetentionDays: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration from the environment once; a wrong value stops the start. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(configSchema.shape).flatMap((k) => (env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]])),
  );
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Felaktig konfiguration (invalid configuration):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databasePath: c.DATABASE_PATH,
    isDemo: c.TILLIT_DEMO,
    dataset: c.TILLIT_DATASET,
    webRoot: c.WEB_ROOT,
    logLevel: c.LOG_LEVEL,
    security: {
      cookieSecure: c.COOKIE_SECURE,
      sessionHours: c.SESSION_HOURS,
      idleMinutes: c.SESSION_IDLE_MINUTES,
      publicOrigin: c.PUBLIC_URL ?? null,
    },
    trustProxy: c.TRUST_PROXY ?? false,
    importMaxBytes: c.IMPORT_MAX_MB * 1024 * 1024,
    koladaMunicipality: c.KOLADA_MUNICIPALITY,
    metricsToken: c.METRICS_TOKEN ?? null,
    // `backups` beside the database, as `npm run backup` writes them: data/backups by default.
    backup: { schedule: c.BACKUP_SCHEDULE ?? null, dir: c.BACKUP_DIR ?? join(dirname(c.DATABASE_PATH), 'backups'), keep: c.BACKUP_KEEP },
    auditRetentionDays: c.AUDIT_RETENTION_DAYS,
  };
}
