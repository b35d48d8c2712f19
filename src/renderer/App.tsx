import { AppShell } from './app/AppShell';
import { useRoute } from './app/router';
import { TodayScreen } from './features/today/TodayScreen';
import { NotFoundScreen } from './features/NotFoundScreen';

/** Maps the hash route to a screen. */
export function App() {
  const { path } = useRoute();
  const [section = 'today'] = path;
  let screen;
  switch (section) {
    case 'today':
      screen = <TodayScreen />;
      break;
    default:
      screen = <NotFoundScreen />;
  }
  return <AppShell>{screen}</AppShell>;
}
