import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const fixture = readFileSync('tests/fixtures/lint/src/core/forbidden.ts', 'utf8');

async function lintAs(filePath: string, text: string) {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(text, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it('fail a core file that imports node:fs or react', async () => {
    const messages = await lintAs('src/core/forbidden.ts', fixture);
    expect(messages.some((m) => m.includes('node:fs'))).toBe(true);
    expect(messages.some((m) => m.includes('react'))).toBe(true);
  });

  it('fail a renderer file that imports electron, and a preload file that imports core', async () => {
    expect(await lintAs('src/renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).toHaveLength(1);
    expect(
      await lintAs('src/preload/x.ts', "import { sha256Hex } from '../core/crypto/sha256';\nexport const x = sha256Hex;\n"),
    ).toHaveLength(1);
  });

  it('allow the same imports where the layer permits them', async () => {
    expect(await lintAs('src/main/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toHaveLength(0);
  });
});
