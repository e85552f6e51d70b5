import { useTranslation } from 'react-i18next';

/** Prints the page; the print stylesheet leaves out everything but the summary itself. */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--primary print-button" onClick={() => window.print()}>
      <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" width="18" height="18" className="icon">
        <path
          d="M5.5 8V3h9v5M5.5 14.5h-2v-6h13v6h-2M6 12h8v5H6z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinejoin="round"
        />
      </svg>
      {t('summary.print')}
    </button>
  );
}
