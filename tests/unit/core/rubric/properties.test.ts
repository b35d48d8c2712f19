/**
 * Property tests: any valid pack survives YAML.stringify → load unchanged, and no edit of a pack's
 * text, however mangled, makes the loader throw or point outside the file.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import YAML from 'yaml';
import { rubricPackLoad, type RubricSourceFile } from '../../../../src/core/rubric/loader';
import type { Dimension, Kit, Level, RubricPack, Signal } from '../../../../src/core/rubric/schema';
import { asFiles, miniPack } from './rubricTestKit';

const idArb = fc.stringMatching(/^[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,4}){0,2}$/);

/** Non-empty text without surrounding whitespace (the schema trims), including YAML-ish traps. */
const textArb = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }),
    fc.constantFrom('yes', 'no', 'null', '~', '1.0', '0x1F', '- item', 'a: b', '#hash', '"quoted"', "it's", '*alias', '&anchor', '!tag', '@at', '`tick`', 'multi\nline'),
  )
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

const uniqueIds = (min: number, max: number) => fc.uniqueArray(idArb, { minLength: min, maxLength: max });

const packArb = fc
  .record({
    levelIds: uniqueIds(2, 5),
    dimensionIds: uniqueIds(1, 4),
    signalIds: uniqueIds(1, 5),
    kitIds: uniqueIds(0, 2),
    text: fc.array(textArb, { minLength: 40, maxLength: 40 }),
    version: fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map((v) => v.join('.')),
    steps: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 20, maxLength: 20 }),
    polarities: fc.array(fc.constantFrom('strong', 'weak', 'red-flag'), { minLength: 5, maxLength: 5 }),
  })
  .map(({ levelIds, dimensionIds, signalIds, kitIds, text, version, steps, polarities }) => {
    const t = (i: number) => text[i % text.length]!;
    const levels: Level[] = levelIds.map((id, i) => ({
      id,
      title: t(i),
      tenure: t(i + 1),
      scope: t(i + 2),
      decisionOwnership: t(i + 3),
      stakeholderSurface: t(i + 4),
      unlock: t(i + 5),
      plateau: t(i + 6),
      failureMode: t(i + 7),
    }));
    const dimensions: Dimension[] = dimensionIds.map((id, d) => {
      let score = 1;
      const expectations: Record<string, number> = {};
      levelIds.forEach((level, i) => {
        score = Math.min(4, score + steps[(d * 5 + i) % steps.length]!);
        expectations[level] = score;
      });
      return {
        id,
        title: t(d),
        summary: t(d + 1),
        meetsBar: t(d + 2),
        evidence: [t(d + 3)],
        anchors: [1, 2, 3, 4].map((s) => ({ score: s, label: t(s), summary: t(s + 10), examples: [t(s + 20), t(s + 21)] })),
        expectations,
      };
    });
    const signals: Signal[] = signalIds.map((id, i) => ({
      id,
      polarity: polarities[i]! as Signal['polarity'],
      title: t(i + 30),
      description: t(i + 31),
      dimensions: [dimensionIds[i % dimensionIds.length]!],
      severity: 'medium',
      category: 'blueprint',
      ...(polarities[i] === 'red-flag' ? { levelCap: levelIds[0]! } : {}),
    }));
    const kits: Kit[] = kitIds.map((id, i) => ({
      kind: 'kit',
      id,
      title: t(i),
      format: 'conversation',
      summary: t(i + 1),
      dimensions: [dimensionIds[0]!],
      sections: [
        {
          id: 'only',
          title: t(i + 2),
          minutes: 10 + i,
          goal: t(i + 3),
          questions: [{ id: 'q', prompt: t(i + 4), probes: [t(i + 5)], dimensions: [dimensionIds[0]!] }],
          dimensions: [dimensionIds[0]!],
          whatGoodLooksLike: [t(i + 6)],
        },
      ],
    }));
    const manifest = { kind: 'pack' as const, id: 'generated', title: t(0), role: t(1), version, summary: t(2) };
    return { manifest, levels, dimensions, signals, kits };
  });

type Generated = typeof packArb extends fc.Arbitrary<infer T> ? T : never;

function filesOf(g: Generated): RubricSourceFile[] {
  const file = (path: string, value: unknown) => ({ path: `generated/${path}`, text: YAML.stringify(value) });
  return [
    file('pack.yaml', g.manifest),
    file('ladder.yaml', { kind: 'ladder', levels: g.levels, probes: [] }),
    file('dimensions.yaml', { kind: 'dimensions', dimensions: g.dimensions }),
    file('signals.yaml', { kind: 'signals', signals: g.signals }),
    ...g.kits.map((k) => file(`kits/${k.id}.yaml`, k)),
  ];
}

/** Writes a loaded pack back out as files, the way an editor tool would. */
function filesFromPack(pack: RubricPack): RubricSourceFile[] {
  return filesOf({
    manifest: pack.manifest,
    levels: pack.levels,
    dimensions: pack.dimensions,
    signals: pack.signals,
    kits: pack.kits,
  });
}

function load(files: RubricSourceFile[]): RubricPack {
  const result = rubricPackLoad(files);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.value;
}

describe('round trip', () => {
  it('a generated valid pack loads to exactly the data it was written from', () => {
    fc.assert(
      fc.property(packArb, (g) => {
        const pack = load(filesOf(g));
        expect(pack.manifest).toEqual(g.manifest);
        expect(pack.levels).toEqual(g.levels);
        expect(pack.dimensions).toEqual(g.dimensions);
        expect(pack.signals).toEqual(g.signals);
        // Kits come in the order of their file paths.
        const byPath = (id: string) => `kits/${id}.yaml`;
        expect(pack.kits).toEqual([...g.kits].sort((a, b) => (byPath(a.id) < byPath(b.id) ? -1 : 1)));
      }),
      { numRuns: 60 },
    );
  });

  it('parse → YAML.stringify → parse gives the same pack, hash included', () => {
    fc.assert(
      fc.property(packArb, (g) => {
        const first = load(filesOf(g));
        const second = load(filesFromPack(first));
        expect(second).toEqual(first);
      }),
      { numRuns: 60 },
    );
  });
});

describe('robustness', () => {
  const original = asFiles(miniPack());
  const yamlFiles = original.filter((f) => f.path.endsWith('.yaml'));

  it('no edit of a file makes the loader throw; every issue points inside its file', () => {
    const edit = fc.record({
      file: fc.nat(yamlFiles.length - 1),
      at: fc.nat(2000),
      remove: fc.nat(30),
      insert: fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(':', '- ', '  ', '\t', '\n', '[', '{', '&a ', '*a', '---\n', '"', 'kind: pack\n', 'id: x\n', '!!str '),
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const files = original.map((f) => ({ ...f }));
        for (const e of edits) {
          const target = files.find((f) => f.path === yamlFiles[e.file]!.path)!;
          const at = e.at % (target.text.length + 1);
          target.text = target.text.slice(0, at) + e.insert + target.text.slice(at + e.remove);
        }
        const result = rubricPackLoad(files);
        if (result.ok) return;
        expect(result.issues.length).toBeGreaterThan(0);
        for (const issue of result.issues) {
          const source = files.find((f) => f.path === issue.file);
          if (!source) {
            // Only "create this file" issues name a file that does not exist.
            expect(issue.message).toMatch(/^the pack has no "kind: /);
            continue;
          }
          const lines = source.text.split('\n');
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.line).toBeLessThanOrEqual(lines.length);
          expect(issue.column).toBeGreaterThanOrEqual(1);
          expect(issue.column).toBeLessThanOrEqual(lines[issue.line - 1]!.length + 1);
          expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
    // 300 loads of a mutated pack: well under a minute even on a loaded machine.
  }, 60_000);
});
