/**
 * CPU profiles for explaining a figure: the V8 sampling profiler over CDP around one measured step
 * of a page, written as a `.cpuprofile` (open it in Chrome DevTools → Performance) and summarised
 * as self time by function and by script.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface BenchProfileSummary {
  file: string;
  totalMs: number;
  /** Self time by function, heaviest first. */
  functions: Array<{ name: string; selfMs: number }>;
  /** Self time by script (file name) or V8 category such as (garbage collector). */
  scripts: Array<{ name: string; selfMs: number }>;
}

export function benchProfileSummarise(profile: CpuProfile, file: string, top = 15): BenchProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const fn = new Map<string, number>();
  const script = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]!);
    if (!node) continue;
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url ? url.split('/').pop()! : '';
    const name = `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
    fn.set(name, (fn.get(name) ?? 0) + ms);
    const key = file || functionName || '(native)';
    script.set(key, (script.get(key) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, selfMs]) => ({ name, selfMs: Math.round(selfMs * 10) / 10 }));
  return {
    file,
    totalMs: Math.round((profile.endTime - profile.startTime) / 1000),
    functions: sorted(fn),
    scripts: sorted(script),
  };
}

/** Runs `step` with the page's CPU profiled; writes the profile to `file`. */
export async function benchCpuProfile<T>(
  page: Page,
  file: string,
  step: () => Promise<T>,
): Promise<{ result: T; summary: BenchProfileSummary }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  const result = await step();
  const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await session.detach();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(profile));
  return { result, summary: benchProfileSummarise(profile, file) };
}
