import { Transaction } from '../kit/db/database';
import { Row, seedInBatches } from '../kit/db/copy-rows';
import { addDays } from '../kit/dates';
import { Person, personAt, SEED_AS_OF } from '../kit/seed/population';
import { Random } from '../kit/seed/random';
import { SeedOptions } from '../kit/subgraph-definition';
import {
  EnforcementActionKind,
  RemovalOrderStatus,
  RemovalOrderType,
  ReportReferral,
  SeizureAuthority,
  TravelDirection,
  TravelDocumentType,
  TravelMode,
  TravelRecordSource,
  WarrantStatus,
} from './entities/enums';
import { EXIT_RECORDS_SINCE } from './physical-presence';
import { PORTS, PortOfEntry } from './ports';

const RECORDS_BEGIN = '2000-08-01';
const MAX_EVENTS_PER_CLIENT = 1_000;

export async function seedBorderStore(tx: Transaction, options: SeedOptions): Promise<void> {
  const { seed, clients } = options;
  await seedInBatches(tx, options, 'cbsa-border', COLUMNS, (index, rows) => {
    const person = personAt(seed, index, clients);
    const random = new Random(seed, 'border', index);
    rows.travel_event.push(...crossingsOf(person, random));
    rows.enforcement_action.push(...(SHOWCASE_ACTIONS[index]?.(person) ?? drawActions(person, random)));
  });
}

/**
 * A travel history consistent with how exits are captured: entries always; land exits only
 * from 30 June 2013 (US entry records), air exits only from 25 June 2020 (passenger lists),
 * so older histories have gaps exactly where real ones do.
 */
function crossingsOf(person: Person, random: Random): Row[] {
  const settling = person.applications.some((a) => a.lineOfBusiness !== 'VISITOR_VISA');
  const firstReceived = person.applications[0].receivedOn;
  let day = addDays(firstReceived, settling ? -random.int(0, 1500) : random.int(20, 120));
  if (day < RECORDS_BEGIN) day = RECORDS_BEGIN;
  if (!settling && random.chance(0.4)) return [];
  const rows: Row[] = [];
  const document = {
    type: TravelDocumentType.PASSPORT,
    country: person.countryOfCitizenship,
    lastDigits: random.digits(3),
  };
  let inCanada = false;
  while (day < SEED_AS_OF && rows.length < MAX_EVENTS_PER_CLIENT) {
    const direction = inCanada ? TravelDirection.EXIT : TravelDirection.ENTRY;
    const mode = random.weighted([
      [TravelMode.AIR, 70],
      [TravelMode.LAND, 27],
      [TravelMode.MARINE, 2],
      [TravelMode.RAIL, 1],
    ] as const);
    const port = random.pick(PORTS.filter((p) => p.mode === mode));
    if (direction === TravelDirection.ENTRY || exitRecorded(mode, day)) {
      rows.push(crossing(person, rows.length, day, random, direction, port, document));
    }
    inCanada = !inCanada;
    day = addDays(
      day,
      inCanada
        ? settling
          ? random.int(60, 420)
          : random.int(5, 60)
        : settling
          ? random.int(4, 45)
          : random.int(150, 900),
    );
  }
  return rows;
}

function exitRecorded(mode: TravelMode, day: string): boolean {
  if (mode === TravelMode.LAND) return day >= EXIT_RECORDS_SINCE.landForeignNationals;
  if (mode === TravelMode.AIR) return day >= EXIT_RECORDS_SINCE.air;
  return false;
}

function crossing(
  person: Person,
  position: number,
  day: string,
  random: Random,
  direction: TravelDirection,
  port: PortOfEntry,
  document: { type: TravelDocumentType; country: string; lastDigits: string },
): Row {
  const source =
    direction === TravelDirection.ENTRY
      ? TravelRecordSource.CBSA_PRIMARY_INSPECTION
      : port.mode === TravelMode.LAND
        ? TravelRecordSource.US_ENTRY_RECORD
        : TravelRecordSource.AIRLINE_PASSENGER_LIST;
  return {
    id: person.index * MAX_EVENTS_PER_CLIENT + position,
    client_uci: person.uci,
    occurred_at: `${day}T${String(random.int(0, 23)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00Z`,
    direction,
    port_code: port.code,
    port_name: port.name,
    port_province: port.province,
    mode: port.mode,
    document_type: document.type,
    document_country: document.country,
    document_last_digits: document.lastDigits,
    source,
  };
}

/** Rare by design: about one client in twenty has any action, and removal or detention far fewer. */
function drawActions(person: Person, random: Random): Row[] {
  const actions: Row[] = [];
  const when = (offset: number) => {
    const day = addDays(person.applications[0].receivedOn, offset);
    return day < SEED_AS_OF ? day : addDays(SEED_AS_OF, -random.int(1, 60));
  };
  const add = (kind: EnforcementActionKind, occurredOn: string, location: string | null, details: Row) =>
    actions.push({
      id: `EA-${person.index}-${actions.length + 1}`,
      client_uci: person.uci,
      kind,
      occurred_on: occurredOn,
      location,
      details,
    });

  if (random.chance(0.04)) {
    add(EnforcementActionKind.SECONDARY_EXAMINATION, when(random.int(30, 400)), random.pick(PORTS).name, {
      referralReason: random.pick([
        'Random referral',
        'Purpose of travel to be confirmed',
        'Goods to be declared',
        'Documents to be verified',
      ]),
      result: random.pick([
        'Admitted',
        'Admitted with conditions',
        'Allowed to withdraw application to enter',
      ]),
    });
  }
  if (random.chance(0.01)) {
    const reportedOn = when(random.int(200, 900));
    const misrepresentation = random.chance(0.3);
    add(
      EnforcementActionKind.INADMISSIBILITY_REPORT,
      reportedOn,
      'CBSA Greater Toronto Area inland enforcement',
      {
        allegation: misrepresentation
          ? 'IRPA 40(1)(a): misrepresentation'
          : 'IRPA 41(a): non-compliance (stayed beyond the period authorized)',
        referredTo: misrepresentation
          ? ReportReferral.IMMIGRATION_DIVISION
          : ReportReferral.MINISTERS_DELEGATE,
        outcome: 'Removal order issued',
      },
    );
    if (random.chance(0.6)) {
      const orderType = misrepresentation
        ? RemovalOrderType.EXCLUSION
        : random.chance(0.7)
          ? RemovalOrderType.DEPARTURE
          : RemovalOrderType.EXCLUSION;
      const enforceableOn = addDays(reportedOn, random.int(15, 120));
      const departed = random.chance(0.7) && enforceableOn < SEED_AS_OF;
      add(EnforcementActionKind.REMOVAL_ORDER, reportedOn, null, {
        orderType,
        status: departed ? RemovalOrderStatus.ENFORCED : RemovalOrderStatus.IN_FORCE,
        enforceableOn,
        departureConfirmedOn: departed ? addDays(enforceableOn, random.int(3, 45)) : null,
        misrepresentation,
      });
      if (random.chance(0.15)) {
        const startedAt = `${addDays(enforceableOn, random.int(10, 60))}T14:00:00Z`;
        add(EnforcementActionKind.DETENTION, startedAt.slice(0, 10), 'Laval Immigration Holding Centre', {
          startedAt,
          releasedAt: random.chance(0.8)
            ? `${addDays(startedAt.slice(0, 10), random.int(2, 60))}T18:00:00Z`
            : null,
          alternativeToDetention: random.chance(0.5) ? 'Reporting by voice recognition, weekly' : null,
        });
      }
    }
  }
  if (random.chance(0.004)) {
    add(EnforcementActionKind.SEIZURE, when(random.int(30, 600)), random.pick(PORTS).name, {
      authority: random.chance(0.8) ? SeizureAuthority.CUSTOMS_ACT_S110 : SeizureAuthority.IRPA_S140,
      item: random.pick([
        'Undeclared currency over $10,000',
        'Undeclared goods',
        'Fraudulent travel document',
      ]),
    });
  }
  if (random.chance(0.001)) {
    add(EnforcementActionKind.IMMIGRATION_WARRANT, when(random.int(300, 1200)), null, {
      reason: 'Failure to appear for removal',
      status: random.pick([WarrantStatus.OUTSTANDING, WarrantStatus.EXECUTED]),
    });
  }
  return actions;
}

/** The README's clients: a routine secondary examination, and a complied-with departure order. */
const SHOWCASE_ACTIONS: Record<number, (person: Person) => Row[]> = {
  0: (person) => [
    {
      id: 'EA-0-1',
      client_uci: person.uci,
      kind: EnforcementActionKind.SECONDARY_EXAMINATION,
      occurred_on: '2022-01-20',
      location: 'Toronto Pearson International Airport',
      details: {
        referralReason: 'Study permit to be issued at port of entry',
        result: 'Admitted; study permit issued',
      },
    },
  ],
  1: (person) => [
    {
      id: 'EA-1-1',
      client_uci: person.uci,
      kind: EnforcementActionKind.INADMISSIBILITY_REPORT,
      occurred_on: '2023-09-12',
      location: 'CBSA Montréal inland enforcement',
      details: {
        allegation: 'IRPA 41(a): non-compliance (stayed beyond the period authorized)',
        referredTo: ReportReferral.MINISTERS_DELEGATE,
        outcome: 'Departure order issued',
      },
    },
    {
      id: 'EA-1-2',
      client_uci: person.uci,
      kind: EnforcementActionKind.REMOVAL_ORDER,
      occurred_on: '2023-09-12',
      location: null,
      details: {
        orderType: RemovalOrderType.DEPARTURE,
        status: RemovalOrderStatus.ENFORCED,
        enforceableOn: '2023-09-12',
        departureConfirmedOn: '2023-09-30',
        misrepresentation: false,
      },
    },
  ],
};

const COLUMNS = {
  travel_event: [
    'id',
    'client_uci',
    'occurred_at',
    'direction',
    'port_code',
    'port_name',
    'port_province',
    'mode',
    'document_type',
    'document_country',
    'document_last_digits',
    'source',
  ],
  enforcement_action: ['id', 'client_uci', 'kind', 'occurred_on', 'location', 'details'],
};
