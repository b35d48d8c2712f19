/** Word pools for synthetic people and interview notes: plausible text of realistic length. */
import type { BenchRandom } from './benchRandom';

const firstNames = [
  'Amira',
  'Ben',
  'Chen',
  'Dana',
  'Elif',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kavya',
  'Liam',
  'Maya',
  'Noah',
  'Olga',
  'Priya',
  'Quentin',
  'Rosa',
  'Sami',
  'Tomas',
  'Uma',
  'Victor',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Aleksandra',
  'Bruno',
  'Camille',
  'Diego',
  'Emeka',
  'Fatima',
  'Gustav',
  'Hana',
  'Ivan',
  'Julia',
  'Kenji',
  'Lucia',
  'Marek',
  'Nadia',
  'Oscar',
  'Paula',
  'Rahul',
  'Sofia',
  'Tariq',
  'Ursula',
  'Vera',
  'William',
  'Yara',
  'Zain',
  'Astrid',
  'Bilal',
  'Clara',
  'Dmitri',
  'Eva',
  'Felix',
  'Gita',
  'Henrik',
];
const lastNames = [
  'Okafor',
  'Lindqvist',
  'Nakamura',
  'Haddad',
  'Kowalski',
  'Moreau',
  'Silva',
  'Schmidt',
  'Patel',
  'Rossi',
  'Nguyen',
  'Andersen',
  'Fischer',
  'Garcia',
  'Ivanova',
  'Johansson',
  'Kim',
  'Lopez',
  'Müller',
  'Novak',
  "O'Brien",
  'Petrov',
  'Quinn',
  'Rahman',
  'Sato',
  'Tanaka',
  'Urquhart',
  'Varga',
  'Weber',
  'Yilmaz',
  'Zhang',
  'Abebe',
  'Brennan',
  'Costa',
  'Dubois',
  'Eriksen',
  'Ferrari',
  'Gonzalez',
  'Horvat',
  'Ibrahim',
  'Jensen',
  'Kaur',
  'Larsen',
  'Mensah',
  'Nowak',
  'Oliveira',
  'Park',
  'Reyes',
  'Santos',
  'Thompson',
];

const subjects = [
  'They',
  'Candidate',
  'She',
  'He',
  'They clearly',
  'Candidate quickly',
  'When pushed they',
  'Unprompted they',
];
const verbs = [
  'described',
  'walked through',
  'explained',
  'sketched',
  'proposed',
  'questioned',
  'identified',
  'pointed out',
  'traded off',
  'estimated',
  'prioritised',
  'asked about',
];
const objects = [
  'the state locking strategy for the shared Terraform backend',
  'a canary with automated rollback on error-rate burn',
  'per-team AWS accounts behind an SCP guardrail baseline',
  'the blast radius of the load balancer health-check change',
  'how the paved road templates get adopted by product teams',
  'SLOs derived from user journeys rather than host metrics',
  'pinning provider and module versions with a lockfile',
  'secrets moving from CI variables to short-lived OIDC credentials',
  'an incident commander role separate from the person debugging',
  'the error budget policy and what freezes a release',
  'a migration plan that runs old and new pipelines side by side',
  'drift detection with a nightly plan and an owner per stack',
  'cache keys that include the lockfile hash to avoid poisoning',
  'why the flaky test should be quarantined, not retried',
  'cost of the multi-region design against the stated RTO',
  'how they coached two seniors through their first on-call rotation',
  'getting security and platform leads to agree on one baseline',
  'the status update cadence during the outage',
  'a rollback path for the database schema change',
  'dashboards that show saturation next to latency',
];
const tails = [
  '',
  '',
  '',
  ' without prompting.',
  ' — solid reasoning.',
  ' but skipped the rollback story.',
  ' and named the owner.',
  '; numbers were realistic.',
  ', then revised after the probe.',
  ' with a concrete example from their last role.',
  '. Vague on who decides.',
  ' (good instinct, little depth).',
  '. Asked a sharp clarifying question first.',
  ', tied it back to business impact.',
];

export function benchPersonName(random: BenchRandom): string {
  return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
}

export function benchEmail(name: string, n: number): string {
  return `${name
    .toLowerCase()
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '')}.${n}@example.com`;
}

/** One note line, 40–260 characters: what an interviewer types while listening. */
export function benchNoteText(random: BenchRandom): string {
  let text = `${random.pick(subjects)} ${random.pick(verbs)} ${random.pick(objects)}${random.pick(tails)}`;
  if (random.chance(0.35)) text += ` Then ${random.pick(verbs)} ${random.pick(objects)}${random.pick(tails)}`;
  return text;
}

export function benchRationale(random: BenchRandom, outcome: string): string {
  const lead =
    outcome === 'hire'
      ? 'Consistent evidence at the target level across the panel.'
      : outcome === 'no-hire'
        ? 'Below the bar on several dimensions the role needs on day one.'
        : 'Mixed signals; one more conversation on the weakest dimension.';
  return `${lead} ${benchNoteText(random)}`;
}

export const benchAmendReasons = [
  'Mis-keyed the rating for incident leadership; corrected after reviewing notes.',
  'Added the note that evidences the red flag.',
  'Re-scored communication after the debrief clarified the question asked.',
];

export const benchCandidateNotes = [
  '',
  '',
  'Referred by a former colleague.',
  'Prefers interviews in the morning (CET).',
  'Relocation needed; visa sponsorship discussed with recruiting.',
];
