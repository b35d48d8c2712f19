/**
 * The print page's first script (`print.html`): starts the report's read (`printPageRead`), then
 * runs the page (`printMain`), whose chunk the page links as a module preload, so it is fetched
 * and compiled while the read's round trips go on.
 */
import { printPageRead } from './features/report/printPageRead';
// The app's styles before the report's (which its screens bring), in the order the app's page has them.
import './styles.css';

void printPageRead();
void import('./printMain');
