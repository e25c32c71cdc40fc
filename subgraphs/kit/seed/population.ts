import { addDays, daysBetween } from '../dates';
import { formatUci } from '../../../platform/identifiers';
import { COUNTRIES, REPRESENTATIVE_NAMES } from './names';
import { Random } from './random';

/**
 * The seeded population: the identity facts that all three departmental systems agree on
 * (who the clients are, their application numbers, who represents them). Each subgraph
 * derives its own records from these, so a UCI seeded in one store is the same person in the
 * others. Everything is a pure function of (seed, index).
 */

/** The seed's "today": every status is as of this date, so the data never depends on the clock. */
export const SEED_AS_OF = '2026-11-01';

export type LineOfBusinessCode =
  | 'VISITOR_VISA'
  | 'STUDY_PERMIT'
  | 'WORK_PERMIT'
  | 'ECONOMIC_IMMIGRATION'
  | 'FAMILY_SPONSORSHIP'
  | 'CITIZENSHIP'
  | 'HUMANITARIAN_AND_COMPASSIONATE';

/** The letter that starts an application number for each line of business. */
export const APPLICATION_PREFIX: Record<LineOfBusinessCode, string> = {
  VISITOR_VISA: 'V',
  STUDY_PERMIT: 'S',
  WORK_PERMIT: 'W',
  ECONOMIC_IMMIGRATION: 'E',
  FAMILY_SPONSORSHIP: 'F',
  CITIZENSHIP: 'C',
  HUMANITARIAN_AND_COMPASSIONATE: 'H',
};

const LINE_OF_BUSINESS_WEIGHTS: readonly (readonly [LineOfBusinessCode, number])[] = [
  ['VISITOR_VISA', 30],
  ['STUDY_PERMIT', 15],
  ['WORK_PERMIT', 18],
  ['ECONOMIC_IMMIGRATION', 12],
  ['FAMILY_SPONSORSHIP', 8],
  ['CITIZENSHIP', 7],
  ['HUMANITARIAN_AND_COMPASSIONATE', 3],
];

export interface PersonApplication {
  applicationNumber: string;
  lineOfBusiness: LineOfBusinessCode;
  receivedOn: string;
}

export interface Representation {
  representativeId: string;
  authorizationId: string;
  signedOn: string;
  cancelledOn: string | null;
}

export interface Person {
  index: number;
  uci: string;
  familyName: string;
  givenNames: string;
  dateOfBirth: string;
  countryOfCitizenship: string;
  preferredLanguage: 'EN' | 'FR';
  applications: PersonApplication[];
  representation: Representation | null;
}

export interface RepresentativeProfile {
  index: number;
  id: string;
  kind: 'LAWYER' | 'PARALEGAL' | 'QUEBEC_NOTARY' | 'LICENSED_CONSULTANT' | 'UNPAID';
  familyName: string;
  givenNames: string;
  organization: string | null;
  membershipNumber: string | null;
  regulator: string | null;
}

/** Representative 0 acts for every 7th of the first 462 clients: the showcase caseload of 66. */
const SHOWCASE_STRIDE = 7;
const SHOWCASE_LIMIT = 462;
const REPRESENTED_SHARE = 0.35;
const CLIENTS_PER_REPRESENTATIVE = 40;

export function representativeCount(clients: number): number {
  return Math.max(4, Math.ceil((clients * REPRESENTED_SHARE) / CLIENTS_PER_REPRESENTATIVE));
}

/** 8-digit UCIs for most people, 10-digit for every tenth; index 0 is 1234-5678 and 1 is 12-3456-7890. */
export function uciAt(index: number): string {
  if (index % 10 === 1) {
    return formatUci(String(1_000_000_000 + ((234_567_890 + ((index - 1) / 10) * 104_729) % 9_000_000_000)));
  }
  return formatUci(String(10_000_000 + ((2_345_678 + index * 7_919) % 90_000_000)));
}

function applicationNumber(prefix: string, index: number, position: number): string {
  return prefix + String(100_000_000 + (((index * 4 + position) * 7_919 + 12_345) % 900_000_000));
}

export function personAt(seed: number, index: number, clients: number): Person {
  const random = new Random(seed, 'person', index);
  const country = random.weighted(COUNTRIES.map((c) => [c, c.weight] as const));
  const dateOfBirth = addDays('1955-01-01', random.int(0, daysBetween('1955-01-01', '2007-12-31')));
  const applicationCount = random.weighted([
    [1, 55],
    [2, 30],
    [3, 15],
  ] as const);
  let receivedOn = addDays('2018-01-08', random.int(0, 2200));
  const applications: PersonApplication[] = [];
  for (let position = 0; position < applicationCount && receivedOn < SEED_AS_OF; position += 1) {
    const lineOfBusiness = random.weighted(LINE_OF_BUSINESS_WEIGHTS);
    applications.push({
      applicationNumber: applicationNumber(APPLICATION_PREFIX[lineOfBusiness], index, position),
      lineOfBusiness,
      receivedOn,
    });
    receivedOn = addDays(receivedOn, random.int(60, 900));
  }
  const drawn = {
    index,
    uci: uciAt(index),
    familyName: random.pick(country.family),
    givenNames: random.pick(country.given),
    dateOfBirth,
    countryOfCitizenship: country.code,
    preferredLanguage: country.french && random.chance(0.8) ? ('FR' as const) : ('EN' as const),
    applications,
  };
  const identity = index < SHOWCASE_PEOPLE.length ? { ...drawn, ...SHOWCASE_PEOPLE[index](index) } : drawn;
  return {
    ...identity,
    representation: representationOf(random, index, clients, identity.applications[0].receivedOn),
  };
}

function representationOf(
  random: Random,
  index: number,
  clients: number,
  firstReceivedOn: string,
): Representation | null {
  const showcase = index % SHOWCASE_STRIDE === 0 && index < SHOWCASE_LIMIT;
  if (!showcase && !random.chance(REPRESENTED_SHARE)) return null;
  const representativeIndex = showcase ? 0 : random.int(1, representativeCount(clients) - 1);
  const signedOn = addDays(firstReceivedOn, -random.int(0, 30));
  const cancelled = showcase ? index % 49 === 0 && index > 0 : random.chance(0.1);
  return {
    representativeId: representativeId(representativeIndex),
    authorizationId: `AUTH-${String(index + 1).padStart(8, '0')}`,
    signedOn,
    cancelledOn: cancelled ? addDays(signedOn, random.int(30, 600)) : null,
  };
}

export function representativeId(index: number): string {
  return `REP-${String(index + 1).padStart(6, '0')}`;
}

export function representativeAt(seed: number, index: number): RepresentativeProfile {
  const random = new Random(seed, 'representative', index);
  const kind =
    index === 0
      ? 'LICENSED_CONSULTANT'
      : random.weighted([
          ['LAWYER', 40],
          ['LICENSED_CONSULTANT', 45],
          ['PARALEGAL', 5],
          ['QUEBEC_NOTARY', 4],
          ['UNPAID', 6],
        ] as const);
  const regulated = REGULATOR[kind];
  return {
    index,
    id: representativeId(index),
    kind,
    familyName: random.pick(REPRESENTATIVE_NAMES.family),
    givenNames: random.pick(REPRESENTATIVE_NAMES.given),
    organization: kind === 'UNPAID' ? null : random.pick(REPRESENTATIVE_NAMES.firms),
    membershipNumber: regulated ? `${regulated.prefix}${random.digits(6)}` : null,
    regulator: regulated ? random.pick(regulated.bodies) : null,
  };
}

const REGULATOR: Record<RepresentativeProfile['kind'], { prefix: string; bodies: string[] } | null> = {
  LAWYER: {
    prefix: 'LS',
    bodies: [
      'Law Society of Ontario',
      'Law Society of British Columbia',
      'Barreau du Québec',
      'Law Society of Alberta',
    ],
  },
  PARALEGAL: { prefix: 'P', bodies: ['Law Society of Ontario'] },
  QUEBEC_NOTARY: { prefix: 'N', bodies: ['Chambre des notaires du Québec'] },
  LICENSED_CONSULTANT: { prefix: 'R', bodies: ['College of Immigration and Citizenship Consultants'] },
  UNPAID: null,
};

/**
 * The two people the README's example queries use. Their records are fixed so that a newcomer
 * meets a refused visitor visa with R179(b) grounds, an approved study permit and a
 * permanent-residence application waiting on a medical exam (1234-5678), and a French-speaking
 * work-permit applicant with an enforcement history (12-3456-7890).
 */
const SHOWCASE_PEOPLE: readonly ((index: number) => Partial<Person>)[] = [
  (index) => ({
    familyName: 'Okafor',
    givenNames: 'Amara Chiamaka',
    dateOfBirth: '1994-03-14',
    countryOfCitizenship: 'NGA',
    preferredLanguage: 'EN',
    applications: [
      {
        applicationNumber: applicationNumber('V', index, 0),
        lineOfBusiness: 'VISITOR_VISA',
        receivedOn: '2021-05-10',
      },
      {
        applicationNumber: applicationNumber('S', index, 1),
        lineOfBusiness: 'STUDY_PERMIT',
        receivedOn: '2021-11-02',
      },
      {
        applicationNumber: applicationNumber('E', index, 2),
        lineOfBusiness: 'ECONOMIC_IMMIGRATION',
        receivedOn: '2026-06-22',
      },
    ],
  }),
  (index) => ({
    familyName: 'Haddad',
    givenNames: 'Mireille',
    dateOfBirth: '1988-09-02',
    countryOfCitizenship: 'LBN',
    preferredLanguage: 'FR',
    applications: [
      {
        applicationNumber: applicationNumber('W', index, 0),
        lineOfBusiness: 'WORK_PERMIT',
        receivedOn: '2025-12-01',
      },
    ],
  }),
];
