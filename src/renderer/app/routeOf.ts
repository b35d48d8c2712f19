/** A location hash as a route (`#/a/b?x=1`), without React: the print window's first script reads it. */
export interface Route {
  path: string[];
  query: URLSearchParams;
}

/** The route of a location hash (`#/a/b?x=1`). */
export function routeOf(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  return {
    path: pathPart.split('/').filter(Boolean).map(decodeURIComponent),
    query: new URLSearchParams(queryPart),
  };
}
