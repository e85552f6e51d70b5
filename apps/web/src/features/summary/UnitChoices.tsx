import type { SummaryResponse } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { unitChoices } from './summary-model';

/** The whole organisation or one of its areas, as links, so the choice is in the URL (a page load: no router). */
export function UnitChoices({ data, hrefFor }: { data: SummaryResponse; hrefFor: (unitId: string, isRoot: boolean) => string }) {
  const { t } = useTranslation();
  return (
    <nav className="unit-choices" aria-label={t('summary.chooseLabel')}>
      <ul>
        {unitChoices(data, t).map((c) => (
          <li key={c.id}>
            <a href={hrefFor(c.id, c.id === data.root.id)} aria-current={c.isCurrent ? 'page' : undefined} className="unit-choices__link">
              {c.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
