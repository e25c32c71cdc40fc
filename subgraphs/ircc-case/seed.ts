import { Transaction } from '../kit/db/database';
import { copyRows, Row, seedInBatches } from '../kit/db/copy-rows';
import { addDays, daysBetween } from '../kit/dates';
import {
  Person,
  PersonApplication,
  personAt,
  representativeAt,
  representativeCount,
  SEED_AS_OF,
} from '../kit/seed/population';
import { Random } from '../kit/seed/random';
import { SeedOptions } from '../kit/subgraph-definition';
import {
  DecisionOutcome,
  IssuedDocumentType,
  LineOfBusiness,
  MessageKind,
  ReviewStageName,
  ReviewStageStatus,
  StatusSource,
} from './entities/enums';
import { TYPICAL_PROCESSING_DAYS } from './processing-times';
import { REFUSAL_GROUNDS } from './refusal-grounds';

const STAGE_ORDER = [
  ReviewStageName.BIOMETRICS,
  ReviewStageName.MEDICAL_EXAM,
  ReviewStageName.BACKGROUND_VERIFICATION,
  ReviewStageName.ELIGIBILITY,
];

/** Share of closed applications refused, by line of business (temporary residence is refused far more often). */
const REFUSAL_SHARE: Record<LineOfBusiness, number> = {
  [LineOfBusiness.VISITOR_VISA]: 0.35,
  [LineOfBusiness.STUDY_PERMIT]: 0.4,
  [LineOfBusiness.WORK_PERMIT]: 0.22,
  [LineOfBusiness.ECONOMIC_IMMIGRATION]: 0.08,
  [LineOfBusiness.FAMILY_SPONSORSHIP]: 0.12,
  [LineOfBusiness.CITIZENSHIP]: 0.05,
  [LineOfBusiness.HUMANITARIAN_AND_COMPASSIONATE]: 0.45,
};

const VISA_OFFICES = [
  'Visa office New Delhi',
  'Visa office Manila',
  'Visa office Dakar',
  'Visa office Beijing',
  'Visa office Paris',
  'Visa office Mexico City',
  'Visa office Warsaw',
];
const DOMESTIC_OFFICES = [
  'Case Processing Centre Edmonton',
  'Case Processing Centre Ottawa',
  'Case Processing Centre Sydney',
  'Case Processing Centre Mississauga',
  'Domestic Network Montréal',
  'Domestic Network Toronto',
  'Domestic Network Vancouver',
];

const ISSUED_DOCUMENT: Partial<
  Record<LineOfBusiness, { type: IssuedDocumentType; prefix: string; validYears: [number, number] | null }>
> = {
  [LineOfBusiness.VISITOR_VISA]: { type: IssuedDocumentType.VISITOR_VISA, prefix: 'VV', validYears: [1, 10] },
  [LineOfBusiness.STUDY_PERMIT]: { type: IssuedDocumentType.STUDY_PERMIT, prefix: 'SP', validYears: [1, 4] },
  [LineOfBusiness.WORK_PERMIT]: { type: IssuedDocumentType.WORK_PERMIT, prefix: 'WP', validYears: [1, 3] },
  [LineOfBusiness.ECONOMIC_IMMIGRATION]: {
    type: IssuedDocumentType.CONFIRMATION_OF_PERMANENT_RESIDENCE,
    prefix: 'CO',
    validYears: [1, 1],
  },
  [LineOfBusiness.FAMILY_SPONSORSHIP]: {
    type: IssuedDocumentType.CONFIRMATION_OF_PERMANENT_RESIDENCE,
    prefix: 'CO',
    validYears: [1, 1],
  },
  [LineOfBusiness.HUMANITARIAN_AND_COMPASSIONATE]: {
    type: IssuedDocumentType.CONFIRMATION_OF_PERMANENT_RESIDENCE,
    prefix: 'CO',
    validYears: [1, 1],
  },
  [LineOfBusiness.CITIZENSHIP]: {
    type: IssuedDocumentType.CITIZENSHIP_CERTIFICATE,
    prefix: 'CC',
    validYears: null,
  },
};

/** Fixed outcomes for the README's showcase applications; every other one is drawn. */
interface Plan {
  outcome: DecisionOutcome | 'OPEN';
  decidedAfterDays?: number;
  grounds?: number[];
  /** For open applications: stages completed, and whether the next one waits on the client. */
  completedStages?: number;
  waitingOnClient?: boolean;
}

const SHOWCASE_PLANS: Record<number, Plan[]> = {
  0: [
    { outcome: DecisionOutcome.REFUSED, decidedAfterDays: 49, grounds: [0, 1] },
    { outcome: DecisionOutcome.APPROVED, decidedAfterDays: 73 },
    { outcome: 'OPEN', completedStages: 1, waitingOnClient: true },
  ],
  1: [{ outcome: 'OPEN', completedStages: 2, waitingOnClient: false }],
};

type Rows = Record<keyof typeof COLUMNS, Row[]>;

export async function seedCaseStore(tx: Transaction, options: SeedOptions): Promise<void> {
  const { seed, clients } = options;
  const representatives = Array.from({ length: representativeCount(clients) }, (_, index) =>
    representativeAt(seed, index),
  );
  await copyRows(
    tx,
    'representative',
    REPRESENTATIVE_COLUMNS,
    representatives.map((r) => ({
      id: r.id,
      kind: r.kind,
      family_name: r.familyName,
      given_names: r.givenNames,
      organization: r.organization,
      membership_number: r.membershipNumber,
      regulator: r.regulator,
    })),
  );
  await seedInBatches(tx, options, 'ircc-case', COLUMNS, (index, rows) =>
    addPerson(rows, personAt(seed, index, clients), seed),
  );
}

function addPerson(rows: Rows, person: Person, seed: number): void {
  const random = new Random(seed, 'case', person.index);
  rows.client.push({
    uci: person.uci,
    family_name: person.familyName,
    given_names: person.givenNames,
    date_of_birth: person.dateOfBirth,
    country_of_citizenship: person.countryOfCitizenship,
    preferred_language: person.preferredLanguage,
  });
  person.applications.forEach((application, position) => {
    const plan = SHOWCASE_PLANS[person.index]?.[position] ?? drawPlan(random, application);
    addApplication(rows, random, person, application, plan);
  });
  if (person.representation) {
    rows.representative_authorization.push({
      id: person.representation.authorizationId,
      representative_id: person.representation.representativeId,
      client_uci: person.uci,
      application_number: person.applications[0].applicationNumber,
      signed_on: person.representation.signedOn,
      cancelled_on: person.representation.cancelledOn,
      expires_on: null,
    });
  }
}

function drawPlan(random: Random, application: PersonApplication): Plan {
  const lineOfBusiness = application.lineOfBusiness as LineOfBusiness;
  const decidedAfterDays = Math.round(TYPICAL_PROCESSING_DAYS[lineOfBusiness] * (0.5 + random.next() * 1.3));
  const age = daysBetween(application.receivedOn, SEED_AS_OF);
  if (age <= decidedAfterDays) {
    return {
      outcome: 'OPEN',
      completedStages: Math.floor((age / decidedAfterDays) * 4),
      waitingOnClient: random.chance(0.25),
    };
  }
  const refusal = REFUSAL_SHARE[lineOfBusiness];
  const outcome = random.weighted([
    [DecisionOutcome.APPROVED, 1 - refusal - 0.08],
    [DecisionOutcome.REFUSED, refusal],
    [DecisionOutcome.WITHDRAWN, 0.03],
    [DecisionOutcome.RETURNED_AS_INCOMPLETE, 0.04],
    [DecisionOutcome.ABANDONED, 0.01],
  ] as const);
  const grounds = REFUSAL_GROUNDS[lineOfBusiness];
  const first = random.int(0, grounds.length - 1);
  const second = grounds.length > 1 && random.chance(0.4) ? (first + 1) % grounds.length : null;
  return {
    outcome,
    decidedAfterDays:
      outcome === DecisionOutcome.RETURNED_AS_INCOMPLETE ? random.int(5, 30) : decidedAfterDays,
    grounds: second === null ? [first] : [first, second],
  };
}

function addApplication(
  rows: Rows,
  random: Random,
  person: Person,
  application: PersonApplication,
  plan: Plan,
): void {
  const lineOfBusiness = application.lineOfBusiness as LineOfBusiness;
  const number = application.applicationNumber;
  const decidedOn =
    plan.outcome === 'OPEN' ? null : addDays(application.receivedOn, plan.decidedAfterDays ?? 0);
  const exempt = exemptStages(random, lineOfBusiness);
  const required = STAGE_ORDER.filter((stage) => !exempt.has(stage));
  const completed = completedStages(plan, required.length);
  const source = random.chance(0.85)
    ? StatusSource.APPLICATION_STATUS_TRACKER
    : StatusSource.CASE_MANAGEMENT_SYSTEM;
  const statusAsOf = decidedOn
    ? `${decidedOn}T${clock(random)}Z`
    : `${addDays(SEED_AS_OF, -random.int(0, 6))}T${clock(random)}Z`;
  const status = decidedOn
    ? 'CLOSED'
    : completed === 0 && !plan.waitingOnClient && random.chance(0.5)
      ? 'RECEIVED'
      : 'IN_PROGRESS';
  rows.application.push({
    application_number: number,
    client_uci: person.uci,
    line_of_business: lineOfBusiness,
    received_on: application.receivedOn,
    processing_office:
      lineOfBusiness === LineOfBusiness.VISITOR_VISA
        ? random.pick(VISA_OFFICES)
        : random.pick(DOMESTIC_OFFICES),
    status,
    status_source: source,
    status_as_of: statusAsOf,
  });
  STAGE_ORDER.forEach((name, position) => {
    const step = required.indexOf(name);
    let stageStatus = ReviewStageStatus.NOT_STARTED;
    if (exempt.has(name)) stageStatus = ReviewStageStatus.EXEMPTED;
    else if (step < completed) stageStatus = ReviewStageStatus.COMPLETED;
    else if (step === completed && status === 'IN_PROGRESS')
      stageStatus = plan.waitingOnClient ? ReviewStageStatus.WAITING_ON_YOU : ReviewStageStatus.IN_PROGRESS;
    rows.review_stage.push({
      application_number: number,
      name,
      position,
      status: stageStatus,
      source,
      as_of: statusAsOf,
    });
  });
  addMessages(rows, random, application, plan, decidedOn, exempt, required, completed);
  if (!decidedOn || plan.outcome === 'OPEN') return;
  const grounds =
    plan.outcome === DecisionOutcome.REFUSED
      ? (plan.grounds ?? [0]).map((i) => REFUSAL_GROUNDS[lineOfBusiness][i])
      : [];
  rows.decision.push({
    application_number: number,
    outcome: plan.outcome,
    decided_on: decidedOn,
    officer_notes: grounds.length
      ? officerNotes(
          person,
          application,
          grounds.map((g) => g.noteLine),
          decidedOn,
        )
      : null,
  });
  grounds.forEach((ground, position) =>
    rows.refusal_ground.push({
      application_number: number,
      position,
      provision: ground.provision,
      ground: ground.ground,
    }),
  );
  const document = ISSUED_DOCUMENT[lineOfBusiness];
  if (plan.outcome === DecisionOutcome.APPROVED && document) {
    rows.issued_document.push({
      document_number: `${document.prefix}${number.slice(1)}`,
      application_number: number,
      type: document.type,
      issued_on: decidedOn,
      valid_until: document.validYears ? addDays(decidedOn, 365 * random.int(...document.validYears)) : null,
    });
  }
}

function exemptStages(random: Random, lineOfBusiness: LineOfBusiness): Set<ReviewStageName> {
  const exempt = new Set<ReviewStageName>();
  if (lineOfBusiness === LineOfBusiness.CITIZENSHIP) {
    exempt.add(ReviewStageName.BIOMETRICS);
    exempt.add(ReviewStageName.MEDICAL_EXAM);
  } else {
    if (random.chance(0.15)) exempt.add(ReviewStageName.BIOMETRICS); // biometrics given in the last 10 years
    const temporary = [
      LineOfBusiness.VISITOR_VISA,
      LineOfBusiness.STUDY_PERMIT,
      LineOfBusiness.WORK_PERMIT,
    ].includes(lineOfBusiness);
    if (temporary && random.chance(0.7)) exempt.add(ReviewStageName.MEDICAL_EXAM);
  }
  return exempt;
}

function completedStages(plan: Plan, required: number): number {
  switch (plan.outcome) {
    case 'OPEN':
      return Math.min(plan.completedStages ?? 0, required - 1);
    case DecisionOutcome.APPROVED:
    case DecisionOutcome.REFUSED:
      return required;
    case DecisionOutcome.RETURNED_AS_INCOMPLETE:
      return 0;
    default:
      return Math.floor(required / 2);
  }
}

function addMessages(
  rows: Rows,
  random: Random,
  application: PersonApplication,
  plan: Plan,
  decidedOn: string | null,
  exempt: Set<ReviewStageName>,
  required: ReviewStageName[],
  completed: number,
): void {
  const messages: { kind: MessageKind; sentOn: string; dueInDays: number | null }[] = [
    { kind: MessageKind.ACKNOWLEDGEMENT_OF_RECEIPT, sentOn: application.receivedOn, dueInDays: null },
  ];
  const span = decidedOn
    ? daysBetween(application.receivedOn, decidedOn)
    : daysBetween(application.receivedOn, SEED_AS_OF);
  if (!exempt.has(ReviewStageName.BIOMETRICS)) {
    messages.push({
      kind: MessageKind.BIOMETRICS_INSTRUCTION_LETTER,
      sentOn: addDays(application.receivedOn, random.int(1, 3)),
      dueInDays: 30,
    });
  }
  const medicalStep = required.indexOf(ReviewStageName.MEDICAL_EXAM);
  if (medicalStep >= 0 && medicalStep <= completed) {
    const sentOn =
      plan.waitingOnClient && medicalStep === completed
        ? addDays(SEED_AS_OF, -12)
        : addDays(application.receivedOn, Math.max(4, Math.floor(span * 0.25)));
    messages.push({ kind: MessageKind.MEDICAL_EXAM_REQUEST, sentOn, dueInDays: 30 });
  }
  if (random.chance(0.2) && span > 40) {
    messages.push({
      kind: MessageKind.DOCUMENT_REQUEST,
      sentOn: addDays(application.receivedOn, Math.floor(span * 0.5)),
      dueInDays: 30,
    });
  }
  if (plan.outcome === DecisionOutcome.REFUSED && random.chance(0.15) && span > 40) {
    messages.push({
      kind: MessageKind.PROCEDURAL_FAIRNESS_LETTER,
      sentOn: addDays(application.receivedOn, span - 35),
      dueInDays: 30,
    });
  }
  if (
    decidedOn &&
    plan.outcome === DecisionOutcome.APPROVED &&
    (application.lineOfBusiness as LineOfBusiness) !== LineOfBusiness.CITIZENSHIP
  ) {
    messages.push({ kind: MessageKind.PASSPORT_REQUEST, sentOn: addDays(decidedOn, -5), dueInDays: 30 });
  }
  if (decidedOn) messages.push({ kind: MessageKind.DECISION_LETTER, sentOn: decidedOn, dueInDays: null });
  messages
    .sort((a, b) => a.sentOn.localeCompare(b.sentOn))
    .forEach((message, position) =>
      rows.message.push({
        application_number: application.applicationNumber,
        position,
        kind: message.kind,
        sent_on: message.sentOn,
        due_on: message.dueInDays === null ? null : addDays(message.sentOn, message.dueInDays),
      }),
    );
}

function officerNotes(
  person: Person,
  application: PersonApplication,
  lines: string[],
  decidedOn: string,
): string {
  const age = Math.floor(daysBetween(person.dateOfBirth, application.receivedOn) / 365.25);
  return [
    `${decidedOn} — Application reviewed. PA is a ${age} y/o citizen of ${person.countryOfCitizenship}.`,
    ...lines,
    'Weighing the factors in this application, I am not satisfied that the applicant meets the requirements of the Act and Regulations. Application refused.',
  ].join('\n');
}

function clock(random: Random): string {
  return `${String(random.int(13, 21)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00`;
}

const REPRESENTATIVE_COLUMNS = [
  'id',
  'kind',
  'family_name',
  'given_names',
  'organization',
  'membership_number',
  'regulator',
];

/** The columns of each table the seed fills, in foreign-key order. */
const COLUMNS = {
  client: [
    'uci',
    'family_name',
    'given_names',
    'date_of_birth',
    'country_of_citizenship',
    'preferred_language',
  ],
  application: [
    'application_number',
    'client_uci',
    'line_of_business',
    'received_on',
    'processing_office',
    'status',
    'status_source',
    'status_as_of',
  ],
  review_stage: ['application_number', 'name', 'position', 'status', 'source', 'as_of'],
  decision: ['application_number', 'outcome', 'decided_on', 'officer_notes'],
  refusal_ground: ['application_number', 'position', 'provision', 'ground'],
  issued_document: ['document_number', 'application_number', 'type', 'issued_on', 'valid_until'],
  message: ['application_number', 'position', 'kind', 'sent_on', 'due_on'],
  representative_authorization: [
    'id',
    'representative_id',
    'client_uci',
    'application_number',
    'signed_on',
    'cancelled_on',
    'expires_on',
  ],
};
