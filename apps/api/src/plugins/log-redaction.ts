import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/**
 * A public link's token is its whole permission, and it travels in the path (`/p/TOKEN`, and
 * `/api/public/TOKEN/summary` for its data). Request logs write the path, so the token is cut
 * out before it is: whoever reads the logs must not be able to open the links.
 */
export function redactTokens(url: string): string {
  // The identity provider's answer carries a one-time code (and state): not for the logs either.
  return url.replace(/^(\/p\/|\/api\/public\/)[^/?#]+/, '$1[token]').replace(/^(\/api\/auth\/oidc\/callback)\?.*$/s, '$1?[redacted]');
}

/** The logger options with a request serializer that redacts tokens; `false` stays off. */
export function withTokenRedaction(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === false || logger === undefined) return false;
  const options = logger === true ? {} : logger;
  return {
    ...options,
    serializers: {
      ...options.serializers,
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactTokens(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket.remotePort,
      }),
    },
  };
}
