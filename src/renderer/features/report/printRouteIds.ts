import type { Route } from '../../app/routeOf';

/** The candidates a print route is of: `#/print/report/<id>` or `#/print/batch?candidates=a.b`. */
export function printRouteCandidateIds({ path, query }: Route): string[] {
  if (path[1] === 'batch') return (query.get('candidates') ?? '').split('.').filter(Boolean);
  return path[2] ? [path[2]] : [];
}
