import { Transaction } from '../kit/db/database';
import { Row, seedInBatches } from '../kit/db/copy-rows';
import { addDays, daysBetween } from '../kit/dates';
import { Person, PersonApplication, personAt, SEED_AS_OF } from '../kit/seed/population';
import { Random } from '../kit/seed/random';
import { SeedOptions } from '../kit/subgraph-definition';
import {
  AccessAct,
  AccessRequestStatus,
  Commissioner,
  ComplaintStatus,
  Disposition,
  HoldReason,
  Institution,
  RequesterCategory,
} from './entities/enums';
import { TIME_LIMIT_DAYS } from './deadlines';
import { WorkflowAction } from './workflow';

type Rows = Record<keyof typeof COLUMNS, Row[]>;

/** A request as drawn, before it is written as rows. */
interface Draw {
  institution: Institution;
  act: AccessAct;
  requesterCategory: RequesterCategory;
  application: PersonApplication | null;
  receivedOn: string;
  /** Days to answer; past the seed date means still open. */
  daysToComplete: number;
  openStatus?: AccessRequestStatus;
  extensionDays?: number;
  disposition?: Disposition;
}

export async function seedAtipStore(tx: Transaction, options: SeedOptions): Promise<void> {
  const { seed, clients } = options;
  await seedInBatches(tx, options, 'atip', COLUMNS, (index, rows) => {
    const person = personAt(seed, index, clients);
    const random = new Random(seed, 'atip', index);
    const draws = SHOWCASE_REQUESTS[index]?.(person) ?? drawRequests(person, random);
    draws.forEach((draw, position) => addRequest(rows, random, person, position, draw, seed));
  });
}

/**
 * Shaped on IRCC's 2023-24 figures: represented clients ask more and through their
 * representative (about 44% of requests), answers take about 90 days on average with fewer
 * than a third on time, and a backlog of open, overdue requests remains.
 */
function drawRequests(person: Person, random: Random): Draw[] {
  const represented = person.representation !== null;
  if (!random.chance(represented ? 0.5 : 0.3)) return [];
  const count = random.int(1, 2);
  const draws: Draw[] = [];
  for (let i = 0; i < count; i += 1) {
    const application = random.chance(0.9) ? random.pick(person.applications) : null;
    const from = application?.receivedOn ?? person.applications[0].receivedOn;
    const receivedOn = addDays(
      from,
      random.int(20, Math.max(21, Math.min(800, daysBetween(from, SEED_AS_OF) - 1))),
    );
    if (receivedOn >= SEED_AS_OF) continue;
    const requesterCategory =
      represented && random.chance(0.85)
        ? RequesterCategory.REPRESENTATIVE_WITH_CONSENT
        : random.weighted([
            [RequesterCategory.CLIENT, 90],
            [RequesterCategory.MEDIA, 2],
            [RequesterCategory.ACADEMIA, 2],
            [RequesterCategory.BUSINESS, 2],
            [RequesterCategory.ORGANIZATION, 2],
            [RequesterCategory.PUBLIC, 2],
          ] as const);
    const act =
      requesterCategory === RequesterCategory.CLIENT && random.chance(0.25)
        ? AccessAct.PRIVACY_ACT
        : AccessAct.ACCESS_TO_INFORMATION_ACT;
    const daysToComplete = random.chance(0.28)
      ? random.int(5, TIME_LIMIT_DAYS)
      : TIME_LIMIT_DAYS + 1 + Math.floor(270 * random.next() ** 2);
    draws.push({
      institution: random.chance(0.88) ? Institution.IRCC : Institution.CBSA,
      act,
      requesterCategory,
      application,
      receivedOn,
      daysToComplete,
      extensionDays:
        daysToComplete > TIME_LIMIT_DAYS && random.chance(0.3)
          ? act === AccessAct.PRIVACY_ACT
            ? 30
            : random.pick([30, 60, 90, 120])
          : undefined,
      openStatus: random.weighted([
        [AccessRequestStatus.IN_PROGRESS, 80],
        [AccessRequestStatus.IN_CONSULTATION, 10],
        [AccessRequestStatus.ON_HOLD_CLARIFICATION, 5],
        [AccessRequestStatus.ON_HOLD_FEE, 5],
      ] as const),
      disposition: random.weighted([
        [Disposition.DISCLOSED_IN_PART, 64],
        [Disposition.ALL_DISCLOSED, 24],
        [Disposition.NO_RECORDS_EXIST, 5],
        [Disposition.ABANDONED, 3],
        [Disposition.TRANSFERRED, 2],
        [Disposition.ALL_EXEMPTED, 1],
        [Disposition.TREATED_INFORMALLY, 1],
      ] as const),
    });
  }
  return draws;
}

function addRequest(
  rows: Rows,
  random: Random,
  person: Person,
  position: number,
  draw: Draw,
  seed: number,
): void {
  const requestNumber = `${draw.act === AccessAct.PRIVACY_ACT ? 'P' : 'A'}-${draw.receivedOn.slice(0, 4)}-${String(person.index * 3 + position).padStart(6, '0')}`;
  const completedOn = addDays(draw.receivedOn, draw.daysToComplete);
  const open = completedOn > SEED_AS_OF;
  const disposition = open ? null : (draw.disposition ?? Disposition.DISCLOSED_IN_PART);
  const status = open
    ? daysBetween(draw.receivedOn, SEED_AS_OF) < 5
      ? AccessRequestStatus.RECEIVED
      : (draw.openStatus ?? AccessRequestStatus.IN_PROGRESS)
    : disposition === Disposition.ABANDONED
      ? AccessRequestStatus.ABANDONED
      : AccessRequestStatus.COMPLETED;
  const released =
    !open &&
    disposition !== Disposition.ABANDONED &&
    disposition !== Disposition.NO_RECORDS_EXIST &&
    disposition !== Disposition.TRANSFERRED;
  const pagesProcessed = released ? random.int(12, 600) : null;
  const exemptions = disposition === Disposition.DISCLOSED_IN_PART ? drawExemptions(random, draw) : [];
  const withheld = exemptions.reduce((sum, e) => sum + e.pages, 0);
  const pagesReleased =
    pagesProcessed === null
      ? null
      : disposition === Disposition.ALL_EXEMPTED
        ? 0
        : Math.max(1, pagesProcessed - withheld);
  rows.access_request.push({
    request_number: requestNumber,
    institution: draw.institution,
    act: draw.act,
    requester_category: draw.requesterCategory,
    client_uci: person.uci,
    application_number: draw.application?.applicationNumber ?? null,
    description: describe(draw, new Random(seed, 'atip-description', person.index * 3 + position)),
    received_on: draw.receivedOn,
    status,
    status_as_of: `${open ? addDays(SEED_AS_OF, -random.int(0, 10)) : completedOn}T15:00:00Z`,
    disposition,
    completed_on: open ? null : completedOn,
    pages_processed: pagesProcessed,
    pages_released: pagesReleased,
  });
  for (const exemption of exemptions)
    rows.access_request_exemption.push({ request_number: requestNumber, ...exemption });
  addHistory(rows, requestNumber, draw, person, status, open ? null : completedOn);
  if (draw.extensionDays) {
    const atia = draw.act === AccessAct.ACCESS_TO_INFORMATION_ACT;
    rows.access_request_extension.push({
      request_number: requestNumber,
      position: 0,
      provision: atia ? 'ATIA 9(1)(a)' : 'Privacy Act 15(a)(i)',
      days: draw.extensionDays,
      reason:
        'Large number of records; meeting the original time limit would unreasonably interfere with operations',
      notice_to_commissioner_on: atia && draw.extensionDays > 30 ? addDays(draw.receivedOn, 25) : null,
    });
  }
  if (status === AccessRequestStatus.ON_HOLD_CLARIFICATION || status === AccessRequestStatus.ON_HOLD_FEE) {
    rows.access_request_hold.push({
      request_number: requestNumber,
      reason: status === AccessRequestStatus.ON_HOLD_FEE ? HoldReason.FEE : HoldReason.CLARIFICATION,
      held_from: addDays(SEED_AS_OF, -random.int(3, 20)),
      held_to: null,
    });
  }
  const late = draw.daysToComplete > TIME_LIMIT_DAYS + (draw.extensionDays ?? 0);
  if (late && random.chance(0.05)) {
    rows.access_request_complaint.push({
      request_number: requestNumber,
      commissioner:
        draw.act === AccessAct.PRIVACY_ACT
          ? Commissioner.PRIVACY_COMMISSIONER
          : Commissioner.INFORMATION_COMMISSIONER,
      filed_on: addDays(draw.receivedOn, TIME_LIMIT_DAYS + (draw.extensionDays ?? 0) + random.int(5, 50)),
      status: open
        ? ComplaintStatus.UNDER_INVESTIGATION
        : random.pick([ComplaintStatus.WELL_FOUNDED, ComplaintStatus.RESOLVED, ComplaintStatus.DISCONTINUED]),
    });
  }
}

/** The steps a seeded request took: filed, taken up by an officer, then closed or where it stands now. */
function addHistory(
  rows: Rows,
  requestNumber: string,
  draw: Draw,
  person: Person,
  status: AccessRequestStatus,
  closedOn: string | null,
): void {
  const requester =
    draw.requesterCategory === RequesterCategory.REPRESENTATIVE_WITH_CONSENT
      ? { role: 'representative', subject: person.representation?.representativeId ?? null }
      : draw.requesterCategory === RequesterCategory.CLIENT
        ? { role: 'applicant', subject: person.uci }
        : { role: 'public', subject: null };
  const officer = { role: 'officer', subject: `ATIP-${draw.institution}` };
  const steps: [
    string,
    WorkflowAction,
    AccessRequestStatus | null,
    AccessRequestStatus,
    { role: string; subject: string | null },
  ][] = [[draw.receivedOn, WorkflowAction.SUBMIT, null, AccessRequestStatus.RECEIVED, requester]];
  if (status !== AccessRequestStatus.RECEIVED)
    steps.push([
      addDays(draw.receivedOn, 3),
      WorkflowAction.START,
      AccessRequestStatus.RECEIVED,
      AccessRequestStatus.IN_PROGRESS,
      officer,
    ]);
  if (closedOn) {
    const action =
      status === AccessRequestStatus.ABANDONED ? WorkflowAction.ABANDON : WorkflowAction.COMPLETE;
    steps.push([
      closedOn < addDays(draw.receivedOn, 3) ? addDays(draw.receivedOn, 3) : closedOn,
      action,
      AccessRequestStatus.IN_PROGRESS,
      status,
      officer,
    ]);
  } else if (status !== AccessRequestStatus.RECEIVED && status !== AccessRequestStatus.IN_PROGRESS) {
    const action =
      status === AccessRequestStatus.IN_CONSULTATION ? WorkflowAction.CONSULT : WorkflowAction.HOLD;
    steps.push([addDays(SEED_AS_OF, -3), action, AccessRequestStatus.IN_PROGRESS, status, officer]);
  }
  steps.forEach(([day, action, from, to, actor], position) =>
    rows.access_request_event.push({
      request_number: requestNumber,
      position: position + 1,
      occurred_at: `${day}T14:00:00Z`,
      action,
      from_status: from,
      to_status: to,
      actor_role: actor.role,
      actor_subject: actor.subject,
      detail: null,
    }),
  );
}

function drawExemptions(random: Random, draw: Draw): { section: string; pages: number }[] {
  const sections =
    draw.act === AccessAct.PRIVACY_ACT
      ? ([
          ['Privacy Act 22(1)(b)', 0.5],
          ['Privacy Act 26', 0.6],
        ] as const)
      : ([
          ['ATIA 16(2)(c)', draw.institution === Institution.IRCC ? 0.7 : 0.3],
          ['ATIA 19(1)', 0.4],
          ['ATIA 16(1)(c)', 0.15],
          ['ATIA 13(1)(a)', 0.1],
          ['ATIA 15(1)', 0.08],
        ] as const);
  const chosen = sections
    .filter(([, probability]) => random.chance(probability))
    .map(([section]) => ({ section, pages: random.int(1, 12) }));
  return chosen.length ? chosen : [{ section: sections[0][0], pages: random.int(1, 6) }];
}

/**
 * What the request asks for, in words of the kinds IRCC and CBSA report receiving: mostly a
 * person's notes, status or travel records, sometimes the whole file or records One Window does
 * not hold. Drawn from a stream of its own, so the wording never shifts the rest of the seed.
 */
function describe(draw: Draw, random: Random): string {
  const about = draw.application ? ` for application ${draw.application.applicationNumber}` : '';
  if (draw.institution === Institution.CBSA) {
    return random.weighted([
      ['My entries to and exits from Canada since 2015', 45],
      ['Travel history and the number of days I was in Canada, for my citizenship application', 25],
      ['All records of my entries and exits, and any examination at a port of entry', 15],
      ['Records of my secondary examination and any removal order', 10],
      ['All personal information the CBSA holds about me', 5],
    ] as const);
  }
  const whose =
    draw.requesterCategory === RequesterCategory.REPRESENTATIVE_WITH_CONSENT ? "the client's" : 'my';
  return random.weighted([
    [`Copy of GCMS notes${about}`, 35],
    [`The GCMS notes and the current status of ${whose} application${about}`, 20],
    [`Officer notes and the reasons for refusal${about}`, 15],
    [`Status of ${whose} application${about} and any letters sent about it`, 10],
    [`Complete copy of ${whose} immigration file${about}, including the officer's notes`, 15],
    [`GCMS notes${about} and the medical exam results`, 5],
  ] as const);
}

/** The README client's requests: one answered late, one overdue at CBSA, one just filed. */
const SHOWCASE_REQUESTS: Record<number, (person: Person) => Draw[]> = {
  0: (person) => [
    {
      institution: Institution.IRCC,
      act: AccessAct.ACCESS_TO_INFORMATION_ACT,
      requesterCategory: RequesterCategory.REPRESENTATIVE_WITH_CONSENT,
      application: person.applications[0],
      receivedOn: '2021-07-05',
      daysToComplete: 101,
      extensionDays: 30,
      disposition: Disposition.DISCLOSED_IN_PART,
    },
    {
      institution: Institution.CBSA,
      act: AccessAct.PRIVACY_ACT,
      requesterCategory: RequesterCategory.CLIENT,
      application: null,
      receivedOn: '2026-09-21',
      daysToComplete: 400,
      openStatus: AccessRequestStatus.IN_PROGRESS,
    },
    {
      institution: Institution.IRCC,
      act: AccessAct.ACCESS_TO_INFORMATION_ACT,
      requesterCategory: RequesterCategory.REPRESENTATIVE_WITH_CONSENT,
      application: person.applications[2],
      receivedOn: '2026-10-28',
      daysToComplete: 400,
      openStatus: AccessRequestStatus.IN_PROGRESS,
    },
  ],
};

const COLUMNS = {
  access_request: [
    'request_number',
    'institution',
    'act',
    'requester_category',
    'client_uci',
    'application_number',
    'description',
    'received_on',
    'status',
    'status_as_of',
    'disposition',
    'completed_on',
    'pages_processed',
    'pages_released',
  ],
  access_request_exemption: ['request_number', 'section', 'pages'],
  access_request_extension: [
    'request_number',
    'position',
    'provision',
    'days',
    'reason',
    'notice_to_commissioner_on',
  ],
  access_request_hold: ['request_number', 'reason', 'held_from', 'held_to'],
  access_request_complaint: ['request_number', 'commissioner', 'filed_on', 'status'],
  access_request_event: [
    'request_number',
    'position',
    'occurred_at',
    'action',
    'from_status',
    'to_status',
    'actor_role',
    'actor_subject',
    'detail',
  ],
};
