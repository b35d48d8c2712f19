/**
 * Chromium for the benchmark: the same executable and flags as the e2e tests (playwright.config.ts),
 * a persistent profile per purpose (IndexedDB on disk, as in the app), and the operating system's
 * view of the browser's processes for peak memory.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../../playwright.config';
import type { BenchPageApi } from '../page/benchApiTypes';
import type { BenchProbeActions, BenchProbeState } from '../page/benchProbeTypes';

export interface BenchLaunchOptions {
  /** Adds --js-flags=--expose-gc so a run can start from a collected heap. */
  exposeGc?: boolean;
}

export async function benchLaunch(userDataDir: string, options: BenchLaunchOptions = {}): Promise<BrowserContext> {
  const executablePath = chromiumPath();
  return chromium.launchPersistentContext(userDataDir, {
    ...(executablePath ? { executablePath } : {}),
    args: [...chromiumArgs, ...(options.exposeGc ? ['--js-flags=--expose-gc'] : [])],
    headless: true,
    viewport: { width: 1440, height: 900 },
  });
}

/** The first page of a persistent context (it opens with one). */
export async function benchPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/** Opens the benchmark host page on the app's origin and waits for its library. */
export async function benchHostOpen(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/__bench/host.html`);
  await page.waitForSelector('html[data-bench-ready]', { state: 'attached' });
}

type Fn = (...args: never[]) => unknown;
/** Calls a function of the in-page library (`window.__loopdeskBench`). */
export async function benchCall<K extends keyof BenchPageApi>(
  page: Page,
  name: K,
  ...args: BenchPageApi[K] extends Fn ? Parameters<BenchPageApi[K]> : never
): Promise<BenchPageApi[K] extends Fn ? Awaited<ReturnType<BenchPageApi[K]>> : never> {
  return page.evaluate(
    ([fn, fnArgs]) => {
      const lib = (globalThis as unknown as { __loopdeskBench: Record<string, (...a: unknown[]) => unknown> })
        .__loopdeskBench;
      return lib[fn]!(...fnArgs) as never;
    },
    [name as string, args as unknown[]] as const,
  ) as never;
}

/** Calls a step of the probe installed in the page (`window.__benchActions`). */
export async function benchAct<K extends keyof BenchProbeActions>(
  page: Page,
  name: K,
  ...args: Parameters<BenchProbeActions[K]>
): Promise<Awaited<ReturnType<BenchProbeActions[K]>>> {
  return page.evaluate(
    ([fn, fnArgs]) => {
      const lib = (globalThis as unknown as { __benchActions: Record<string, (...a: unknown[]) => unknown> })
        .__benchActions;
      return lib[fn]!(...fnArgs) as never;
    },
    [name as string, args as unknown[]] as const,
  ) as never;
}

/** What the probe recorded so far. */
export async function benchProbeRead(page: Page): Promise<BenchProbeState> {
  return page.evaluate(() => (globalThis as unknown as { __benchProbe: BenchProbeState }).__benchProbe);
}

// --- processes -----------------------------------------------------------------------------

interface ProcInfo {
  pid: number;
  ppid: number;
  cmdline: string;
}

function procList(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ');
      out.push({ pid: Number(name), ppid, cmdline });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

export interface BenchProcesses {
  browser: number;
  renderers: number[];
  others: number[];
}

/** The Chromium processes of the browser that uses `userDataDir`. */
export function benchProcesses(userDataDir: string): BenchProcesses {
  const all = procList();
  const browser = all.find(
    (p) => p.cmdline.includes(`--user-data-dir=${userDataDir}`) && !p.cmdline.includes('--type='),
  );
  if (!browser) throw new Error(`no browser process for ${userDataDir}`);
  const children = new Map<number, ProcInfo[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const descendants: ProcInfo[] = [];
  const stack = [browser.pid];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()!) ?? []) {
      descendants.push(child);
      stack.push(child.pid);
    }
  }
  return {
    browser: browser.pid,
    renderers: descendants.filter((p) => p.cmdline.includes('--type=renderer')).map((p) => p.pid),
    others: descendants.filter((p) => !p.cmdline.includes('--type=renderer')).map((p) => p.pid),
  };
}

/** Resets a process's peak resident set (Linux `clear_refs` 5); false where not permitted. */
export function benchPeakReset(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Peak and current resident set of a process, in MB (VmHWM, VmRSS). */
export function benchMemory(pid: number): { peakMb: number; rssMb: number } | null {
  const path = `/proc/${pid}/status`;
  if (!existsSync(path)) return null;
  try {
    const status = readFileSync(path, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return null;
  }
}
