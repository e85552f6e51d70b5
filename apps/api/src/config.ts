import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Cron } from 'croner';
import { z } from 'zod';
import { parseRoleMap, type RoleMap } from '@tillit/domain';

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

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Plain http only on this machine (tests, a trial); anywhere else sign-in needs https. */
const isHttpsOrLoopback = (url: URL): boolean => url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));

const issuerSchema = z
  .string()
  .trim()
  .refine(
    (v) => {
      try {
        return isHttpsOrLoopback(new URL(v));
      } catch {
        return false;
      }
    },
    { message: 'Ange leverantörens issuer med https://, t.ex. https://login.microsoftonline.com/<tenant-id>/v2.0' },
  );

const DEFAULT_ROLE_MAP = 'tillit-utvecklingschef=development_manager,tillit-enhetschef=unit_manager,tillit-politiker=politician';

const roleMapSchema = z
  .string()
  .trim()
  .transform((v, ctx): RoleMap => {
    const parsed = parseRoleMap(v);
    if ('map' in parsed) return parsed.map;
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  });

const claimNameSchema = z.string().trim().min(1).max(200);

const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

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

/** SMTP_URL: the mail server; the message never repeats the value, which may hold a password. */
const smtpUrlSchema = z
  .string()
  .trim()
  .refine(
    (v) => {
      try {
        const url = new URL(v);
        return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: 'Ange e-postservern som smtp://server:25 (STARTTLS när servern erbjuder det) eller smtps://användare:lösenord@server:465' },
  );

/** MAIL_FROM: `Namn <adress>` or an address; the Message-IDs end in its domain. */
const mailFromSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const m = /^(?:[^<>]*<([^<>\s@]+@([^<>\s@]+))>|([^<>\s@]+@([^<>\s@]+)))$/.exec(v);
    const domain = m?.[2] ?? m?.[4];
    if (domain) return { from: v, domain };
    ctx.addIssue({ code: 'custom', message: 'Ange avsändaren som "Tillit <tillit@kommun.se>" eller tillit@kommun.se (en adress i organisationens domän)' });
    return z.NEVER;
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
  // Sign-in through the organisation's identity provider (docs/sso.md): on when all three are set.
  OIDC_ISSUER: issuerSchema.optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  OIDC_ROLE_CLAIM: claimNameSchema.default('roles'),
  OIDC_ROLE_MAP: roleMapSchema.default(parseRoleMapOrThrow(DEFAULT_ROLE_MAP)),
  OIDC_SCOPES: z
    .string()
    .trim()
    .transform((v) => v.split(/\s+/).filter((s) => s.length > 0))
    .refine((scopes) => scopes.includes('openid'), { message: 'Scopes måste innehålla openid, t.ex. "openid profile email"' })
    .default(['openid', 'profile', 'email']),
  OIDC_UNIT_CLAIM: claimNameSchema.optional(),
  OIDC_DISPLAY_NAME: z.string().trim().min(1).max(80).optional(),
  AUTH_PASSWORDS: flag.default(true),
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
  // E-mail from the feedback loop (docs/mail.md): on with SMTP_URL, which needs PUBLIC_URL for the links.
  SMTP_URL: smtpUrlSchema.optional(),
  MAIL_FROM: mailFromSchema.default({ from: 'Tillit <tillit@localhost>', domain: 'localhost' }),
  MAIL_RETRY_SECONDS: z.coerce.number().int().min(1, { message: 'Ange minst 1 sekund' }).max(3600, { message: 'Ange högst 3600 sekunder (en timme)' }).default(60),
  MAIL_DIGEST_HOUR: z.coerce.number().int().min(0, { message: 'Ange en timme 0–23' }).max(23, { message: 'Ange en timme 0–23' }).default(7),
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
  /** The identity provider, when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. */
  oidc: OidcConfig | null;
  /** Whether password sign-in is on (AUTH_PASSWORDS). */
  passwords: boolean;
  trustProxy: TrustProxy;
  importMaxBytes: number;
  koladaMunicipality: string;
  /** METRICS_TOKEN: the bearer token `/metrics` answers to; null keeps `/metrics` off (404). */
  metricsToken: string | null;
  /** Scheduled backups: no schedule keeps them off (`npm run backup` still works). */
  backup: { schedule: string | null; dir: string; keep: number };
  /** How long the audit log keeps an entry, in days (expired sessions go at once). */
  auditRetentionDays: number;
  /** E-mail (SMTP_URL); null sends nothing and writes nothing to the outbox. */
  mail: MailConfig | null;
}

/** E-mail from the feedback loop (docs/mail.md). */
export interface MailConfig {
  smtpUrl: string;
  /** MAIL_FROM as given. */
  from: string;
  /** The domain of MAIL_FROM's address: Message-IDs end in it. */
  fromDomain: string;
  /** PUBLIC_URL: the links in the messages start here. */
  publicUrl: string;
  /** MAIL_RETRY_SECONDS: the first retry; the wait doubles up to an hour. */
  retrySeconds: number;
  /** MAIL_DIGEST_HOUR: the hour (Swedish time) of the daily digest of new questions. */
  digestHour: number;
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
  const fail = (issues: Issue[]) => {
    const lines = issues.map((i) => `  ${i.path}: ${i.message}`);
    return new ConfigError(`Felaktig konfiguration (invalid configuration):\n${lines.join('\n')}`);
  };
  if (!parsed.success) throw fail(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const c = parsed.data;
  const { oidc, issues } = oidcOf(c);
  const mail = mailOf(c, issues);
  if (issues.length > 0) throw fail(issues);
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
    oidc,
    passwords: c.AUTH_PASSWORDS,
    trustProxy: c.TRUST_PROXY ?? false,
    importMaxBytes: c.IMPORT_MAX_MB * 1024 * 1024,
    koladaMunicipality: c.KOLADA_MUNICIPALITY,
    metricsToken: c.METRICS_TOKEN ?? null,
    // `backups` beside the database, as `npm run backup` writes them: data/backups by default.
    backup: { schedule: c.BACKUP_SCHEDULE ?? null, dir: c.BACKUP_DIR ?? join(dirname(c.DATABASE_PATH), 'backups'), keep: c.BACKUP_KEEP },
    auditRetentionDays: c.AUDIT_RETENTION_DAYS,
    mail,
  };
}

function parseRoleMapOrThrow(text: string): RoleMap {
  const parsed = parseRoleMap(text);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.map;
}

/** The identity provider and how its claims are read (docs/sso.md). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** PUBLIC_URL + /api/auth/oidc/callback: register it at the provider. */
  redirectUri: string;
  /** PUBLIC_URL: where the provider sends the browser after signing out there. */
  postLogoutRedirectUri: string;
  scopes: string[];
  roleClaim: string;
  roleMap: RoleMap;
  unitClaim: string | null;
  /** "Logga in med <displayName>"; null for the sign-in page's own wording. */
  displayName: string | null;
}

type ParsedConfig = z.infer<typeof configSchema>;
type Issue = { path: string; message: string };

/** E-mail is on with SMTP_URL, and then needs PUBLIC_URL for the links in the messages. */
function mailOf(c: ParsedConfig, issues: Issue[]): MailConfig | null {
  if (c.SMTP_URL === undefined) return null;
  if (c.PUBLIC_URL === undefined) {
    issues.push({ path: 'PUBLIC_URL', message: 'krävs för e-post (SMTP_URL är satt): länkarna i breven börjar med den, t.ex. https://tillit.kommun.se' });
    return null;
  }
  return {
    smtpUrl: c.SMTP_URL,
    from: c.MAIL_FROM.from,
    fromDomain: c.MAIL_FROM.domain,
    publicUrl: c.PUBLIC_URL,
    retrySeconds: c.MAIL_RETRY_SECONDS,
    digestHour: c.MAIL_DIGEST_HOUR,
  };
}

/** The checks across variables: OIDC is all three or none, and needs an https PUBLIC_URL. */
function oidcOf(c: ParsedConfig): { oidc: OidcConfig | null; issues: Issue[] } {
  const set = OIDC_REQUIRED.filter((k) => c[k] !== undefined);
  const issues: Issue[] = [];
  if (set.length > 0 && set.length < OIDC_REQUIRED.length) {
    for (const missing of OIDC_REQUIRED.filter((k) => c[k] === undefined)) {
      issues.push({ path: missing, message: `saknas: ${OIDC_REQUIRED.join(', ')} anges tillsammans för inloggning via OIDC (${set.join(', ')} är satt)` });
    }
  }
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = c;
  if (issuer === undefined || clientId === undefined || clientSecret === undefined) {
    if (!c.AUTH_PASSWORDS) issues.push({ path: 'AUTH_PASSWORDS', message: 'Med 0 kan ingen logga in utan OIDC: sätt OIDC_ISSUER, OIDC_CLIENT_ID och OIDC_CLIENT_SECRET' });
    return { oidc: null, issues };
  }
  const publicUrl = c.PUBLIC_URL;
  if (publicUrl === undefined) {
    issues.push({ path: 'PUBLIC_URL', message: 'krävs för inloggning via OIDC: adressen till Tillit, t.ex. https://tillit.kommun.se (redirect URI = PUBLIC_URL/api/auth/oidc/callback)' });
  } else if (!isHttpsOrLoopback(new URL(publicUrl))) {
    issues.push({ path: 'PUBLIC_URL', message: 'måste börja med https:// för inloggning via OIDC (http bara för localhost och 127.0.0.1)' });
  }
  if (issues.length > 0 || publicUrl === undefined) return { oidc: null, issues };
  return {
    oidc: {
      issuer,
      clientId,
      clientSecret,
      redirectUri: `${publicUrl}/api/auth/oidc/callback`,
      postLogoutRedirectUri: publicUrl,
      scopes: c.OIDC_SCOPES,
      roleClaim: c.OIDC_ROLE_CLAIM,
      roleMap: c.OIDC_ROLE_MAP,
      unitClaim: c.OIDC_UNIT_CLAIM ?? null,
      displayName: c.OIDC_DISPLAY_NAME ?? null,
    },
    issues,
  };
}
