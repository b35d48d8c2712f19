/**
 * The app page's start-up modules in one chunk: everything main.tsx imports statically (React,
 * the app frame, Today, the store and what the lazy screens share with them) is fetched as the
 * page's one script instead of the entry plus the small chunks the bundler would split off for
 * what a lazy screen also uses (the store, the preload helper, the interview lifecycle). Each of
 * those is a request of its own that the start must wait for; the lazy screens import them from
 * this chunk instead, which is loaded already.
 */
import type { Rolldown } from 'vite';

export const startBundleCodeSplitting: Rolldown.CodeSplittingOptions = {
  groups: [{ name: 'index', tags: ['$initial'] }],
};
