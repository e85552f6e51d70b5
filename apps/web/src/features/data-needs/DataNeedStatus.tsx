import type { DataNeedStatus } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { statusLabelKey } from './data-need-model';

/** A question's status in plain words; the word carries the meaning, the colour only helps. */
export function DataNeedStatusTag({ status }: { status: DataNeedStatus }) {
  const { t } = useTranslation();
  return <span className={`tag data-need-status data-need-status--${status}`}>{t(statusLabelKey(status))}</span>;
}
