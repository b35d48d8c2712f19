/**
 * The demo loop as authored content: who is interviewed by whom with which kit, what each
 * interviewer rated, wrote and tagged, which planted defects were found and what the candidate
 * did in the incident simulation. `demoDataset` turns it into records. Everything refers to the
 * built-in Staff DevOps pack by id; `demoScriptProblems` lists what a pack lacks.
 *
 * The panel: Tomás rates generously and Ngozi strictly, Hannah and Arjun sit near the middle, and
 * each of them interviews every candidate once, so calibration has overlapping ratings of the
 * same candidate and dimension to estimate leniency from.
 *
 * The candidates: Amira is a clear Staff hire; Kenji is a strong hands-on engineer whose scope is
 * Senior; Ryan is technically strong but treats committed credentials as acceptable (a red flag
 * that caps the level at Mid) and blames the change's author in the incident.
 */

/** A score on the anchored scale, or the explicit "no evidence" state. */
export type DemoRating = 1 | 2 | 3 | 4 | 'no-evidence';

export interface DemoPersonScript {
  key: string;
  name: string;
  email: string;
}

export interface DemoCandidateScript extends DemoPersonScript {
  phone: string;
  /** The recruiter's note on the candidate record. */
  notes: string;
}

export interface DemoInterviewerScript extends DemoPersonScript {
  /** How the interviewer rates compared to the panel, as authored (calibration must rediscover it). */
  leniency: 'generous' | 'strict' | 'neutral';
}

export interface DemoNoteScript {
  key: string;
  /** Interview time "mm:ss" since the interview started; omit for a note written during the incident run. */
  at?: string;
  /** Incident sim time "mm:ss"; the note's interview time is the run's start plus this. */
  simAt?: string;
  text: string;
  dimension: string | null;
  isPrivate?: boolean;
}

export interface DemoInterviewScript {
  key: string;
  candidate: string;
  interviewer: string;
  kitId: string;
  /** Days before the demo's `now` (whole UTC days). */
  daysAgo: number;
  /** Start time of day, "hh:mm" UTC. */
  startsAt: string;
  /** Every dimension the kit covers, rated or "no evidence". */
  ratings: Record<string, DemoRating>;
  notes: DemoNoteScript[];
  signals: Array<{ signalId: string; notes: string[] }>;
  /** Planted defects ticked in an artifact review, with the interview time "mm:ss" they were found. */
  defects?: { exerciseId: string; found: Array<[defectId: string, at: string]> };
  /**
   * The incident run: the scenario, the interview time its clock started, and the candidate's
   * actions — a scenario exemplar by name, or [sim time "mm:ss", action id] pairs.
   */
  incident?: { scenarioId: string; startsAt: string; log: 'strong' | 'weak' | Array<[at: string, action: string]> };
}

export const demoRecruiter = 'Jordan Ellis';

export const demoInterviewers: DemoInterviewerScript[] = [
  { key: 'tomas', name: 'Tomás Herrera', email: 'tomas.herrera@example.org', leniency: 'generous' },
  { key: 'ngozi', name: 'Ngozi Adeyemi', email: 'ngozi.adeyemi@example.org', leniency: 'strict' },
  { key: 'hannah', name: 'Hannah Becker', email: 'hannah.becker@example.org', leniency: 'neutral' },
  { key: 'arjun', name: 'Arjun Mehta', email: 'arjun.mehta@example.org', leniency: 'neutral' },
];

export const demoCandidates: DemoCandidateScript[] = [
  {
    key: 'amira',
    name: 'Amira Haddad',
    email: 'amira.haddad@example.org',
    phone: '+1 555 0142',
    notes:
      'Staff SRE at a logistics scale-up; led their move to a self-service platform used by about 60 teams. ' +
      'Referred by a former colleague. Notice period one month.',
  },
  {
    key: 'kenji',
    name: 'Kenji Watanabe',
    email: 'kenji.watanabe@example.org',
    phone: '+1 555 0178',
    notes:
      'Senior DevOps engineer at a fintech, eight years hands-on with Kubernetes and Terraform. ' +
      'Applied through the careers page for the Staff opening.',
  },
  {
    key: 'ryan',
    name: 'Ryan Mitchell',
    email: 'ryan.mitchell@example.org',
    phone: '+1 555 0193',
    notes:
      'Lead DevOps engineer at an e-commerce company; built their AWS landing zone. ' +
      'Sourced on LinkedIn. Wants to move within two months.',
  },
];

export const demoInterviews: DemoInterviewScript[] = [
  // ── Kenji Watanabe ─────────────────────────────────────────────────────────────────────────
  {
    key: 'kenji-iac-review',
    candidate: 'kenji',
    interviewer: 'tomas',
    kitId: 'iac-review',
    daysAgo: 9,
    startsAt: '10:00',
    ratings: {
      'iac-engineering': 4,
      'security-compliance': 3,
      'cloud-architecture': 3,
      'prioritization-product': 3,
      'mentorship-leadership': 3,
    },
    notes: [
      {
        key: 'setup',
        at: '02:40',
        dimension: 'iac-engineering',
        text: 'Runs Terraform for ~40 AWS accounts with Atlantis, state per account and component. Very hands-on, knows the sharp edges.',
      },
      {
        key: 'scope',
        at: '04:10',
        dimension: 'prioritization-product',
        text: 'Asked how many teams use his modules and what got better for them: could not say, described it as his own implementation ("I wrote all of it").',
      },
      {
        key: 'network',
        at: '16:40',
        dimension: 'cloud-architecture',
        text: 'Network walk: database reachable through the security group and publicly_accessible; would replace SSH with SSM Session Manager. Did not notice the whole fleet sits in one subnet.',
      },
      {
        key: 'triage',
        at: '28:30',
        dimension: 'prioritization-product',
        text: 'Triage: wanted everything fixed before Monday, tags and AMI lookup included. When I pushed on the launch date he agreed the criticals block and the rest can follow.',
      },
      {
        key: 'module-release',
        at: '41:50',
        dimension: 'iac-engineering',
        text: 'Shared module lifecycle: terratest in CI, semver tags, one canary consumer service before a breaking change goes to the other 49. Solid.',
      },
      {
        key: 'coaching',
        at: '48:10',
        dimension: 'mentorship-leadership',
        text: 'Review comment was thorough but a list of line items; offered to pair with the author "if they want". Did not get to how the next five teams avoid this.',
      },
    ],
    signals: [
      { signalId: 'weak-staff-work-at-senior-scope', notes: ['scope'] },
      { signalId: 'strong-risk-matched-rollout', notes: ['module-release'] },
    ],
    defects: {
      exerciseId: 'terraform-review',
      found: [
        ['local-state-backend', '07:20'],
        ['unpinned-aws-provider', '08:30'],
        ['hardcoded-db-password', '10:10'],
        ['database-open-to-internet', '12:00'],
        ['rds-publicly-accessible', '12:30'],
        ['iam-wildcard-policy', '15:10'],
        ['public-statements-bucket', '17:40'],
        ['rds-storage-unencrypted', '20:00'],
        ['ssh-open-to-internet', '16:20'],
        ['ami-most-recent-drift', '22:30'],
        ['no-tags-or-ownership', '23:10'],
      ],
    },
  },
  {
    key: 'kenji-cicd-debugging',
    candidate: 'kenji',
    interviewer: 'ngozi',
    kitId: 'cicd-debugging',
    daysAgo: 8,
    startsAt: '14:30',
    ratings: {
      'cicd-release': 3,
      'security-compliance': 2,
      'observability-reliability': 3,
      'prioritization-product': 2,
      'cross-team-influence': 2,
    },
    notes: [
      {
        key: 'prod-state',
        at: '07:10',
        dimension: 'cicd-release',
        text: 'First question: how many pods on which version? Saw prod stuck at 6 of 12, and rolled back to the previous digest rather than "rollout undo" because the tag is mutable. Good.',
      },
      {
        key: 'token',
        at: '11:30',
        dimension: 'security-compliance',
        text: 'Spotted the cluster token in the set -x output. Revoke and rotate now, in parallel with the rollback, then purge the run logs and check the audit log for use of the token.',
      },
      {
        key: 'flaky',
        at: '16:00',
        dimension: 'observability-reliability',
        text: 'Read the retried test failures as interference on the shared staging DB, not flakiness. Also caught that the staging smoke test failure was ignored.',
      },
      {
        key: 'release-path',
        at: '27:40',
        dimension: 'security-compliance',
        text: 'Release path correct but generic: build once, sign, promote by digest, canary with rollback. Credentials: move the token into a repository secret; no OIDC, one deploy role for every environment, runners stay shared.',
      },
      {
        key: 'expedite',
        at: '38:20',
        dimension: 'prioritization-product',
        text: 'Expedite environment: "remove it and tell the PM no". Offered nothing in return until I asked what the PM gets instead.',
      },
      {
        key: 'thirty-copies',
        at: '47:50',
        dimension: 'cross-team-influence',
        text: 'Thirty copies of the workflow: he would open the PRs in all 30 repos himself over a couple of weeks. No reusable workflow, no versioning, no view of who is behind.',
      },
    ],
    signals: [
      { signalId: 'strong-rollback-first', notes: ['prod-state'] },
      { signalId: 'weak-ops-for-developers', notes: ['thirty-copies'] },
    ],
    defects: {
      exerciseId: 'pipeline-debugging',
      found: [
        ['stalled-rollout-no-rollback', '06:40'],
        ['mutable-latest-release-artifact', '08:10'],
        ['deploy-token-leaked-in-log', '11:00'],
        ['flaky-tests-retried-green', '14:20'],
        ['tests-on-shared-staging-db', '15:50'],
        ['smoke-test-failure-ignored', '16:40'],
        ['static-deploy-token-shared-runners', '18:30'],
        ['expedite-approval-bypass', '19:20'],
      ],
    },
  },
  {
    key: 'kenji-incident-simulation',
    candidate: 'kenji',
    interviewer: 'arjun',
    kitId: 'incident-simulation',
    daysAgo: 6,
    startsAt: '11:00',
    ratings: {
      'incident-leadership': 3,
      'observability-reliability': 3,
      communication: 2,
      'cicd-release': 'no-evidence',
    },
    notes: [
      {
        key: 'past-incident',
        at: '03:30',
        dimension: 'incident-leadership',
        text: 'Most serious incident: debugged a DNS outage himself for 90 minutes, nobody commanding, nobody talking to support. Knew the incident roles when asked.',
      },
      {
        key: 'split',
        simAt: '05:00',
        dimension: 'observability-reliability',
        text: 'Split the error rate canary vs stable quickly and paused the promotion before rolling back. Methodical.',
      },
      {
        key: 'first-update',
        simAt: '09:10',
        dimension: 'communication',
        text: 'First update was accurate but written for engineers: error %, pod names. No customer impact, no next-update time.',
      },
      {
        key: 'vp',
        simAt: '13:40',
        dimension: 'communication',
        text: 'Only briefed the VP after she asked in #incidents. Once asked, handled the launch well: hold the emails until a fixed build passes the canary.',
      },
      {
        key: 'debrief',
        at: '40:00',
        dimension: 'observability-reliability',
        text: 'Debrief: "no data" from the canary query should count as a failure, and the analysis template needs its own test. Right answer.',
      },
      {
        key: 'actions',
        at: '46:30',
        dimension: 'incident-leadership',
        text: 'Postmortem actions all technical and all owned by him; nothing on the communication gap he had just had. We ran out of time before the CI question, so no release-engineering evidence from me.',
        isPrivate: true,
      },
    ],
    signals: [{ signalId: 'weak-slow-communication', notes: ['first-update', 'vp'] }],
    incident: {
      scenarioId: 'canary-error-climb',
      startsAt: '05:00',
      log: [
        ['02:40', 'ack-page'],
        ['03:30', 'check-deploys'],
        ['05:00', 'compare-canary-stable'],
        ['06:00', 'pause-rollout'],
        ['07:30', 'roll-back-canary'],
        ['09:00', 'post-status'],
        ['13:30', 'brief-leadership'],
        ['14:30', 'verify-recovery'],
        ['24:30', 'declare-resolved'],
        ['25:30', 'schedule-review'],
      ],
    },
  },
  {
    key: 'kenji-observability-slo-design',
    candidate: 'kenji',
    interviewer: 'hannah',
    kitId: 'observability-slo-design',
    daysAgo: 4,
    startsAt: '14:00',
    ratings: {
      'observability-reliability': 4,
      'prioritization-product': 2,
      'cross-team-influence': 2,
      communication: 3,
    },
    notes: [
      {
        key: 'pager',
        at: '03:20',
        dimension: 'observability-reliability',
        text: 'Cut pages on his rotation from ~300 to ~80 a month by deleting cause-based alerts and paging on burn rate instead. Had the before and after.',
      },
      {
        key: 'freeze',
        at: '04:40',
        dimension: 'observability-reliability',
        text: 'Error budget that changed a decision: froze feature releases for two weeks after the payments API burned its budget; he wrote the freeze policy.',
      },
      {
        key: 'sli',
        at: '12:40',
        dimension: 'observability-reliability',
        text: 'Authorisation SLI: good = non-5xx under 1 s measured at the load balancer, declines count as good events. Precise.',
      },
      {
        key: 'five-nines',
        at: '17:10',
        dimension: 'prioritization-product',
        text: 'Five nines: showed the three acquirers alone cap them below 99.95%; proposed 99.9% for authorisations. Never got to what the settlement file needs.',
      },
      {
        key: 'ownership',
        at: '40:20',
        dimension: 'cross-team-influence',
        text: '"The platform team sets up the SLOs and hands the dashboards over." Product-team ownership stayed vague when I probed twice.',
      },
      {
        key: 'cto',
        at: '49:30',
        dimension: 'communication',
        text: 'CTO answer was clear and numerate but ran four minutes and ended without asking for a decision.',
      },
    ],
    signals: [
      { signalId: 'strong-builds-prevention', notes: ['pager'] },
      { signalId: 'strong-error-budget-decisions', notes: ['freeze'] },
      { signalId: 'weak-ops-for-developers', notes: ['ownership'] },
    ],
  },

  // ── Amira Haddad ───────────────────────────────────────────────────────────────────────────
  {
    key: 'amira-paved-road-design',
    candidate: 'amira',
    interviewer: 'arjun',
    kitId: 'paved-road-design',
    daysAgo: 8,
    startsAt: '10:00',
    ratings: {
      'cloud-architecture': 4,
      'iac-engineering': 3,
      'cicd-release': 4,
      'security-compliance': 4,
      'prioritization-product': 4,
      'cross-team-influence': 4,
    },
    notes: [
      {
        key: 'template',
        at: '03:10',
        dimension: 'cross-team-influence',
        text: 'Built a service template plus Terraform module set at her current job: 41 of ~60 teams on it within three quarters, counted from repos created from the template.',
      },
      {
        key: 'queueing',
        at: '08:40',
        dimension: 'prioritization-product',
        text: 'Before designing, asked where the 3-6 weeks go; guessed most of it is queueing on the 140 platform tickets and wanted median wait per ticket type as the baseline.',
      },
      {
        key: 'accounts',
        at: '19:30',
        dimension: 'cloud-architecture',
        text: 'Account per team and environment under an AWS Organization with SCPs, shared network account via Transit Gateway. Said why: blast radius, cost allocation, and SOC 2 access evidence falls out of it.',
      },
      {
        key: 'modules',
        at: '23:40',
        dimension: 'iac-engineering',
        text: 'Modules were the thinnest part: versioned shared modules under per-service root modules, but no answer for a team that needs an option the module does not expose.',
      },
      {
        key: 'release',
        at: '27:15',
        dimension: 'cicd-release',
        text: 'One reusable workflow, build once, deploy by digest; canary with automatic rollback as the default, blue-green only for the two services that need instant cut-over. Rollback = redeploy the previous digest.',
      },
      {
        key: 'gates',
        at: '38:50',
        dimension: 'security-compliance',
        text: "Security's blocking gates: agreed with the goal, proposed warn-only for six weeks to measure the would-have-blocked rate, then block reachable criticals with a time-boxed exception owned by the team.",
      },
    ],
    signals: [
      { signalId: 'strong-drives-template-adoption', notes: ['template'] },
      { signalId: 'strong-tradeoff-maturity', notes: ['accounts', 'gates'] },
      { signalId: 'strong-risk-matched-rollout', notes: ['release'] },
    ],
  },
  {
    key: 'amira-iac-review',
    candidate: 'amira',
    interviewer: 'ngozi',
    kitId: 'iac-review',
    daysAgo: 7,
    startsAt: '10:00',
    ratings: {
      'iac-engineering': 3,
      'security-compliance': 3,
      'cloud-architecture': 3,
      'prioritization-product': 3,
      'mentorship-leadership': 'no-evidence',
    },
    notes: [
      {
        key: 'state',
        at: '02:30',
        dimension: 'iac-engineering',
        text: 'State split per service and environment in S3 with DynamoDB locking; applies only from CI under a per-environment role; a nightly plan posts drift to Slack. She built the drift job.',
      },
      {
        key: 'blast-radius',
        at: '14:20',
        dimension: 'security-compliance',
        text: 'Blast radius: "an RCE here can read every bucket and decrypt with any key in the account". Rewrote the s3:*/kms:* statement to two bucket ARNs and one key, out loud.',
      },
      {
        key: 'triage',
        at: '27:40',
        dimension: 'prioritization-product',
        text: 'Triage: criticals block Monday; tags, AMI pinning and single-AZ as follow-ups with owners; the console-built VPC IDs are "a platform gap, not this team\'s bug".',
      },
      {
        key: 'applied',
        at: '31:10',
        dimension: 'security-compliance',
        text: 'Already applied three months ago: rotate the DB password first (it is in state too), check CloudTrail and S3 access logs for reads of the statements bucket, then fix forward.',
      },
      {
        key: 'policy',
        at: '33:50',
        dimension: 'iac-engineering',
        text: '"No reviewer should ever catch a public bucket again": conftest policy in the plan job, module defaults with encryption and versioning on, warn mode for two weeks first.',
      },
      {
        key: 'overran',
        at: '45:30',
        dimension: null,
        text: 'We overran in state and drift; skipped the review-as-coaching section, so nothing on mentoring from me.',
        isPrivate: true,
      },
    ],
    signals: [
      { signalId: 'strong-pragmatic-security', notes: ['blast-radius', 'applied'] },
      { signalId: 'strong-builds-prevention', notes: ['policy'] },
    ],
    defects: {
      exerciseId: 'terraform-review',
      found: [
        ['public-statements-bucket', '06:50'],
        ['database-open-to-internet', '08:20'],
        ['iam-wildcard-policy', '10:05'],
        ['hardcoded-db-password', '11:30'],
        ['local-state-backend', '12:40'],
        ['rds-storage-unencrypted', '13:10'],
        ['rds-publicly-accessible', '13:40'],
        ['ssh-open-to-internet', '15:00'],
        ['module-source-without-ref', '16:30'],
        ['rds-no-backups-no-protection', '18:10'],
        ['secret-in-user-data', '19:20'],
        ['unpinned-aws-provider', '21:00'],
        ['clickops-network-ids', '22:45'],
        ['fleet-single-subnet-count', '24:10'],
        ['no-tags-or-ownership', '24:40'],
        ['ami-most-recent-drift', '25:20'],
        ['rds-single-az', '26:00'],
      ],
    },
  },
  {
    key: 'amira-incident-simulation',
    candidate: 'amira',
    interviewer: 'hannah',
    kitId: 'incident-simulation',
    daysAgo: 5,
    startsAt: '10:00',
    ratings: {
      'incident-leadership': 4,
      'observability-reliability': 4,
      communication: 3,
      'cicd-release': 3,
    },
    notes: [
      {
        key: 'past-incident',
        at: '02:40',
        dimension: 'incident-leadership',
        text: 'Led a two-hour payments outage as incident commander; first thing she did was name a comms lead and move everyone into one channel.',
      },
      {
        key: 'split',
        simAt: '03:00',
        dimension: 'observability-reliability',
        text: 'Split errors by version straight away: "stable is flat, it is only the canary". That was her evidence for rolling back, not the stack trace.',
      },
      {
        key: 'rollback',
        simAt: '04:40',
        dimension: 'incident-leadership',
        text: 'Rolled back before reading a single log line and declared an incident with herself as IC. Said it out loud: stop the bleeding, then look at the diff.',
      },
      {
        key: 'launch',
        simAt: '06:40',
        dimension: 'communication',
        text: 'To the product lead: the canary is capping the damage at 5%; hold the 09:00 emails until a fixed build passes the canary; next update in 15 minutes. Calm and concrete.',
      },
      {
        key: 'no-data',
        at: '38:30',
        dimension: 'observability-reliability',
        text: 'Debrief: "inconclusive must fail closed". Wants an alert on no-data from the canary query and a check that the query still returns series after label renames.',
      },
      {
        key: 'actions',
        at: '44:10',
        dimension: 'incident-leadership',
        text: 'Three action items with owners and dates; nobody named as the cause. Asked who owns the canary analysis config today.',
      },
    ],
    signals: [
      { signalId: 'strong-incident-command', notes: ['past-incident', 'rollback'] },
      { signalId: 'strong-blameless-learning', notes: ['actions'] },
    ],
    incident: { scenarioId: 'canary-error-climb', startsAt: '05:00', log: 'strong' },
  },
  {
    key: 'amira-influence-leadership',
    candidate: 'amira',
    interviewer: 'tomas',
    kitId: 'influence-leadership',
    daysAgo: 3,
    startsAt: '15:00',
    ratings: {
      'cross-team-influence': 4,
      'mentorship-leadership': 4,
      communication: 4,
      'prioritization-product': 4,
    },
    notes: [
      {
        key: 'away',
        at: '04:20',
        dimension: 'cross-team-influence',
        text: 'Recommends the platform roadmap, her director decides headcount. Was out three weeks in spring and nine teams onboarded onto the deploy template without her.',
      },
      {
        key: 'slo-rollout',
        at: '13:30',
        dimension: 'cross-team-influence',
        text: 'Rolled SLO-based alerting out to 22 teams: started with the two with the worst pager load, published their before/after (41 → 9 pages a week), then others asked for it.',
      },
      {
        key: 'security',
        at: '18:40',
        dimension: 'cross-team-influence',
        text: 'Disagreement with Security over blocking image scans: a month report-only, showed 60% of findings were unreachable base-image CVEs, agreed a severity policy together. Their lead now co-owns it.',
      },
      {
        key: 'said-no',
        at: '24:10',
        dimension: 'prioritization-product',
        text: 'Said no to an internal developer portal: "11 services asked, 200 did not"; put the money into the deploy template. The VP pitch had numbers and a decision to make.',
      },
      {
        key: 'coached',
        at: '33:20',
        dimension: 'mentorship-leadership',
        text: 'Coached a senior engineer to run the Kafka upgrade end to end: reviewed his plan twice, he presented at the change board. He is now the go-to for data platform changes.',
      },
      {
        key: 'wrong',
        at: '45:00',
        dimension: 'communication',
        text: 'Mandated a shared Helm chart too early, three teams forked it. Owned it publicly, dropped the mandate, wrote up what she would do differently.',
      },
    ],
    signals: [
      { signalId: 'strong-outlasts-author', notes: ['away'] },
      { signalId: 'strong-outcome-metrics', notes: ['slo-rollout', 'said-no'] },
      { signalId: 'strong-coaches-through-decisions', notes: ['coached'] },
    ],
  },

  // ── Ryan Mitchell ──────────────────────────────────────────────────────────────────────────
  {
    key: 'ryan-paved-road-design',
    candidate: 'ryan',
    interviewer: 'tomas',
    kitId: 'paved-road-design',
    daysAgo: 7,
    startsAt: '13:00',
    ratings: {
      'cloud-architecture': 4,
      'iac-engineering': 4,
      'cicd-release': 4,
      'security-compliance': 3,
      'prioritization-product': 3,
      'cross-team-influence': 3,
    },
    notes: [
      {
        key: 'landing-zone',
        at: '04:10',
        dimension: 'prioritization-product',
        text: 'Last capability shipped: a multi-account landing zone with Control Tower and Terraform. Could not say how many teams use it or what got faster: "everyone uses it, it is the only way in".',
      },
      {
        key: 'network',
        at: '18:30',
        dimension: 'cloud-architecture',
        text: 'Very strong on accounts and networking: OU per environment, SCPs, centralised egress, CIDR plan across three regions. Has clearly built this.',
      },
      {
        key: 'pipeline',
        at: '27:00',
        dimension: 'cicd-release',
        text: 'Default workflow: build once, push by digest, Argo Rollouts canary with an analysis template. Knows the moving parts in detail.',
      },
      {
        key: 'secrets',
        at: '31:40',
        dimension: 'security-compliance',
        text: 'Security on the road: OIDC for CI, IRSA for pods, Secrets Manager with the CSI driver. Good textbook answer; nothing on rotation or what happens after a leak.',
      },
      {
        key: 'payments-team',
        at: '48:20',
        dimension: 'cross-team-influence',
        text: 'Payments team that will not move: "we turn off their pipeline credentials and they come over". Mandate first; softened a bit when I asked what they might be right about.',
      },
      {
        key: 'ninety-days',
        at: '53:00',
        dimension: 'prioritization-product',
        text: '30/60/90: the first 60 days go on a complete module set before any team uses it.',
      },
    ],
    signals: [
      { signalId: 'strong-cloud-foundations-governance', notes: ['network'] },
      { signalId: 'weak-tools-not-outcomes', notes: ['landing-zone'] },
      { signalId: 'weak-central-control-bottleneck', notes: ['payments-team', 'ninety-days'] },
    ],
  },
  {
    key: 'ryan-iac-review',
    candidate: 'ryan',
    interviewer: 'hannah',
    kitId: 'iac-review',
    daysAgo: 6,
    startsAt: '15:00',
    ratings: {
      'iac-engineering': 4,
      'security-compliance': 3,
      'cloud-architecture': 3,
      'prioritization-product': 2,
      'mentorship-leadership': 3,
    },
    notes: [
      {
        key: 'depth',
        at: '02:50',
        dimension: 'iac-engineering',
        text: 'Deep Terraform knowledge: moved blocks, import blocks, state surgery after a bad refactor, all with real examples.',
      },
      {
        key: 'fast',
        at: '07:30',
        dimension: 'security-compliance',
        text: 'Fastest review so far: public bucket, open Postgres security group and the wildcard IAM policy inside five minutes.',
      },
      {
        key: 'password',
        at: '09:40',
        dimension: 'security-compliance',
        text: 'Hard-coded DB password: first fix was "move it into terraform.tfvars, the repo is private anyway". When I asked about state and rotation he agreed it belongs in Secrets Manager.',
      },
      {
        key: 'triage',
        at: '29:10',
        dimension: 'prioritization-product',
        text: 'Triage: agreed the criticals block, then spent the rest of the section on restructuring the whole repository. The Monday launch never came into his ordering.',
      },
      {
        key: 'vpc',
        at: '38:40',
        dimension: 'iac-engineering',
        text: 'Console-built VPC: import blocks, a plan that must show no changes, then remove console write access. Has done this for real.',
      },
      {
        key: 'review-comment',
        at: '47:00',
        dimension: 'mentorship-leadership',
        text: 'Inline comments explain the why of each change and offer to pair on the fix. Top-level comment: "This needs a rewrite, see inline." If the deadline is tight he would rewrite it himself.',
      },
    ],
    signals: [{ signalId: 'weak-indispensable-expert', notes: ['review-comment'] }],
    defects: {
      exerciseId: 'terraform-review',
      found: [
        ['public-statements-bucket', '06:10'],
        ['database-open-to-internet', '07:00'],
        ['iam-wildcard-policy', '07:50'],
        ['hardcoded-db-password', '09:20'],
        ['ssh-open-to-internet', '10:30'],
        ['local-state-backend', '11:40'],
        ['module-source-without-ref', '13:00'],
        ['unpinned-aws-provider', '13:30'],
        ['clickops-network-ids', '15:20'],
        ['ami-most-recent-drift', '17:00'],
        ['fleet-single-subnet-count', '18:10'],
        ['rds-no-backups-no-protection', '20:40'],
      ],
    },
  },
  {
    key: 'ryan-cicd-debugging',
    candidate: 'ryan',
    interviewer: 'arjun',
    kitId: 'cicd-debugging',
    daysAgo: 4,
    startsAt: '10:00',
    ratings: {
      'cicd-release': 3,
      'security-compliance': 1,
      'observability-reliability': 3,
      'prioritization-product': 2,
      'cross-team-influence': 2,
    },
    notes: [
      {
        key: 'token-found',
        at: '13:10',
        dimension: 'security-compliance',
        text: 'Found the production cluster token printed by set -x. His fix: delete the run logs and drop set -x. I asked about rotating the token: "the repo and the logs are private, only our engineers can see them".',
      },
      {
        key: 'flaky',
        at: '17:20',
        dimension: 'observability-reliability',
        text: 'Good on the tests: shared staging database, whole-suite retries hiding it; would give each run a disposable database.',
      },
      {
        key: 'current-job',
        at: '24:30',
        dimension: 'security-compliance',
        text: 'Said that at his current company the deploy kubeconfigs live in the repo\'s .env "so the pipeline stays simple", and sees no problem with it. Held that view when I probed twice.',
        isPrivate: true,
      },
      {
        key: 'defensive',
        at: '25:40',
        dimension: null,
        text: 'Got a little defensive on the rotation question; I dropped it after the second probe.',
        isPrivate: true,
      },
      {
        key: 'expedite',
        at: '39:10',
        dimension: 'prioritization-product',
        text: 'Expedite environment: keep it, "the PM needs a fast path". Did not weigh what it bypasses.',
      },
      {
        key: 'thirty-copies',
        at: '47:30',
        dimension: 'cross-team-influence',
        text: 'Thirty copies of the workflow: send every team a PR with the fixed file, and disable the pipeline of any team that has not merged within a week.',
      },
    ],
    signals: [{ signalId: 'red-flag-secrets-in-repo', notes: ['token-found', 'current-job'] }],
    defects: {
      exerciseId: 'pipeline-debugging',
      found: [
        ['stalled-rollout-no-rollback', '06:50'],
        ['mutable-latest-release-artifact', '07:40'],
        ['floating-base-image', '08:10'],
        ['deploy-token-leaked-in-log', '12:50'],
        ['flaky-tests-retried-green', '15:30'],
        ['tests-on-shared-staging-db', '17:00'],
        ['shared-dependency-cache', '19:40'],
      ],
    },
  },
  {
    key: 'ryan-incident-simulation',
    candidate: 'ryan',
    interviewer: 'ngozi',
    kitId: 'incident-simulation',
    daysAgo: 2,
    startsAt: '11:00',
    ratings: {
      'incident-leadership': 2,
      'observability-reliability': 3,
      communication: 2,
      'cicd-release': 3,
    },
    notes: [
      {
        key: 'logs-first',
        simAt: '04:30',
        dimension: 'incident-leadership',
        text: 'Went into the logs and then the v2.14 diff while the canary kept failing checkout. Rolled back at 12:30, after the mitigation target.',
      },
      {
        key: 'silent',
        simAt: '11:00',
        dimension: 'communication',
        text: 'First status update at 11:00; the VP had to ask for impact. Support never got a customer line.',
      },
      {
        key: 'blame-live',
        simAt: '13:30',
        dimension: 'incident-leadership',
        text: 'In the incident channel: "who merged this without testing gift cards?"',
      },
      {
        key: 'debrief-canary',
        at: '39:20',
        dimension: 'observability-reliability',
        text: 'Debrief on the canary analysis was sharp: spotted the renamed label behind the no-data result and wants no-data to fail the analysis.',
      },
      {
        key: 'left-of-pipeline',
        at: '41:30',
        dimension: 'cicd-release',
        text: 'Left of the pipeline: a regression test for legacy gift cards and contract tests on the validator; would make the canary step fail on an inconclusive analysis. Precise.',
      },
      {
        key: 'postmortem',
        at: '44:50',
        dimension: 'incident-leadership',
        text: 'Postmortem: first action item was "take merge rights away from the author until they add tests". Kept it when I asked what let the change through.',
      },
    ],
    signals: [{ signalId: 'red-flag-blame-individuals', notes: ['blame-live', 'postmortem'] }],
    incident: {
      scenarioId: 'canary-error-climb',
      startsAt: '05:00',
      log: [
        ['02:30', 'ack-page'],
        ['03:00', 'read-logs'],
        ['04:30', 'dig-into-diff'],
        ['11:00', 'post-status'],
        ['12:30', 'roll-back-canary'],
        ['13:30', 'blame-author'],
        ['17:30', 'verify-recovery'],
        ['23:30', 'declare-resolved'],
      ],
    },
  },
];

/**
 * Each demo interviewer's overall recommendation and key takeaways, given at submit. Tomás, the
 * generous rater, says "No" to Ryan while his own ratings sit high: the report flags the gap.
 */
export const demoOverall: Record<string, { overallRecommendation: 'strong-no' | 'no' | 'yes' | 'strong-yes'; keyTakeaways: string }> = {
  'kenji-iac-review': { overallRecommendation: 'yes', keyTakeaways: 'Solid Terraform hygiene and state handling; found most planted defects. Thin on why the module is shaped the way it is.' },
  'kenji-cicd-debugging': { overallRecommendation: 'yes', keyTakeaways: 'Methodical debugging; found the flaky test and the leaked token. Would grow into release ownership with support.' },
  'kenji-incident-simulation': { overallRecommendation: 'no', keyTakeaways: 'Mitigated, but communicated late and led alone; not yet running an incident at Staff scope.' },
  'kenji-observability-slo-design': { overallRecommendation: 'yes', keyTakeaways: 'Strong SLO thinking with error budgets tied to release decisions; stakeholder story was light.' },
  'amira-paved-road-design': { overallRecommendation: 'strong-yes', keyTakeaways: 'Designed the paved road from the teams’ needs, with adoption and migration paths. Clear Staff scope.' },
  'amira-iac-review': { overallRecommendation: 'yes', keyTakeaways: 'Found the high-severity defects first and explained blast radius; a couple of low ones missed.' },
  'amira-incident-simulation': { overallRecommendation: 'strong-yes', keyTakeaways: 'Textbook incident command: roles, cadence, rollback first, then diagnosis. Blameless debrief.' },
  'amira-influence-leadership': { overallRecommendation: 'strong-yes', keyTakeaways: 'Moves several teams without authority; concrete mentoring examples with outcomes.' },
  'ryan-paved-road-design': { overallRecommendation: 'no', keyTakeaways: 'The design itself earns its ratings, but I would not hire: no thought for how teams adopt it, and security questions were waved away.' },
  'ryan-iac-review': { overallRecommendation: 'no', keyTakeaways: 'Keeps kubeconfigs in the repo and saw nothing wrong with it; fast on syntax-level defects.' },
  'ryan-cicd-debugging': { overallRecommendation: 'yes', keyTakeaways: 'Quick, accurate pipeline debugging; security findings only when prompted.' },
  'ryan-incident-simulation': { overallRecommendation: 'strong-no', keyTakeaways: 'Blamed an individual during the incident and in the debrief; skipped status updates.' },
};
