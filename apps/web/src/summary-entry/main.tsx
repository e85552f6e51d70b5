import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Providers } from '../app/Providers';
import { createQueryClient } from '../app/query-client';
import { initI18n } from '../i18n/i18n';
import { svSummary } from '../i18n/sv-summary';
import { SummaryEntry } from './SummaryEntry';
import '../styles.css';

// The summary's own entry (summary.html): the politicians' summary and public links, with React,
// react-query and i18next but no router and no zod. See SummaryEntry.
const container = document.getElementById('root');
if (!container) throw new Error('summary.html has no #root element');

const queryClient = createQueryClient();

void initI18n(svSummary).then((i18n) =>
  createRoot(container).render(
    <StrictMode>
      <Providers queryClient={queryClient} i18n={i18n}>
        <SummaryEntry />
      </Providers>
    </StrictMode>,
  ),
);
