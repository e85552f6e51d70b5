/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sv } from '../i18n/sv';
import { svSummary } from '../i18n/sv-summary';

// The summary's own entry (summary.html) loads only `svSummary`, not every text of the app. A
// text it uses but lacks would show as its key ("summary.printHint") to a politician. So: follow
// the entry's imports through the source, collect every literal that names a text
// ('group.key', or the fixed start of `group.key.${…}`), and look each up in `svSummary`.

const SRC = fileURLToPath(new URL('..', import.meta.url));
const GROUPS = Object.keys(sv);

function resolveImport(from: string, spec: string): string | null {
  const base = join(dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx'), base]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Every source file the entry imports, directly or not (relative imports; static and dynamic). */
function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolveImport(file, match[1]!);
      if (target) visit(target);
    }
  };
  visit(entry);
  return [...seen];
}

/** The text keys a file names: 'group.a.b' literals, and `group.a.${…}` starts (as 'group.a'). */
function textKeys(source: string): { key: string; isPrefix: boolean }[] {
  const group = `(?:${GROUPS.join('|')})`;
  const keys: { key: string; isPrefix: boolean }[] = [];
  for (const m of source.matchAll(new RegExp(`['"](${group}\\.[A-Za-z0-9_.]+)['"]`, 'g'))) keys.push({ key: m[1]!, isPrefix: false });
  for (const m of source.matchAll(new RegExp(`\`(${group}\\.[A-Za-z0-9_.]*?)\\.?\\$\\{`, 'g'))) keys.push({ key: m[1]!.replace(/\.$/, ''), isPrefix: true });
  return keys;
}

function lookUp(texts: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), texts);
}

describe("the summary's own texts", () => {
  const files = moduleGraph(join(SRC, 'summary-entry/main.tsx'));

  it('are found by following the entry (the test looks where the summary does)', () => {
    const names = files.map((f) => relative(SRC, f));
    expect(names).toContain('features/summary/SummaryPage.tsx');
    expect(names).toContain('summary-entry/SummaryHeader.tsx');
    // The app's pages are not in the summary's entry.
    expect(names).not.toContain('app/router.tsx');
  });

  it('hold every text the summary, its header and its frame use', () => {
    const missing: string[] = [];
    for (const file of files) {
      for (const { key, isPrefix } of textKeys(readFileSync(file, 'utf8'))) {
        const found = lookUp(svSummary, key);
        // Plural texts are stored as key_one / key_other.
        const isText = typeof found === 'string' || typeof lookUp(svSummary, `${key}_other`) === 'string';
        const isThere = isPrefix ? typeof found === 'object' && found !== null : isText;
        if (!isThere) missing.push(`${relative(SRC, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('are the same texts as the app has', () => {
    for (const group of Object.keys(svSummary) as (keyof typeof svSummary)[]) expect(sv[group]).toBe(svSummary[group]);
  });
});
