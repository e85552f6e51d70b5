import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { unitQueries } from './queries';
import { resolveSelection, type UnitSelection } from './unit-tree';

const EMPTY: UnitSelection = { selected: null, path: [], isUnknown: false };

/** The unit in `?unit=` (default: the root), resolved against the organisation tree. */
export function useUnitSelection() {
  const [searchParams] = useSearchParams();
  const requestedId = searchParams.get('unit');
  const query = useQuery(unitQueries.tree());
  const selection = query.data ? resolveSelection(query.data, requestedId) : EMPTY;
  return { query, requestedId, ...selection };
}
