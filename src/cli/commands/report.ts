/**
 * `loopdesk report <bundle> [--candidate ID|NAME]`: the candidate report model as JSON, computed
 * from a bundle exactly as the app computes it — the bundle is fully validated first, calibration
 * runs over every sealed interview of the pack in the bundle, and each candidate is reported with
 * the pack their loops pin.
 */
import { resolve } from 'node:path';
import type { BundleContent } from '../../core/bundle/bundleSchema';
import { BUNDLE_MAX_BYTES } from '../../core/limits/inputLimits';
import type { Candidate } from '../../core/model/records';
import { reportBuild, reportPoolCalibration, type CandidateReport } from '../../core/report/reportBuild';
import {
  audienceCandidateName,
  audienceIsKnown,
  audienceReport,
  audienceReportKind,
  type Audience,
} from '../../core/audience/audiencePolicy';
import { cliBundleFileParse } from '../bundleFileParse';
import { cliParseArgs, type CliCommand, type CliIo } from '../io';
import { packById, packPinWarnings, rubricPacksRead } from '../packForBundle';

const usage = [
  'Usage: loopdesk report <bundle.loopdesk> [--candidate <id|name>] [--audience <audience>] [--rubrics <dir>]',
  '',
  '  <bundle>       a bundle or backup exported by Loopdesk (try: loopdesk demo --out demo.loopdesk)',
  '  --candidate    report one candidate, by id or by exact name; prints {"warnings": [...], "report": {...}}',
  '                 (default: every candidate, {"warnings": [...], "reports": [...]})',
  '  --audience     committee (default: every note), recruiter (private notes left out), or',
  '                 committee-blind / recruiter-blind (names, e-mails and phones replaced by a neutral',
  '                 label, also inside notes; pronouns in free text are not hidden)',
  '  --rubrics      folder of rubric packs to report with (default: the built-in rubrics)',
  '',
  'The bundle is checked like an import (checksum, records, references, audit chain); a bad bundle',
  'is refused with one line and exit status 1. When a loop pins a different pack version than the',
  'one loaded, the report is still made with the loaded pack and "warnings" says so.',
].join('\n');

const PREFIX = 'loopdesk report';

/** The audiences a report can be printed for (the candidate and an unsealed panelist get none). */
const reportAudiences: readonly Audience[] = ['committee', 'committee-blind', 'recruiter', 'recruiter-blind'];

/** The candidate `wanted` names (an id, else an exact name), or a one-line reason. */
function candidatePick(
  candidates: readonly Candidate[],
  wanted: string,
): { ok: true; candidate: Candidate } | { ok: false; message: string } {
  const byId = candidates.find((c) => c.id === wanted);
  if (byId) return { ok: true, candidate: byId };
  const byName = candidates.filter((c) => c.name === wanted);
  if (byName.length === 1) return { ok: true, candidate: byName[0]! };
  if (byName.length > 1) {
    return {
      ok: false,
      message: `${byName.length} candidates are named "${wanted}"; pick one by id: ${byName.map((c) => c.id).join(', ')}`,
    };
  }
  const shown = candidates.slice(0, 10).map((c) => `${c.name} (${c.id})`);
  const more = candidates.length > shown.length ? `, and ${candidates.length - shown.length} more` : '';
  return {
    ok: false,
    message:
      candidates.length === 0
        ? `no candidate "${wanted}": the bundle holds no candidates`
        : `no candidate with id or name "${wanted}"; the bundle has ${shown.join(', ')}${more}`,
  };
}

function fail(io: CliIo, message: string, code = 1): number {
  // One line, whatever the message holds (JSON.parse quotes the offending text, newlines included).
  io.err(`${PREFIX}: ${message.replace(/\s*[\r\n]+\s*/g, ' ')}`);
  return code;
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'print the candidate report model of a .loopdesk bundle as JSON',
  usage,
  run: async (args, io) => {
    const parsed = cliParseArgs(args, { values: ['candidate', 'audience', 'rubrics'] });
    if (parsed.unknown.length > 0) return fail(io, `${parsed.unknown[0]}. Run "loopdesk report --help".`, 2);
    if (parsed.positional.length !== 1) {
      return fail(io, 'give exactly one bundle file, e.g. "loopdesk report demo.loopdesk".', 2);
    }
    const audience = parsed.values.audience ?? 'committee';
    if (!audienceIsKnown(audience) || !reportAudiences.includes(audience)) {
      return fail(io, `--audience must be one of ${reportAudiences.join(', ')} (found "${audience}")`, 2);
    }
    const kind = audienceReportKind(audience);

    const path = parsed.positional[0]!;
    // Read as a stream: a backup's whole text is never held.
    const bundle = await cliBundleFileParse(resolve(io.cwd, path), { maxBytes: BUNDLE_MAX_BYTES, shownAs: path });
    if (!bundle.ok) {
      const { code, message } = bundle.reason;
      return fail(io, 'isFileRefusal' in bundle ? message : `${path} refused (${code}): ${message}`);
    }
    const content: BundleContent = bundle.value.content;

    let candidates = content.candidates;
    if (parsed.values.candidate !== undefined) {
      const picked = candidatePick(candidates, parsed.values.candidate);
      if (!picked.ok) return fail(io, picked.message);
      candidates = [picked.candidate];
    }

    // Each candidate is reported with the pack(s) of their loops, in the bundle's order.
    const packIds = [...new Set(content.loops.map((l) => l.packId))];
    const wanted = candidates.flatMap((c) =>
      packIds
        .filter((id) => content.loops.some((l) => l.candidateId === c.id && l.packId === id))
        .map((packId) => ({ candidate: c, packId })),
    );
    if (parsed.values.candidate !== undefined && wanted.length === 0) {
      return fail(
        io,
        `${audienceCandidateName(candidates[0]!, audience)} has no loop in this bundle, so there is nothing to report`,
      );
    }

    const warnings: string[] = [];
    const reports: CandidateReport[] = [];
    if (wanted.length > 0) {
      const packs = rubricPacksRead(parsed.values.rubrics, io.cwd);
      if (!packs.ok) return fail(io, packs.message);
      for (const packId of packIds) {
        const these = wanted.filter((w) => w.packId === packId);
        if (these.length === 0) continue;
        const found = packById(packs, packId);
        if (!found.ok) return fail(io, found.message);
        const pack = found.pack;
        warnings.push(...packPinWarnings(pack, content.loops));
        const calibration = reportPoolCalibration(pack, content);
        for (const { candidate } of these) {
          const visible = audienceReport(
            reportBuild({ pack, candidateId: candidate.id, evidence: content, calibration, audience: kind }),
            audience,
          );
          if (!visible.ok) return fail(io, visible.reason);
          reports.push(visible.report);
        }
      }
      const order = new Map(candidates.map((c, i) => [c.id, i]));
      reports.sort((a, b) => order.get(a.candidate.id)! - order.get(b.candidate.id)!);
    }
    const withoutLoops = candidates.filter((c) => !content.loops.some((l) => l.candidateId === c.id));
    if (withoutLoops.length > 0) {
      warnings.push(
        `${withoutLoops.length} candidate${withoutLoops.length === 1 ? ' has' : 's have'} no loop in this bundle and no report: ${withoutLoops.map((c) => audienceCandidateName(c, audience)).join(', ')}`,
      );
    }
    for (const warning of warnings) io.err(`${PREFIX}: warning: ${warning}`);

    // One candidate prints one report; a candidate with loops under several packs gets one each.
    const output =
      parsed.values.candidate !== undefined && reports.length === 1
        ? { warnings, report: reports[0] }
        : { warnings, reports };
    io.out(JSON.stringify(output, null, 2));
    return 0;
  },
};
