import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { apiClient } from './api/client';
import { Providers } from './app/Providers';
import { createQueryClient } from './app/query-client';
import { createRouter } from './app/router';
import { initI18n } from './i18n/i18n';
import { sv } from './i18n/sv';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
// Who is signed in is the first thing every page asks: asked now, while the scripts still run.
apiClient.preload('/api/auth/me');
const router = createRouter();

// Drawn once the remembered language's texts are here: Swedish at once, English after its chunk.
void initI18n(sv).then((i18n) =>
  createRoot(container).render(
    <StrictMode>
      <Providers queryClient={queryClient} i18n={i18n}>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  ),
);
