import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SignInPage } from './SignInPage';
import '../styles.css';

// The sign-in page's own entry (login.html): React and this page only. See SignInPage.
const container = document.getElementById('root');
if (!container) throw new Error('login.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <SignInPage />
  </StrictMode>,
);
