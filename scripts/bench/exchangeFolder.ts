/**
 * The exchange folder's reader on 1,000 files at once, in Node (fake-indexeddb, an in-memory
 * folder with the File System Access subset the app uses). Times one `exchangeReceive` round over:
 * - `received`: 1,000 signed bundles from a trusted key, each one sealed interview of its own
 *   candidate (what a busy week of a large panel leaves in the folder), all imported;
 * - `held`: 1,000 signed bundles from a key never seen, all held, nothing written;
 * against a floor measured in the same run: `bundleParse` + `bundleSignatureVerify` of the same
 * 1,000 texts (what any reader must do), no database.
 *
 *   node --import tsx scripts/bench/exchangeFolder.ts [--files 1000] [--out scripts/bench/results/exchange-folder.json]
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { bundleCreate, bundleParse, bundleStringify } from '../../src/core/bundle';
import { bundleSign, bundleSignatureVerify } from '../../src/core/signing/bundleSignature';
import { exchangeFileName } from '../../src/core/exchange/exchangeFolder';
import { keyPinFor } from '../../src/core/signing/keyTrust';
import { exchangeReceive } from '../../src/renderer/db/actions/exchangeActions';
import { sampleBundleContent } from '../../tests/fixtures/bundles/sampleContent';
import { memoryFolder, memoryFolderPut } from '../../tests/unit/db/exchangeMemoryFolder';
import { testDb } from '../../tests/unit/db/dbTestKit';
import { benchRound } from './lib/benchStats';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const files = Number(arg('--files', '1000'));
const out = arg('--out', 'scripts/bench/results/exchange-folder.json');

const secretKey = new Uint8Array(32).fill(5);
const signer = { profileId: 'panel-sender', interviewerId: null, name: 'Panel Sender', publicKey: bytesToHex(ed25519.getPublicKey(secretKey)) };

async function texts(): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < files; i++) {
    const content = sampleBundleContent({ seed: 1_000 + i, candidates: 1, interviewsPerCandidate: 1, interviewers: 1 });
    content.audit = [];
    const bundle = bundleCreate({ content, appVersion: 'bench', createdAt: 1_767_225_600_000 + i, createdBy: signer.name, scope: { kind: 'all' } });
    out.push(bundleStringify(await bundleSign(bundle, signer, (m) => ed25519.sign(m, secretKey))));
  }
  return out;
}

async function round(bundles: string[], isTrusted: boolean) {
  const db = testDb(undefined, `bench-${isTrusted}`);
  const me = { id: 'reader', name: 'Reader', email: '', createdAt: 1 };
  if (isTrusted) await db.keyPins.add(keyPinFor(signer, 1, true));
  const folder = memoryFolder();
  bundles.forEach((text, i) => memoryFolderPut(folder, signer.profileId, exchangeFileName('sealed', `f${i}`, 1), text));
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await exchangeReceive(db, folder, me, { now: Date.now });
  const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
  const ms = performance.now() - started;
  const tally = Object.fromEntries(['received', 'held', 'rejected', 'skipped'].map((o) => [o, result.outcomes.filter((x) => x === o).length]));
  return { ms: benchRound(ms, 0), cpuMs: benchRound(cpuMs, 0), perFileMs: benchRound(ms / bundles.length), tally, candidates: await db.candidates.count() };
}

function floor(bundles: string[]) {
  const started = performance.now();
  for (const text of bundles) {
    const parsed = bundleParse(text);
    if (!parsed.ok || !bundleSignatureVerify(parsed.value).ok) throw new Error('bench fixture does not verify');
  }
  return benchRound(performance.now() - started, 0);
}

const bundles = await texts();
const bytes = bundles.reduce((n, t) => n + t.length, 0);
floor(bundles.slice(0, 50));
const floorMs = floor(bundles);
const received = await round(bundles, true);
const held = await round(bundles, false);
const results = {
  what: `exchangeReceive over ${files} signed bundles at once (one sealed interview each), Node + fake-indexeddb, in-memory folder`,
  commit: execSync('git rev-parse --short HEAD').toString().trim(),
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg().map((x) => benchRound(x)) },
  files,
  megabytes: benchRound(bytes / 1e6),
  floor: { what: 'bundleParse + bundleSignatureVerify of the same texts, no database', ms: floorMs },
  received: { ...received, ratioToFloor: benchRound(received.ms / floorMs) },
  held: { ...held, ratioToFloor: benchRound(held.ms / floorMs) },
};
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
