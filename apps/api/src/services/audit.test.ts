import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAuditKind } from '@tillit/domain';
import { describe, expect, it } from 'vitest';

const SOURCE = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** A string argument as written: a literal, or a constant of the same file (`const ENTITY = 'annotation'`). */
function resolve(arg: string, text: string): string | null {
  const literal = /^'([^']*)'$/.exec(arg);
  if (literal) return literal[1] ?? null;
  const constant = new RegExp(`const ${arg}\\s*=\\s*'([^']*)'`).exec(text);
  return constant?.[1] ?? null;
}

describe('the kinds of audit entry', () => {
  it('every write the API audits is a kind the domain lists, so the log page has words for it', () => {
    const calls: string[] = [];
    for (const file of sourceFiles(SOURCE)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\baudit\(\s*db\s*,\s*[^,]+,\s*([\w']+)\s*,\s*([\w']+)\s*,/g)) {
        const action = resolve(m[1] ?? '', text);
        const entity = resolve(m[2] ?? '', text);
        calls.push(`${action} ${entity}`);
        expect(action !== null && entity !== null && isAuditKind(entity, action), `${file}: audit(${m[1]}, ${m[2]})`).toBe(true);
      }
    }
    // The scan finds the calls (a scan that finds none would pass for nothing).
    expect(calls).toContain('create public_link');
    expect(calls).toContain('update metric');
    expect(calls.length).toBeGreaterThan(20);
  });
});
