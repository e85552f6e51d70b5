import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useLanguage } from '../../i18n/useLanguage';
import { unitOptions } from '../admin/unit-options';
import { catalogueQueries } from '../catalogue/queries';
import { unitQueries } from './queries';

/**
 * Names for metric keys and unit ids (a question about data, a row of the import preview); an
 * unknown one shows as itself.
 */
export function useNames() {
  const { language } = useLanguage();
  const metrics = useQuery(catalogueQueries.metrics());
  const units = useQuery(unitQueries.tree());
  return useMemo(() => {
    const metricNames = new Map((metrics.data ?? []).map((m) => [m.key, m.name[language]]));
    const unitNames = new Map(unitOptions(units.data ?? []).map((u) => [u.id, u.label]));
    return {
      metrics: metrics.data ?? [],
      units: units.data ?? [],
      metricName: (key: string) => metricNames.get(key) ?? key,
      unitName: (id: string | null) => (id === null ? null : (unitNames.get(id) ?? id)),
    };
  }, [metrics.data, units.data, language]);
}
