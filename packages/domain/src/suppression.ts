import type { AggregatedNode } from './aggregate.js';
import type { SuppressionReason } from './schemas.js';
import type { UnitNode } from './tree.js';

export interface SuppressionResult {
  suppressed: boolean;
  reason: SuppressionReason | null;
}

export interface SuppressionOptions {
  /** The numerator is a part of the denominator (a share): a hidden figure must not be pinned at 100 %. */
  bounded?: boolean;
  /** Units whose figure the reader already knows: released before and unchanged since. */
  known?: ReadonlySet<string>;
  /** Units to hide whatever the rules say (decided by the history audit, see `release.ts`). */
  hidden?: ReadonlySet<string>;
}

/** What a reader of the shown figures can know, for the history audit. */
export interface TreeKnowledge {
  verdicts: Map<string, SuppressionResult>;
  /** Every term (unit total, or own part: see `ownPartId`) the reader can know. */
  known: ReadonlySet<string>;
  /** For every known unit: the hidden terms its figure minus the known figures below it covers. */
  residuals: ReadonlyMap<string, { terms: readonly string[]; covered: readonly string[] }>;
  /** The terms the figures known before (`options.known`) give away by themselves. */
  knownBefore: ReadonlySet<string>;
  /** The shown or known-before units a known term is worked out from (itself when shown). */
  support: (term: string) => string[];
}

/**
 * Decides which figures of one metric and year may be shown.
 *
 * Primary suppression hides a figure about `threshold` persons or fewer (a figure that does not
 * say how many counts as one person, so a total above it survives one incomplete row).
 * Secondary suppression then hides more figures until subtraction reveals nothing about a small
 * group and pins no hidden figure. Every unit's total is the sum of its children's totals and its
 * own figures (the "own part", never shown by itself). A figure is known when it is shown, known
 * before (`options.known`), or follows from one such sum whose other terms are all known. For
 * every known total, the hidden terms that no known figure below it covers (the residual: total
 * minus the topmost known figures below) are what subtraction reveals:
 *
 * - their persons together must be more than `threshold` (one hidden term alone is worked out
 *   exactly, so it must be about more than `threshold` persons itself);
 * - when there are several, their sum must not pin them: counts are never negative, so a
 *   residual of 0 says every hidden term is 0 (no manager left, no hour of sick leave), and for a
 *   share a residual numerator equal to its denominator says every one is 100 %.
 *
 * Whenever that is broken, the least informative figure still shown that mends it is hidden too,
 * and the check runs again. Figures only ever go from shown to hidden, so it ends. Finally, a
 * figure hidden only for others' sake that can be worked out anyway is shown: hiding it protects
 * nothing, and showing it says so honestly. Violations that the already known figures alone
 * cause cannot be mended (what was shown cannot be taken back) and are left.
 *
 * Returns an entry for every unit with data; units without data have none.
 */
export function suppressTree(
  roots: readonly UnitNode[],
  cells: ReadonlyMap<string, AggregatedNode>,
  threshold: number | null,
  options: SuppressionOptions = {},
): Map<string, SuppressionResult> {
  return analyseTree(roots, cells, threshold, options).verdicts;
}

/** `suppressTree`, with what the reader can know from the result. */
export function analyseTree(
  roots: readonly UnitNode[],
  cells: ReadonlyMap<string, AggregatedNode>,
  threshold: number | null,
  options: SuppressionOptions = {},
): TreeKnowledge {
  const model = buildModel(roots, cells);
  const result = new Map<string, SuppressionResult>();
  for (const id of model.units) result.set(id, { suppressed: false, reason: null });
  if (threshold === null) {
    return {
      verdicts: result,
      known: new Set(model.terms.keys()),
      residuals: new Map(),
      knownBefore: new Set(),
      support: (term) => (model.units.includes(term) ? [term] : []),
    };
  }

  const isSmall = (groupSize: number): boolean => groupSize <= threshold;
  const rules: Rules = { isSmall, bounded: options.bounded === true };
  for (const id of model.units) {
    const t = model.terms.get(id)!;
    if (isSmall(t.minGroup)) result.set(id, { suppressed: true, reason: t.isGroupExact ? 'small_group' : 'unknown_group_size' });
    else if (options.hidden?.has(id)) result.set(id, { suppressed: true, reason: 'secondary' });
  }

  const knownBefore = new Set([...(options.known ?? [])].filter((id) => model.terms.has(id)));
  const isShown = (id: string): boolean => model.terms.get(id)?.isOwnPart === false && result.get(id)?.suppressed === false;
  const isHideable = (id: string): boolean => isShown(id) && !knownBefore.has(id);
  const knownNow = (): Map<string, number | null> => {
    const known = new Map<string, number | null>();
    for (const id of model.units) if (isShown(id) || knownBefore.has(id)) known.set(id, null);
    deriveClosure(model.families, known);
    return known;
  };

  // What the figures known before give away cannot be mended by hiding today's.
  const inherited = new Set<string>();
  const before = new Map<string, number | null>([...knownBefore].map((id) => [id, null]));
  if (knownBefore.size > 0) {
    deriveClosure(model.families, before);
    for (const v of violations(model, before, rules)) inherited.add(v.key);
  }

  // Each round hides at least one more figure, so there are at most as many rounds as units.
  for (let round = 0; round <= result.size; round++) {
    const known = knownNow();
    let violation: Violation | undefined;
    for (const v of violations(model, known, rules)) {
      if (!inherited.has(v.key)) {
        violation = v;
        break;
      }
    }
    if (!violation) break;
    const target = chooseFigureToHide(violation, model, known, isHideable);
    if (target !== null) {
      result.set(target, { suppressed: true, reason: 'secondary' });
    } else if (knownBefore.size > 0) {
      inherited.add(violation.key); // made by what was known before: nothing shown today mends it
    } else {
      // Nothing shown is left to hide in that chain: hide everything that is still shown.
      for (const id of model.units) if (isShown(id)) result.set(id, { suppressed: true, reason: 'secondary' });
      break;
    }
  }

  const known = knownNow();
  for (const [id, v] of result) {
    if (v.reason === 'secondary' && known.has(id)) result.set(id, { suppressed: false, reason: null });
  }
  const residuals = new Map<string, { terms: string[]; covered: string[] }>();
  for (const id of model.units) {
    if (!known.has(id)) continue;
    const { terms, covered } = residualOf(model, known, id);
    residuals.set(id, { terms, covered });
  }
  return {
    verdicts: result,
    known: new Set(known.keys()),
    residuals,
    knownBefore: new Set(before.keys()),
    support: (term) => supportOf(model, known, term),
  };
}

/** The id of the figures reported on a unit itself, as a term of its parent's sum. */
export function ownPartId(id: string): string {
  return `${id}\u0000own`;
}

interface Term {
  id: string;
  /** The fewest persons the term is about (see `Cell.minGroupSize`). */
  minGroup: number;
  isGroupExact: boolean;
  numerator: number;
  denominator: number;
  isOwnPart: boolean;
}

interface Family {
  parent: string;
  components: string[];
}

interface Model {
  /** Units with data, parents before children. */
  units: string[];
  terms: Map<string, Term>;
  families: Family[];
  /** The children with data of every unit that has any. */
  childrenOf: Map<string, string[]>;
  /** The own part's term (`ownPartId`) of every unit that has one. */
  ownOf: Map<string, string>;
}

interface Rules {
  isSmall: (groupSize: number) => boolean;
  bounded: boolean;
}

function buildModel(roots: readonly UnitNode[], cells: ReadonlyMap<string, AggregatedNode>): Model {
  const model: Model = { units: [], terms: new Map(), families: [], childrenOf: new Map(), ownOf: new Map() };
  const visit = (node: UnitNode): void => {
    const agg = cells.get(node.id);
    if (!agg?.total) return;
    model.units.push(node.id);
    model.terms.set(node.id, termOf(node.id, agg.total, false));
    const childIds = node.children.filter((c) => cells.get(c.id)?.total).map((c) => c.id);
    node.children.forEach(visit);
    if (childIds.length === 0) return;
    const components = [...childIds];
    if (agg.own) {
      const ownId = ownPartId(node.id);
      model.terms.set(ownId, termOf(ownId, agg.own, true));
      model.ownOf.set(node.id, ownId);
      components.push(ownId);
    }
    model.families.push({ parent: node.id, components });
    model.childrenOf.set(node.id, childIds);
  };
  roots.forEach(visit);
  return model;
}

function termOf(id: string, cell: NonNullable<AggregatedNode['total']>, isOwnPart: boolean): Term {
  return {
    id,
    minGroup: cell.minGroupSize,
    isGroupExact: cell.groupSize !== null,
    numerator: cell.numerator,
    denominator: cell.denominator,
    isOwnPart,
  };
}

/** The shown (or known before) units a known term is worked out from: itself when it is one. */
function supportOf(model: Model, known: ReadonlyMap<string, number | null>, term: string): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (t: string): void => {
    if (seen.has(t) || !known.has(t)) return;
    seen.add(t);
    const family = known.get(t);
    if (family === null || family === undefined) {
      if (model.terms.get(t)?.isOwnPart === false) out.add(t);
      return;
    }
    for (const other of termsOf(model.families[family]!)) if (other !== t) walk(other);
  };
  walk(term);
  return [...out];
}

function termsOf(f: Family): string[] {
  return [f.parent, ...f.components];
}

/**
 * Adds every term that follows from a sum whose other terms are known (value: that family).
 * Runs once per round of the suppression over every family, so it allocates nothing per family.
 */
function deriveClosure(families: readonly Family[], known: Map<string, number | null>): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (let index = 0; index < families.length; index++) {
      const f = families[index]!;
      let unknown: string | null = null;
      let count = 0;
      if (!known.has(f.parent)) {
        unknown = f.parent;
        count = 1;
      }
      for (const t of f.components) {
        if (known.has(t)) continue;
        count++;
        unknown = t;
        if (count > 1) break;
      }
      if (count === 1) {
        known.set(unknown!, index);
        changed = true;
      }
    }
  }
}

/** A known figure minus the topmost known figures below it. */
interface Residual {
  /** The hidden terms it covers: leaves and own parts. */
  terms: string[];
  /** The topmost known figures below. */
  covered: string[];
  minGroup: number;
  numerator: number;
  denominator: number;
}

function residualOf(model: Model, known: ReadonlyMap<string, number | null>, id: string): Residual {
  const terms: string[] = [];
  const covered: string[] = [];
  // Summed as `sumQuantities` does (in hundredths), without an array per quantity: this runs for
  // every known figure in every round of the suppression.
  let minGroup = 0;
  let numerator = 0;
  let denominator = 0;
  const addTerm = (termId: string): void => {
    terms.push(termId);
    const t = model.terms.get(termId)!;
    minGroup += Math.round(t.minGroup * 100);
    numerator += Math.round(t.numerator * 100);
    denominator += Math.round(t.denominator * 100);
  };
  const add = (unitId: string): void => {
    const own = model.ownOf.get(unitId);
    if (own !== undefined) addTerm(own);
    const children = model.childrenOf.get(unitId);
    if (!children) {
      addTerm(unitId); // a leaf: its figure is its own
      return;
    }
    for (const c of children) {
      if (known.has(c)) covered.push(c);
      else add(c);
    }
  };
  add(id);
  return { terms, covered, minGroup: minGroup / 100, numerator: numerator / 100, denominator: denominator / 100 };
}

type ViolationKind = 'group' | 'zero' | 'full';

/** A broken rule: a known figure whose residual reveals too much. */
interface Violation {
  kind: ViolationKind;
  /** Stable over rounds: the kind, the figure and the hidden terms it reveals. */
  key: string;
  /** The figure whose residual reveals too much. */
  exposed: string;
  /** The family the exposed figure was derived through; null when it is shown or known before. */
  family: number | null;
  residual: Residual;
}

function* violations(model: Model, known: ReadonlyMap<string, number | null>, rules: Rules): Generator<Violation> {
  for (const id of model.units) {
    if (!known.has(id)) continue;
    const residual = residualOf(model, known, id);
    if (residual.terms.length === 0) continue;
    // A single hidden term is worked out exactly; for several, their sum must not pin them.
    let kind: ViolationKind | null = null;
    if (rules.isSmall(residual.minGroup)) kind = 'group';
    else if (residual.terms.length > 1 && residual.numerator <= 0) kind = 'zero';
    else if (residual.terms.length > 1 && rules.bounded && residual.numerator >= residual.denominator) kind = 'full';
    // A leaf known and shown about a large group is simply a shown figure.
    if (kind === null) continue;
    yield {
      kind,
      key: `${kind}:${id}:${[...residual.terms].sort().join(',')}`,
      exposed: id,
      family: known.get(id) ?? null,
      residual,
    };
  }
}

/**
 * The least informative figure still shown whose hiding mends the violation: a shown figure
 * below it that changes the residual in the right way (for a group, the smallest; for a zero,
 * one with a numerator; for a full share, one that is not full), else one that such a figure
 * below is worked out from, else the exposed figure itself or the smallest of those it is worked
 * out from.
 */
function chooseFigureToHide(
  violation: Violation,
  model: Model,
  known: ReadonlyMap<string, number | null>,
  isHideable: (id: string) => boolean,
): string | null {
  const term = (id: string): Term => model.terms.get(id)!;
  const mends = (id: string): boolean => {
    if (violation.kind === 'zero') return term(id).numerator > 0;
    if (violation.kind === 'full') return term(id).numerator < term(id).denominator;
    return true;
  };
  const below = violation.residual.covered.filter((id) => isHideable(id) && mends(id));
  if (below.length > 0) return smallest(below, model);
  // A figure below that is worked out rather than shown: hide what it is worked out from.
  const behind = violation.residual.covered
    .filter((id) => !isHideable(id) && typeof known.get(id) === 'number' && mends(id))
    .flatMap((id) => supportOf(model, known, id).filter(isHideable));
  if (behind.length > 0) return smallest(behind, model);
  // The exposed figure itself when shown, else what it is worked out from.
  const source = supportOf(model, known, violation.exposed).filter(isHideable);
  if (source.length > 0) return smallest(source, model);
  return null;
}

function smallest(ids: readonly string[], model: Model): string {
  return [...ids].sort((a, b) => {
    const ga = model.terms.get(a)?.minGroup ?? Infinity;
    const gb = model.terms.get(b)?.minGroup ?? Infinity;
    return ga - gb || a.localeCompare(b);
  })[0]!;
}
