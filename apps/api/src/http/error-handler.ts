import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, TooManyRequestsError, type ErrorDetail } from '../errors.js';

function envelope(code: string, message: string, requestId: string, details?: ErrorDetail[]) {
  return { error: { code, message, ...(details ? { details } : {}), requestId } };
}

/**
 * Errors Fastify's router raises before any route or hook runs (a path that is not valid
 * percent-encoding, a path parameter over 100 characters): without this they get Fastify's own
 * body, not the envelope, and echo the whole path back. Set as the `frameworkErrors` option.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const isTooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const message = isTooLong ? 'En del av adressen är för lång.' : 'Adressen är inte giltig.';
  void reply.status(isTooLong ? 414 : 400).send(envelope('VALIDATION', message, request.id, [{ path: 'params', message }]));
}

/** One error envelope for every failure: `{ error: { code, message, details?, requestId } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(error.statusCode).send(envelope(error.code, error.message, request.id, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.'),
        message: v.message ?? 'Ogiltigt värde',
      }));
      const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
      return reply.status(400).send(envelope('VALIDATION', `Ogiltig förfrågan – ${summary}`, request.id, details));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return reply.status(500).send(envelope('INTERNAL', 'Ett internt fel inträffade.', request.id));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send(envelope(error.code ?? 'BAD_REQUEST', error.message, request.id));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(envelope('INTERNAL', 'Ett internt fel inträffade. Försök igen om en stund.', request.id));
  });
}
