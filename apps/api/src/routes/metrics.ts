import { createHash, timingSafeEqual } from 'node:crypto';
import { errorEnvelopeSchema } from '@tillit/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod/mini';
import { AppError, NotFoundError } from '../errors.js';
import type { Metrics } from '../services/metrics.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares in constant time: both sides are hashed to the same length first. */
export function isTokenEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

class MetricsUnauthorizedError extends AppError {
  constructor() {
    super(401, 'UNAUTHORIZED', 'Ange rätt token: Authorization: Bearer <METRICS_TOKEN>.');
  }
}

/**
 * `GET /metrics` for Prometheus. Off (404, as for any unknown path) unless METRICS_TOKEN is set;
 * then it answers only `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise). Not under /api:
 * it is for the monitoring system, not for people, and does not use the session cookie.
 */
export function registerMetrics(app: FastifyInstance, options: { token: string | null; metrics: Metrics | null }): void {
  const { token, metrics } = options;
  if (metrics) {
    app.addHook('onResponse', (request, reply, done) => {
      metrics.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime);
      done();
    });
  }

  app.withTypeProvider<ZodTypeProvider>().get(
    '/metrics',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Prometheus metrics; needs Authorization: Bearer <METRICS_TOKEN>',
        tags: ['system'],
        headers: z.object({ authorization: z.optional(z.string().check(z.maxLength(1000))) }),
        response: {
          200: z.string().check(z.describe('Prometheus text format')),
          401: errorEnvelopeSchema,
          404: errorEnvelopeSchema.check(z.describe('METRICS_TOKEN is not set')),
        },
      },
    },
    async (request, reply) => {
      if (token === null || metrics === null) throw new NotFoundError(`Sökvägen ${request.method} /metrics finns inte.`);
      const match = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '');
      if (!match?.[1] || !isTokenEqual(match[1].trim(), token)) {
        void reply.header('www-authenticate', 'Bearer realm="tillit-metrics"');
        throw new MetricsUnauthorizedError();
      }
      const text = await metrics.registry.metrics();
      return reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(text);
    },
  );
}
