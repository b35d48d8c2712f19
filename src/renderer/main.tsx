import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { printRoutePreload } from './features/report/printRoutePreload';

if (!location.hash) location.replace('#/today');
if (location.hash.startsWith('#/print/')) printRoutePreload();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
