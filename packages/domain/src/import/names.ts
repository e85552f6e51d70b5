/**
 * Names as people type them: compared after Unicode NFC normalisation (a Mac writes `ö` as `o` +
 * a combining diaeresis, NFD), case-folded, with runs of spaces (also no-break spaces) as one.
 * Unknown names get the closest known ones by edit distance. Pure.
 */

/** `Hemtjänst  Öster` (NFD, two spaces) and `hemtjänst öster` (NFC) fold to the same text. */
export function foldName(s: string): string {
  return s.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').trim().toLocaleLowerCase('sv');
}

/** Without accents, case or punctuation: what an edit distance is measured on. */
export function looseName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Levenshtein distance, giving up (returning `max + 1`) once it is certain to exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Up to `limit` of `candidates` closest to `text` (each candidate is shown as given), nearest
 * first: only those within about a third of the name's length, so that a name far from all of
 * them gets no suggestion rather than a random one.
 */
export function closestNames(text: string, candidates: readonly string[], limit = 3): string[] {
  const t = looseName(text);
  if (t === '') return [];
  const max = Math.max(2, Math.ceil(t.length / 3));
  const scored: { name: string; d: number }[] = [];
  const seen = new Set<string>();
  for (const name of candidates) {
    if (seen.has(name)) continue;
    seen.add(name);
    const c = looseName(name);
    // A name that starts with what was typed ("Hemtjänst" for "Hemtjänst Öster") is close too.
    const d = c.startsWith(t) || t.startsWith(c) ? Math.min(1, editDistance(t, c, max)) : editDistance(t, c, max);
    if (d <= max) scored.push({ name, d });
  }
  return scored
    .sort((x, y) => x.d - y.d || x.name.localeCompare(y.name, 'sv'))
    .slice(0, limit)
    .map((s) => s.name);
}

/** `"a", "b" eller "c"`: a list in running Swedish text. */
export function swedishList(names: readonly string[], quote = true): string {
  const q = names.map((n) => (quote ? `"${n}"` : n));
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} eller ${q.at(-1)}`;
}

/** Words an HR system puts in a subtotal row's unit cell: `Summa Hemtjänst`, `Hemtjänst totalt`, `Totalt`. */
const TOTAL_WORDS = /^(?:delsumma|summa totalt|summa|totalsumma|totalt|total|sum|subtotal|grand total)$/;
const TOTAL_PREFIX = /^(?:delsumma|summa|totalt|total|sum|subtotal)[\s:–-]+/;
const TOTAL_SUFFIX = /[\s:–-]+\(?(?:delsumma|summa|totalt|total|sum|subtotal)\)?$/;

/** The cell says only "Totalt", "Summa" or the like: a total of the whole file, naming no unit. */
export function isBareTotalLabel(folded: string): boolean {
  return TOTAL_WORDS.test(folded);
}

/** `summa hemtjänst` → `hemtjänst`; null when the text has no total word around a name. */
export function withoutTotalWord(folded: string): string | null {
  const stripped = folded.replace(TOTAL_PREFIX, '').replace(TOTAL_SUFFIX, '').trim();
  return stripped !== folded && stripped !== '' ? stripped : null;
}
