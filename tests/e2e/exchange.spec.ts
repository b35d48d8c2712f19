/**
 * The exchange folder between two machines: two Playwright persistent contexts (two browser
 * profiles, two IndexedDBs) share one temporary folder.
 *
 * Playwright cannot drive the native folder picker, so each context gets, through
 * `context.addInitScript` + `context.exposeBinding`, a fake `window.showDirectoryPicker` whose
 * handles implement the part of the File System Access API the app uses — `values()`,
 * `getDirectoryHandle`/`getFileHandle` (with `create`), `removeEntry`, `getFile()` (size,
 * lastModified, `stream()`), `createWritable()` → `write`/`close`, `move(newName)`, and
 * `queryPermission`/`requestPermission` (always granted) — each backed by a Node `fs` call on the
 * temporary folder (paths are confined to it). Everything else is the real app.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { chromium, test, expect, type BrowserContext, type Page } from '@playwright/test';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { bundleCreate, bundleStringify } from '../../src/core/bundle';
import { bundleSign, keyFingerprint } from '../../src/core/signing/bundleSignature';
import { conflictBaseContent, conflictingAmendment, conflictSigner } from '../fixtures/exchange/conflictingAmendment';
import { sampleBundleContent } from '../fixtures/bundles/sampleContent';
import { TodayPage } from './pages/TodayPage';
import { PeoplePage } from './pages/PeoplePage';
import { RunnerPage } from './pages/RunnerPage';
import { ReportPage } from './pages/ReportPage';
import { DataPage } from './pages/DataPage';
import { dbRows } from './pages/dbRows';

test.describe.configure({ mode: 'serial' });

/** The fake picker, installed in the page: every handle method is one call of the `__loopdeskFs` binding. */
function fakeDirectoryPicker() {
  const call = <T = unknown>(op: string, ...args: unknown[]): Promise<T> =>
    (window as unknown as { __loopdeskFs: (...a: unknown[]) => Promise<T> }).__loopdeskFs(op, ...args);
  const notFound = (name: string) => new DOMException(`${name} was not found`, 'NotFoundError');
  class FolderFile extends File {
    constructor(name: string, private readonly byteCount: number, lastModified: number, private readonly path: string) {
      super([], name, { lastModified });
    }
    override get size() {
      return this.byteCount;
    }
    override stream() {
      const path = this.path;
      return new ReadableStream<Uint8Array<ArrayBuffer>>({
        async start(controller) {
          const base64 = await call<string>('read', path);
          controller.enqueue(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
          controller.close();
        },
      });
    }
  }
  const fileHandle = (path: string, name: string) => {
    const handle = {
      kind: 'file' as const,
      name,
      async getFile() {
        const stat = await call<{ size: number; mtime: number } | null>('stat', path);
        if (!stat) throw notFound(handle.name);
        return new FolderFile(handle.name, stat.size, stat.mtime, path);
      },
      async createWritable() {
        let text = '';
        return { write: async (data: string) => void (text += data), close: async () => call('write', path, text) };
      },
      async move(newName: string) {
        const target = `${path.slice(0, path.lastIndexOf('/'))}/${newName}`;
        await call('move', path, target);
        path = target;
        handle.name = newName;
      },
    };
    return handle;
  };
  const dirHandle = (path: string, name: string): unknown => ({
    kind: 'directory',
    name,
    async *values() {
      const entries = await call<Array<{ name: string; isDirectory: boolean }>>('list', path);
      for (const e of entries) yield e.isDirectory ? dirHandle(`${path}/${e.name}`, e.name) : fileHandle(`${path}/${e.name}`, e.name);
    },
    async getDirectoryHandle(child: string, options: { create?: boolean } = {}) {
      if (!(await call('dir', `${path}/${child}`, !!options.create))) throw notFound(child);
      return dirHandle(`${path}/${child}`, child);
    },
    async getFileHandle(child: string, options: { create?: boolean } = {}) {
      if (!(await call('file', `${path}/${child}`, !!options.create))) throw notFound(child);
      return fileHandle(`${path}/${child}`, child);
    },
    removeEntry: (child: string) => call('remove', `${path}/${child}`),
    queryPermission: async () => 'granted',
    requestPermission: async () => 'granted',
  });
  (window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker = async () => dirHandle('', 'team-exchange');
}

/** The Node side of the fake: fs calls confined to `root`. */
function folderOps(root: string) {
  const at = (path: string) => {
    const full = resolve(root, `.${path}`);
    if (relative(root, full).startsWith('..')) throw new Error(`outside the folder: ${path}`);
    return full;
  };
  const exists = (full: string) => {
    try {
      return statSync(full);
    } catch {
      return null;
    }
  };
  return (op: string, path: string, arg?: unknown): unknown => {
    const full = at(path);
    switch (op) {
      case 'list':
        return readdirSync(full, { withFileTypes: true }).map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
      case 'dir':
        if (arg) mkdirSync(full, { recursive: true });
        return exists(full)?.isDirectory() ?? false;
      case 'file':
        if (arg && !exists(full)) writeFileSync(full, '');
        return exists(full)?.isFile() ?? false;
      case 'stat': {
        const stat = exists(full);
        return stat ? { size: stat.size, mtime: Math.floor(stat.mtimeMs) } : null;
      }
      case 'read':
        return readFileSync(full).toString('base64');
      case 'write':
        writeFileSync(full, arg as string);
        return null;
      case 'move':
        renameSync(full, at(arg as string));
        return null;
      case 'remove':
        rmSync(full, { force: true });
        return null;
      default:
        throw new Error(`unknown folder operation ${op}`);
    }
  };
}

const opened: BrowserContext[] = [];

/** One machine: its own browser profile, the fake picker on `folder`, console errors collected. */
async function machine(folder: string, baseURL: string): Promise<{ page: Page; errors: string[] }> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'loopdesk-profile-')), {
    ...(chromiumPath() ? { executablePath: chromiumPath() } : {}),
    args: chromiumArgs,
    baseURL,
    viewport: { width: 1280, height: 800 },
  });
  opened.push(context);
  const ops = folderOps(folder);
  await context.exposeBinding('__loopdeskFs', (_source, op: string, path: string, arg?: unknown) => ops(op, path, arg));
  await context.addInitScript(fakeDirectoryPicker);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (msg) => void (msg.type() === 'error' && errors.push(msg.text())));
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return { page, errors };
}

test.afterEach(async () => {
  for (const context of opened.splice(0)) await context.close();
});

async function chooseFolder(page: Page): Promise<void> {
  await new DataPage(page).open();
  const panel = page.getByTestId('exchange-folder');
  await panel.getByRole('button', { name: 'Choose folder…' }).click();
  await expect(panel.getByTestId('exchange-status')).toContainText('Watching “team-exchange”', { timeout: 20_000 });
}

/** The held line for `signer`'s new key: compares the fingerprint shown with the one given, then trusts it. */
async function trustKey(page: Page, signer: string, fingerprint: string): Promise<void> {
  await new DataPage(page).open();
  const trust = page.getByTestId('exchange-held').getByRole('button', { name: `I compared ${fingerprint} with ${signer}: trust` });
  await expect(trust).toBeVisible({ timeout: 30_000 });
  await trust.click();
}

async function ownFingerprint(page: Page): Promise<string> {
  await new DataPage(page).open();
  const fingerprint = page.getByTestId('own-fingerprint');
  await expect(fingerprint).toHaveText(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/, { timeout: 20_000 });
  return (await fingerprint.textContent())!;
}

test('A seals → B sees it on the committee screen without importing; B decides → A sees it; A erases → B erases once confirmed', async ({ baseURL }) => {
  test.setTimeout(300_000);
  const folder = mkdtempSync(join(tmpdir(), 'loopdesk-exchange-'));
  const a = await machine(folder, baseURL!);
  const b = await machine(folder, baseURL!);

  // A: profile, folder, then an interview sealed as usual.
  await new TodayPage(a.page).open();
  await new TodayPage(a.page).createProfile('Grace Hopper');
  await chooseFolder(a.page);
  const people = new PeoplePage(a.page);
  await people.addCandidate('Radia Perlman', { email: 'radia@example.org' });
  const candidateId = a.page.url().split('/').at(-1)!;
  await people.planLoop([{ kit: 'Terraform / IaC review', interviewer: 'Grace Hopper' }]);
  await people.openInterviewFromLoop('Terraform / IaC review');
  const runner = new RunnerPage(a.page);
  await runner.writeNote('Pinned every provider and explained why');
  await runner.focusFirstRating();
  await runner.press('3', 'j', '2', 'j', '0', 'j', '4', 'j', '3');
  await runner.expectSaved();
  await runner.submit();
  await expect.poll(() => (existsSync(join(folder, 'outbox')) ? readdirSync(join(folder, 'outbox')).length : 0), { timeout: 20_000 }).toBe(1);
  const graceKey = await ownFingerprint(a.page);

  // B: a committee member on another laptop. Trusts Grace's key after comparing it, once.
  await new TodayPage(b.page).open();
  await new TodayPage(b.page).createProfile('Linus Torvalds');
  await chooseFolder(b.page);
  await trustKey(b.page, 'Grace Hopper', graceKey);
  await b.page.goto('/#/committee');
  const reports = new ReportPage(b.page);
  await expect(reports.comparison()).toContainText('Radia Perlman', { timeout: 20_000 });
  expect((await dbRows<{ status: string }>(b.page, 'interviews')).map((i) => i.status)).toEqual(['submitted']);

  // B's decision reaches A.
  await b.page.goto(`/#/reports/${candidateId}`);
  await reports.recordDecision('No hire', 'Decided through the exchange folder.');
  const linusKey = await ownFingerprint(b.page);
  await trustKey(a.page, 'Linus Torvalds', linusKey);
  await a.page.goto(`/#/reports/${candidateId}`);
  await expect(a.page.getByTestId('decision').filter({ hasText: 'Decided through the exchange folder.' })).toBeVisible({ timeout: 20_000 });

  // A erases the candidate; B erases only after a person confirms.
  await new DataPage(a.page).open();
  await new DataPage(a.page).erase('Radia Perlman');
  await new DataPage(b.page).open();
  const held = b.page.getByTestId('exchange-held');
  await expect(held).toContainText('erasure from Grace Hopper: erases Radia Perlman here once you confirm', { timeout: 30_000 });
  expect(await dbRows(b.page, 'candidates')).toHaveLength(1);
  await held.getByRole('button', { name: 'Import and erase' }).click();
  await expect.poll(async () => (await dbRows(b.page, 'candidates')).length, { timeout: 20_000 }).toBe(0);
  await b.page.goto('/#/committee');
  await expect(b.page.getByText('Radia Perlman')).toHaveCount(0);
  expect(a.errors).toEqual([]);
  expect(b.errors).toEqual([]);
});

/** A profile that is not in the app: a key pair and a way to write signed bundles into its outbox. */
function foreignProfile(folder: string, name: string, seed: number) {
  const secretKey = new Uint8Array(32).fill(seed);
  const profileId = `${name.toLowerCase().replace(/\W+/g, '-')}-${seed}`;
  const signer = { profileId, interviewerId: null, name, publicKey: bytesToHex(ed25519.getPublicKey(secretKey)) };
  const outbox = join(folder, 'outbox', profileId);
  mkdirSync(outbox, { recursive: true });
  return {
    profileId,
    outbox,
    async text(content = sampleBundleContent({ seed, candidates: 1, interviewsPerCandidate: 1, interviewers: 1 }), createdAt = 1_767_225_600_000) {
      const bundle = bundleCreate({ content, appVersion: '0.1.0', createdAt, createdBy: name, scope: { kind: 'all' } });
      return bundleStringify(await bundleSign(bundle, signer, (message) => ed25519.sign(message, secretKey)));
    },
  };
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

test('hostile folder content: unknown key held, bad signature and truncated file refused, temporary file ignored, replay skipped, 1,000 files at once with the app responsive', async ({ baseURL }) => {
  test.setTimeout(420_000);
  const folder = mkdtempSync(join(tmpdir(), 'loopdesk-exchange-'));
  const b = await machine(folder, baseURL!);
  await new TodayPage(b.page).open();
  await new TodayPage(b.page).createProfile('Linus Torvalds');
  await chooseFolder(b.page);
  const data = new DataPage(b.page);
  const log = b.page.getByTestId('exchange-log');
  const lineOf = (file: string) => log.getByRole('row').filter({ hasText: file });

  const mallory = foreignProfile(folder, 'Mallory Unknown', 9);
  const good = await mallory.text();
  const valid = `sealed-${uuid(1)}-1.loopdesk`;
  const flipped = good.replace(/"value":"([0-9a-f])([0-9a-f]{127})"/, (_, c: string, rest: string) => `"value":"${c === '0' ? '1' : '0'}${rest}"`);
  writeFileSync(join(mallory.outbox, `sealed-${uuid(2)}-1.loopdesk`), flipped);
  writeFileSync(join(mallory.outbox, `sealed-${uuid(3)}-1.loopdesk`), good.slice(0, Math.floor(good.length / 3)));
  writeFileSync(join(mallory.outbox, `.${valid}.partial`), good.slice(0, 100));
  writeFileSync(join(mallory.outbox, valid), good);

  await expect(lineOf(`sealed-${uuid(2)}-1.loopdesk`)).toContainText('rejected: bad signature', { timeout: 30_000 });
  await expect(lineOf(`sealed-${uuid(3)}-1.loopdesk`)).toContainText('rejected');
  await expect(lineOf(valid)).toContainText('held: new key');
  await expect(log).not.toContainText('.partial');
  expect(await dbRows(b.page, 'candidates')).toHaveLength(0);
  expect(await dbRows(b.page, 'interviews')).toHaveLength(0);

  // A person trusts Mallory's key: the held bundle comes in; the same bytes under another name are already here.
  const held = b.page.getByTestId('exchange-held');
  await held.getByRole('button', { name: /: trust$/ }).click();
  await expect(lineOf(valid).first()).toContainText('received', { timeout: 30_000 });
  const imported = (await dbRows(b.page, 'candidates')).length;
  expect(imported).toBe(1);
  cpSync(join(mallory.outbox, valid), join(mallory.outbox, `sealed-${uuid(4)}-1.loopdesk`));
  await expect(lineOf(`sealed-${uuid(4)}-1.loopdesk`)).toContainText('skipped: already here', { timeout: 30_000 });

  // 1,000 files at once from a key never seen: all held, nothing written, the app answers meanwhile.
  const flood = foreignProfile(folder, 'Flood Sender', 11);
  const staging = join(folder, 'staging');
  mkdirSync(staging);
  for (let i = 0; i < 1_000; i++) writeFileSync(join(staging, `sealed-${uuid(10_000 + i)}-1.loopdesk`), await flood.text(undefined, 1_767_225_600_000 + i));
  rmSync(flood.outbox, { recursive: true });
  renameSync(staging, flood.outbox);
  await b.page.getByRole('link', { name: 'Today' }).click();
  await expect(b.page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible({ timeout: 5_000 });
  await data.open();
  await expect(b.page.getByTestId('exchange-tally')).toContainText('1000 held', { timeout: 300_000 });
  expect(await dbRows(b.page, 'candidates')).toHaveLength(imported);
  expect(dirname(flood.outbox)).toBe(join(folder, 'outbox'));
  expect(b.errors).toEqual([]);
});

test('a conflicting amendment from another laptop waits on A as a conflict; taking theirs changes what A\'s report shows', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const folder = mkdtempSync(join(tmpdir(), 'loopdesk-exchange-'));
  const a = await machine(folder, baseURL!);
  await new TodayPage(a.page).open();
  await new TodayPage(a.page).createProfile('Grace Hopper');
  await chooseFolder(a.page);
  // A browser has no desktop key store: the screen says where the key is kept instead.
  await expect(a.page.getByTestId('key-home')).toHaveText(/kept in this browser as a non-extractable key/);

  // B: the interviewer, on a laptop whose files the test writes: first seal, then a version 2 whose
  // version 1 is not the one A has (sealed again after restoring an older backup).
  const base = conflictBaseContent();
  const interview = base.interviews[0]!;
  const { mine, theirs } = conflictingAmendment(base, { dimensionId: 'iac-engineering', score: 4, reason: 'Re-scored after the debrief' });
  const linus = conflictSigner('Linus Torvalds', 5, interview.interviewerId);
  const outbox = join(folder, 'outbox', linus.signer.profileId);
  mkdirSync(outbox, { recursive: true });
  const sealedName = `sealed-${interview.id}-1.loopdesk`;
  writeFileSync(join(outbox, sealedName), await linus.text(mine));
  await trustKey(a.page, 'Linus Torvalds', keyFingerprint(linus.signer.publicKey));
  const log = a.page.getByTestId('exchange-log');
  await expect(log.getByRole('row').filter({ hasText: sealedName }).first()).toContainText('received', { timeout: 30_000 });

  const report = `/#/reports/${base.candidates[0]!.id}`;
  await a.page.goto(report);
  const rows = a.page.getByTestId('interviewer-row');
  await expect(rows).toHaveCount(1, { timeout: 20_000 });
  await expect(rows).not.toContainText('amended v2');

  const amendmentName = `amendment-${interview.id}-2.loopdesk`;
  writeFileSync(join(outbox, amendmentName), await linus.text(theirs, 1_767_225_700_000));
  await new DataPage(a.page).open();
  const conflicts = a.page.getByTestId('exchange-conflicts');
  await expect(conflicts).toContainText(amendmentName, { timeout: 30_000 });
  // Nothing changed while it waits.
  await a.page.goto(report);
  await expect(rows).not.toContainText('amended v2');

  await new DataPage(a.page).open();
  await conflicts.getByRole('button', { name: 'Compare versions' }).click();
  const view = conflicts.getByTestId('conflict-view');
  await expect(view).toContainText('Signed by Linus Torvalds (known key');
  const rating = view.getByRole('row').filter({ has: a.page.getByRole('rowheader', { name: 'rating: iac-engineering' }) });
  await expect(rating.getByRole('cell')).toHaveText(['2', '4']);
  await expect(view.getByRole('row').filter({ has: a.page.getByRole('rowheader', { name: 'From' }) }).getByRole('cell')).toHaveText([
    `received from Linus Torvalds (${linus.signer.profileId}/${sealedName})`,
    'signed by Linus Torvalds',
  ]);
  await view.getByRole('button', { name: 'Take theirs' }).click();
  await expect(a.page.getByTestId('exchange-conflicts')).toHaveCount(0, { timeout: 20_000 });
  await expect(log.getByRole('row').filter({ hasText: amendmentName }).first()).toContainText("resolved: took Linus Torvalds's version");

  await a.page.goto(report);
  await expect(rows).toContainText('amended v2: Re-scored after the debrief', { timeout: 20_000 });
  expect(a.errors).toEqual([]);
});
