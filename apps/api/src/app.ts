import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { en } from 'zod/locales';
import { config as zodConfig } from 'zod/mini';
import type { OidcConfig, TrustProxy } from './config.js';
import type { Db } from './db/database.js';
import { frameworkErrors, registerErrorHandling } from './http/error-handler.js';
import { registerAccessControl } from './plugins/access.js';
import { registerCompression } from './plugins/compression.js';
import { registerLoginNextGuard } from './plugins/login-next.js';
import { withTokenRedaction } from './plugins/log-redaction.js';
import { registerSecurityHeaders } from './plugins/security.js';
import { annotationRoutes } from './routes/annotations.js';
import { authRoutes } from './routes/auth.js';
import { userRoutes } from './routes/users.js';
import { auditRoutes } from './routes/audit.js';
import { dataNeedRoutes } from './routes/data-needs.js';
import { compareRoutes } from './routes/compare.js';
import { finalYearRoutes } from './routes/final-years.js';
import { createProviderSignIn } from './services/oidc-sign-in.js';
import { createServices, DEFAULT_AUTH } from './services/index.js';
import type { AppDeps, SecurityOptions, SignInDeps } from './routes/deps.js';
import { catalogueAdminRoutes, catalogueRoutes } from './routes/catalogue.js';
import { principleRoutes } from './routes/principles.js';
import { healthRoutes } from './routes/health.js';
import { publicLinkRoutes } from './routes/public-links.js';
import { summaryRoutes } from './routes/summary.js';
import { organisationRoutes, unitRoutes } from './routes/units.js';
import { valueRoutes } from './routes/values.js';
import { importRoutes } from './routes/imports.js';
import { koladaRoutes } from './routes/kolada.js';
import { exportRoutes } from './routes/export.js';
import { registerMetrics } from './routes/metrics.js';
import { operationsRoutes } from './routes/operations.js';
import { personalDataRoutes } from './routes/personal-data.js';
import { readinessRoutes } from './routes/readiness.js';
import { settingsRoutes } from './routes/settings.js';
import { createOutboxAdmin, type Mail } from './services/mail.js';
import { reviewRoutes } from './routes/review.js';
import type { BackupScheduler } from './services/backup-schedule.js';
import { createMetrics } from './services/metrics.js';
import { hasDemoData } from './services/seed.js';
import { createSettingsService } from './services/settings.js';
import { VERSION } from './version.js';

// zod/mini, which the domain's schemas are written with, loads no texts of its own: a field
// without a message of ours is answered in zod's English ("Invalid input: expected string,
// received undefined"), as with full zod, not a bare "Invalid input".
zodConfig(en());

export interface AppOptions {
  db: Db;
  /** The built web app; when missing, `/` explains how to build it. */
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
  security?: Partial<SecurityOptions>;
  /** Sign-in through the organisation's identity provider (OIDC_*); none by default. */
  oidc?: (OidcConfig & { retryMs?: number }) | null;
  /** Whether password sign-in is on (AUTH_PASSWORDS); on by default. */
  passwords?: boolean;
  /** Whose published Kolada totals the reference series show (KOLADA_MUNICIPALITY); 0680 Jönköping by default. */
  koladaMunicipality?: string;
  /** The largest import file (IMPORT_MAX_MB); IMPORT_MAX_BYTES by default. */
  importMaxBytes?: number;
  /** Which proxies may give the client's address and scheme (TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
  /** METRICS_TOKEN: `/metrics` answers to it; without one, `/metrics` is a 404. */
  metricsToken?: string | null;
  /** The scheduled backups (BACKUP_SCHEDULE), whose state the development manager and `/metrics` see. */
  backups?: BackupScheduler;
  /** E-mail (SMTP_URL, docs/mail.md): the outbox's notifier and sender. Without it no message is written or sent. */
  mail?: Mail | null;
}

const DEFAULT_SECURITY: SecurityOptions = { ...DEFAULT_AUTH, cookieSecure: false, publicOrigin: null };

/**
 * TRUST_PROXY as Fastify takes it. A hop count is a function: Fastify refuses a bare number
 * (it cannot check the peer), and `1` here means what the setting says: the peer that connects
 * is the proxy, which is true when Tillit listens where only the proxy reaches it.
 */
function fastifyTrustProxy(trust: TrustProxy): FastifyServerOptions['trustProxy'] {
  if (typeof trust === 'number') return (_address: string, hop: number) => hop < trust;
  return trust;
}

/** Whether the database holds the demo data, read once per data version (health asks on every request). */
function demoFlag(db: Db, data: { version: () => number }): () => boolean {
  let known: { version: number; isDemo: boolean } | null = null;
  return () => {
    const version = data.version();
    if (known?.version !== version) known = { version, isDemo: hasDemoData(db) };
    return known.isDemo;
  };
}

/** The whole application as a Fastify instance that is not listening yet. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withTokenRedaction(options.logger),
    genReqId: () => crypto.randomUUID(),
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    requestIdHeader: false,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  const security = { ...DEFAULT_SECURITY, ...options.security };
  const services = createServices(options.db, security, options.koladaMunicipality, options.mail?.notifier ?? null);
  await app.register(fastifyCookie);
  await registerSecurityHeaders(app);
  await registerCompression(app);
  registerAccessControl(app, services.auth, { data: services.data, publicOrigin: security.publicOrigin });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Tillit API',
        description:
          'Indicators for trust-based governance. Figures about small groups are suppressed on the server for every caller.',
        version: VERSION,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const signIn: SignInDeps = {
    passwords: options.passwords ?? true,
    oidc: options.oidc ? createProviderSignIn(options.db, options.oidc, { auth: services.auth, log: app.log }) : null,
  };
  signIn.oidc?.service.start();
  const deps: AppDeps = { db: options.db, services, security, version: VERSION, isDemo: demoFlag(options.db, services.data), signIn };
  await app.register(healthRoutes, deps);
  await app.register(authRoutes, deps);
  await app.register(userRoutes, deps);
  await app.register(auditRoutes, deps);
  await app.register(dataNeedRoutes, deps);
  await app.register(compareRoutes, deps);
  await app.register(finalYearRoutes, deps);
  await app.register(catalogueRoutes, deps);
  await app.register(catalogueAdminRoutes, deps);
  await app.register(principleRoutes, deps);
  await app.register(unitRoutes, deps);
  await app.register(organisationRoutes, deps);
  await app.register(valueRoutes, deps);
  await app.register(importRoutes, { ...deps, importMaxBytes: options.importMaxBytes });
  await app.register(koladaRoutes, deps);
  await app.register(exportRoutes, deps);
  await app.register(annotationRoutes, deps);
  await app.register(summaryRoutes, deps);
  await app.register(publicLinkRoutes, deps);
  await app.register(reviewRoutes, deps);
  // Running it (docs/deploy.md): readiness, the backups' state, a person's data, Prometheus.
  const backupStatus = options.backups ? options.backups.status : null;
  await app.register(readinessRoutes, deps);
  await app.register(operationsRoutes, { ...deps, backupStatus });
  await app.register(personalDataRoutes, deps);
  // E-mail (docs/mail.md): everyone's settings, and the outbox's health for the development manager.
  const mail = options.mail ?? null;
  const settings = createSettingsService(options.db, { isMailOn: mail !== null });
  await app.register(settingsRoutes, { ...deps, settings, outbox: createOutboxAdmin(options.db, mail) });
  const metricsToken = options.metricsToken ?? null;
  const metrics = metricsToken === null ? null : createMetrics({ databasePath: options.db.name, backups: backupStatus });
  if (mail) metrics?.setOutboxBacklog(mail.backlog);
  registerMetrics(app, { token: metricsToken, metrics });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());

  registerLoginNextGuard(app);
  await registerWeb(app, options.webRoot);
  return app;
}

/** `/summary` and a public link's `/p/:token`. */
const isSummaryPath = (path: string): boolean => path === '/summary' || path === '/summary/' || /^\/p\/[^/]+\/?$/.test(path);

async function registerWeb(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const hasWeb = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  const hasLoginPage = hasWeb && existsSync(join(webRoot, 'login.html'));
  const hasSummaryPage = hasWeb && existsSync(join(webRoot, 'summary.html'));
  const hasMetricPage = hasWeb && existsSync(join(webRoot, 'metric.html'));
  if (hasWeb) {
    // The pages and the few files beside them: asked again on every visit (no-cache), answered
    // 304 when unchanged.
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      globIgnore: ['assets/**'],
      // The build writes `.br` and `.gz` beside each file (apps/web/vite.config.ts).
      preCompressed: true,
      setHeaders(res) {
        res.header('cache-control', 'no-cache');
      },
    });
    // The build's chunks have their content's hash in their names and never change: kept for a
    // year, and sent without validators (ETag, Last-Modified, Accept-Ranges) that nothing uses,
    // which on a metric page's forty files were 4 kB of headers on the wire.
    await app.register(fastifyStatic, {
      root: join(webRoot, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      wildcard: false,
      preCompressed: true,
      etag: false,
      lastModified: false,
      acceptRanges: false,
      setHeaders(res) {
        res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // A missing file (an old asset after a rebuild, say) is a 404, not the app's page.
    const isFile = path.startsWith('/assets/') || /\.[a-z0-9]{1,8}$/i.test(path);
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api') && !isFile;
    // The sign-in page and the summary (with public links) are small entries of their own of
    // the web build (apps/web/login.html, summary.html): a first visit loads no more than they need.
    // The metric page is the app with its chunks preloaded (apps/web/vite.config.ts, metric.html).
    const page =
      path === '/login' && hasLoginPage
        ? 'login.html'
        : isSummaryPath(path) && hasSummaryPage
          ? 'summary.html'
          : path.startsWith('/metrics/') && hasMetricPage
            ? 'metric.html'
            : 'index.html';
    if (isPage && hasWeb) return reply.header('cache-control', 'no-cache').sendFile(page);
    if (isPage) {
      return reply
        .type('text/html; charset=utf-8')
        .send('<!doctype html><html lang="sv"><title>Tillit</title><p>Webbappen är inte byggd. Kör <code>npm run build</code> (eller <code>npm start</code>).</p></html>');
    }
    return reply.status(404).send({
      error: { code: 'NOT_FOUND', message: `Sökvägen ${request.method} ${path} finns inte.`, requestId: request.id },
    });
  });
}
