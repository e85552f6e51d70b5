import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { redactTokens, withTokenRedaction } from './log-redaction.js';

describe('redactTokens', () => {
  it('cuts the token out of public-link paths and leaves other paths alone', () => {
    expect(redactTokens('/p/abcDEF_123-x')).toBe('/p/[token]');
    expect(redactTokens('/p/abcDEF_123-x?unit=ifo')).toBe('/p/[token]?unit=ifo');
    expect(redactTokens('/api/public/abcDEF_123-x/summary?unit=ifo')).toBe('/api/public/[token]/summary?unit=ifo');
    expect(redactTokens('/api/public-links/3')).toBe('/api/public-links/3');
    expect(redactTokens('/summary?unit=ifo')).toBe('/summary?unit=ifo');
  });

  it("cuts the identity provider's one-time code and state out of the callback's address", () => {
    expect(redactTokens('/api/auth/oidc/callback?code=secret-code&state=s&iss=http%3A%2F%2Fidp')).toBe('/api/auth/oidc/callback?[redacted]');
    expect(redactTokens('/api/auth/oidc/callback')).toBe('/api/auth/oidc/callback');
    expect(redactTokens('/api/auth/oidc/login?next=%2Fsummary')).toBe('/api/auth/oidc/login?next=%2Fsummary');
  });

  it('keeps tokens out of the request log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = Fastify({ logger: withTokenRedaction({ level: 'info', stream }) });
    app.get('/p/:token', async () => 'ok');
    await app.inject({ url: '/p/secret-token-123?unit=ifo' });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('/p/[token]?unit=ifo');
    expect(log).not.toContain('secret-token-123');
  });
});
