/**
 * `reportBuild` for every candidate of a pool, in Node: what the committee screen and a batch
 * export do. The target is linear growth (2× the data ≤ 2.2× the time): evidence is indexed by
 * candidate once per evidence set (`reportEvidenceIndexOf`), where each report used to filter every
 * table of the pool (250 candidates 1.6 s, 500 5.2 s, 1,000 50.8 s).
 *
 * Data: a seeded pool on the built-in Staff DevOps pack — per candidate one loop of four sealed
 * interviews on four of the pack's kits by four of a team of interviewers, every kit dimension
 * rated (≈ 15 % "no evidence"), three notes per interview, one signal tag citing a note. The pool
 * calibration is computed once per size and is not timed (it has its own benchmark).
 *
 * Every run counts, the first included (a committee member opening the screen meets it); the
 * result is written to scripts/bench/results/reportbuild-pool.json.
 *
 *   node --import tsx scripts/bench/reportBuildPool.ts [--runs 5] [--sizes 500,1000,2000]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { rubricFilesRead } from '../../src/cli/rubricFiles';
import type { Candidate, Interview, Interviewer, Loop, Note, Rating, SignalTag } from '../../src/core/model/records';
import { reportBuild, reportPoolCalibration, type ReportEvidence } from '../../src/core/report/reportBuild';
import { rubricPacksLoad } from '../../src/core/rubric/loader';
import type { RubricPack } from '../../src/core/rubric/schema';
import { benchMedian, benchRound } from './lib/benchStats';
import { benchRandom } from './seed/benchRandom';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const runs = Number(arg('--runs', '5'));
const sizes = arg('--sizes', '500,1000,2000').split(',').map(Number);

const uuid = (kind: number, n: number) => `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

function pool(pack: RubricPack, candidates: number): ReportEvidence {
  const random = benchRandom(candidates);
  const team = Math.max(8, Math.round(candidates / 25));
  const interviewers: Interviewer[] = Array.from({ length: team }, (_, i) => ({ id: uuid(1, i), name: `Interviewer ${i}`, email: '', createdAt: 0 }));
  const leniency = interviewers.map(() => random.normal(0, 0.4));
  const evidence: ReportEvidence = { candidates: [], loops: [], interviews: [], interviewers, ratings: [], notes: [], signalTags: [], defectFindings: [], incidentRuns: [] };
  const strong = pack.signals.find((s) => s.polarity === 'strong')!;
  let interviewN = 0;
  let noteN = 0;
  for (let c = 0; c < candidates; c++) {
    const candidate: Candidate = { id: uuid(2, c), name: `Candidate ${c}`, email: '', phone: '', packId: pack.manifest.id, targetLevel: 'staff', notes: '', createdAt: 0, updatedAt: 0 };
    const loop: Loop = { id: uuid(3, c), candidateId: candidate.id, packId: pack.manifest.id, packVersion: pack.manifest.version, packHash: pack.hash, targetLevel: 'staff', status: 'open', createdAt: 0, closedAt: null };
    evidence.candidates.push(candidate);
    evidence.loops.push(loop);
    const ability = random.normal(2.7, 0.6);
    const kits = random.sample(pack.kits, 4);
    const panel = random.sample(interviewers.map((_, i) => i), 4);
    kits.forEach((kit, k) => {
      const rater = panel[k]!;
      const interview: Interview = {
        id: uuid(4, interviewN++),
        loopId: loop.id,
        candidateId: candidate.id,
        interviewerId: interviewers[rater]!.id,
        kitId: kit.id,
        status: 'submitted',
        version: 1,
        scheduledAt: null,
        startedAt: 1,
        submittedAt: 2 + k,
        updatedAt: 2 + k,
        amendReason: '',
        sectionId: null,
        sectionStartedAt: null,
      };
      evidence.interviews.push(interview);
      for (const dimensionId of kit.dimensions) {
        const rating: Rating =
          random.int(0, 99) < 15
            ? { interviewId: interview.id, dimensionId, state: 'no-evidence', updatedAt: 0 }
            : { interviewId: interview.id, dimensionId, state: 'rated', score: Math.min(4, Math.max(1, Math.round(ability + leniency[rater]! + random.normal(0, 0.5)))) as 1 | 2 | 3 | 4, updatedAt: 0 };
        evidence.ratings.push(rating);
      }
      const notes: Note[] = [0, 1, 2].map((n) => ({
        id: uuid(5, noteN++),
        interviewId: interview.id,
        at: n * 60_000,
        text: `Observation ${n} on ${kit.title}`,
        dimensionId: kit.dimensions[n % kit.dimensions.length]!,
        simAt: null,
        isPrivate: n === 2,
      }));
      evidence.notes.push(...notes);
      const tag: SignalTag = { id: uuid(6, interviewN), interviewId: interview.id, signalId: strong.id, noteIds: [notes[0]!.id], at: 60_000 };
      evidence.signalTags.push(tag);
    });
  }
  return evidence;
}

function main(): void {
  const files = rubricFilesRead(join(import.meta.dirname, '../../rubrics'))!;
  const pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
  const results: Array<{ candidates: number; medianCpuMs: number }> = [];
  for (const size of sizes) {
    const base = pool(pack, size);
    const calibration = reportPoolCalibration(pack, base);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      // A fresh evidence object per run, as a new live-query result would be: the index is rebuilt.
      const evidence = { ...base };
      // CPU time, not wall time: on a shared machine the wall clock includes waiting for a core.
      const start = process.cpuUsage();
      for (const c of evidence.candidates) reportBuild({ pack, candidateId: c.id, evidence, calibration, audience: 'committee' });
      const used = process.cpuUsage(start);
      times.push((used.user + used.system) / 1000);
    }
    results.push({ candidates: size, medianCpuMs: benchRound(benchMedian(times), 1) });
  }
  for (let i = 1; i < results.length; i++) {
    const [a, b] = [results[i - 1]!, results[i]!];
    console.log(
      `reportBuild for all: ${a.candidates} → ${b.candidates} candidates: ${a.medianCpuMs} ms → ${b.medianCpuMs} ms, ×${benchRound(b.medianCpuMs / a.medianCpuMs, 2)} for ×${benchRound(b.candidates / a.candidates, 2)} data (target ≤ 2.2× per 2×)`,
    );
  }
  const record = { metric: 'reportBuild-pool', at: new Date().toISOString(), runs, loadavg: loadavg().map((x) => benchRound(x, 2)), results };
  writeFileSync(join(import.meta.dirname, 'results', 'reportbuild-pool.json'), `${JSON.stringify(record, null, 2)}\n`);
  console.log(JSON.stringify(record));
}

main();
