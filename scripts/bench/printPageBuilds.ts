/**
 * The print page of several builds, interleaved in one period, for telling a change to the PDF
 * export's fresh window from the machine's noise: each round opens one committee report on every
 * build's `print.html` in a fresh page of one browser (order reversed every other round), times it
 * from navigation to `data-print-ready` (as the export waits, `printStateScript`) and to the PDF's
 * bytes, as the reportPdf metric does. The builds share the app's origin (the first at /, the
 * others at /v1/, /v2/…), so all of them read the seeded profile's database. Writes every sample
 * and the medians as JSON to OUT.
 *
 *   npx tsx scripts/bench/printPageBuilds.ts PORT PROFILE ROUNDS OUT BUILD_DIR...
 *
 * PROFILE was seeded with `npm run bench -- --seed-only --profile PROFILE --port PORT` (a copy is
 * opened); each BUILD_DIR is a web build (`LOOPDESK_WEB_OUT=… npx vite build --config vite.web.config.ts`).
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { printStateScript } from '../../src/main/report/pdfExport';
import { printPageFile } from '../../src/shared/desktopApi';
import { benchLaunch } from './lib/benchBrowser';
import type { BenchSeedMeta } from './lib/benchSeed';
import { benchServerStart } from './lib/benchServer';
import { benchMedian } from './lib/benchStats';

const [portArg, profile, roundsArg, outFile, ...dirs] = process.argv.slice(2);
if (!portArg || !profile || !roundsArg || !outFile || dirs.length === 0) {
  throw new Error('usage: printPageBuilds.ts PORT PROFILE ROUNDS OUT BUILD_DIR...');
}
const rounds = Number(roundsArg);
const meta = JSON.parse(readFileSync(`${profile}.bench.json`, 'utf8')) as BenchSeedMeta;
const prefixes = dirs.map((_, i) => (i === 0 ? '/' : `/v${i}/`));

const copy = join(tmpdir(), `print-builds-${process.pid}`);
rmSync(copy, { recursive: true, force: true });
cpSync(profile, copy, { recursive: true });
const server = await benchServerStart(Object.fromEntries(dirs.map((dir, i) => [prefixes[i]!, dir])), Number(portArg));
const context = await benchLaunch(copy);
const samples = dirs.map(() => ({ ready: [] as number[], total: [] as number[] }));
const loadAtStart = loadavg();
try {
  for (let round = 0; round < rounds; round++) {
    const order = dirs.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    const candidateId = meta.reportCandidateIds[round % meta.reportCandidateIds.length]!;
    for (const i of order) {
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${server.origin}${prefixes[i]}${printPageFile}#/print/report/${candidateId}?audience=committee`);
      const error = (await page.evaluate(printStateScript)) as string | null;
      if (error !== null) throw new Error(`${dirs[i]}: the print page reported an error: ${error}`);
      const ready = performance.now() - started;
      await page.pdf({ format: 'A4', printBackground: true });
      samples[i]!.ready.push(Math.round(ready * 10) / 10);
      samples[i]!.total.push(Math.round((performance.now() - started) * 10) / 10);
      await page.close();
    }
  }
} finally {
  await context.close();
  await server.close();
}
const result = {
  date: new Date().toISOString(),
  rounds,
  loadAverage: { atStart: loadAtStart, atEnd: loadavg() },
  builds: dirs.map((dir, i) => ({
    dir,
    readyMedian: Math.round(benchMedian(samples[i]!.ready) * 10) / 10,
    totalMedian: Math.round(benchMedian(samples[i]!.total) * 10) / 10,
    ...samples[i]!,
  })),
};
writeFileSync(outFile, `${JSON.stringify(result, null, 1)}\n`);
for (const b of result.builds) console.log(`${b.dir}: ready median ${b.readyMedian} ms, to the PDF ${b.totalMedian} ms`);
