import type { Direction, GoodDirection, MetricDefinitionVersion } from '@tillit/domain';
import type { IconName } from '../../components/ui/Icon';

// Apart from catalogue-model.ts (the forms, checked with the domain's schemas), so the metric page
// and the principles, which draw these, do not load the catalogue's request schemas.

/** Where new definitions start on a trend: version 1 is the original, so it marks nothing. */
export function definitionMarks(versions: readonly MetricDefinitionVersion[]): { year: number; note: string | null }[] {
  return versions
    .filter((v) => v.version > 1)
    .map((v) => ({ year: v.validFromYear, note: v.note }))
    .sort((a, b) => a.year - b.year);
}

/** An arrow for the way the figure moved (the word says whether that is good): never colour alone. */
export function directionIcon(direction: Direction, good: GoodDirection): IconName {
  if (direction === 'steady') return 'flat';
  if (direction === 'no_data') return 'question';
  if (direction === 'changing') return 'arrowRight';
  const wentDown = (direction === 'improving') === (good === 'lower');
  return wentDown ? 'down' : 'up';
}
