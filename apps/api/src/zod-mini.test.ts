import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';

// The domain's schemas are written with zod/mini (docs/architecture.md, "One contract"), so the
// web loads no full zod. fastify-type-provider-zod 7 takes zod's core schemas, which both zod and
// zod/mini build: this proves that a zod/mini schema checks a body, is the response's allow-list
// and appears in the OpenAPI document, with the compilers app.ts sets.
const noteBody = z.object({
  text: z.string().check(z.trim(), z.minLength(1, 'Skriv en text'), z.maxLength(20)),
  year: z.optional(z.int().check(z.gte(1990), z.lte(2100))),
});
const noteResponse = z.object({ id: z.int(), text: z.string(), year: z.nullable(z.int()) });

async function appWithMiniRoute() {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(fastifySwagger, { openapi: { info: { title: 'zod/mini', version: '1' } }, transform: jsonSchemaTransform });
  app.post('/notes', { schema: { body: noteBody, response: { 201: noteResponse } } }, async (request, reply) => {
    // The body is typed from the mini schema: `text` a string, `year` a number or undefined.
    const { text, year } = request.body;
    // `secret` is not in the response schema: it must not leave the server.
    return reply.code(201).send({ id: 7, text, year: year ?? null, secret: 'inte ut' } as z.infer<typeof noteResponse>);
  });
  await app.ready();
  return app;
}

describe('zod/mini schemas in routes (fastify-type-provider-zod 7)', () => {
  it('checks a body: a valid one is parsed (trimmed), a bad one is a 400 naming the field', async () => {
    const app = await appWithMiniRoute();
    const ok = await app.inject({ method: 'POST', url: '/notes', payload: { text: '  Hej  ', year: 2024 } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ id: 7, text: 'Hej', year: 2024 });

    const bad = await app.inject({ method: 'POST', url: '/notes', payload: { text: '   ', year: 1980 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Skriv en text');
    expect(bad.body).toContain('year');
    await app.close();
  });

  it('serialises with the response schema as the allow-list: a field not in it never leaves', async () => {
    const app = await appWithMiniRoute();
    const res = await app.inject({ method: 'POST', url: '/notes', payload: { text: 'Hej' } });
    expect(res.json()).toEqual({ id: 7, text: 'Hej', year: null });
    expect(res.body).not.toContain('inte ut');
    await app.close();
  });

  it('describes body and response in the OpenAPI document', async () => {
    const app = await appWithMiniRoute();
    const doc = app.swagger() as { paths: Record<string, { post: { requestBody: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content: Record<string, { schema: unknown }> }> } }> };
    const post = doc.paths['/notes']!.post;
    expect(post.requestBody.content['application/json']!.schema).toMatchObject({
      type: 'object',
      properties: { text: { type: 'string', minLength: 1, maxLength: 20 }, year: { type: 'integer', minimum: 1990, maximum: 2100 } },
      required: ['text'],
    });
    expect(post.responses['201']!.content['application/json']!.schema).toMatchObject({
      type: 'object',
      properties: { id: { type: 'integer' }, text: { type: 'string' } },
      required: ['id', 'text', 'year'],
    });
    await app.close();
  });
});
