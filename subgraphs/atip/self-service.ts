import { registerEnumType } from 'type-graphql';
import { AccessRequest } from './entities/access-request';
import { Institution, RequesterCategory } from './entities/enums';

export enum SelfServiceInformation {
  APPLICATION_STATUS = 'APPLICATION_STATUS',
  DECISION_NOTES = 'DECISION_NOTES',
  TRAVEL_HISTORY = 'TRAVEL_HISTORY',
  DAYS_IN_CANADA = 'DAYS_IN_CANADA',
}

registerEnumType(SelfServiceInformation, {
  name: 'SelfServiceInformation',
  description: 'Information One Window shows directly, without a request.',
});

export interface SelfServiceAnswer {
  information: SelfServiceInformation;
  /** The One Window query that shows it. */
  query: string;
}

export interface SelfServiceAssessment {
  aboutOwnFile: boolean;
  availableNow: SelfServiceAnswer[];
  /** Everything the request asks for is in `availableNow`: the request is unnecessary. */
  coversWholeRequest: boolean;
}

/** What each kind of information is called in requests, in English and French. */
const ASKED_FOR: [SelfServiceInformation, RegExp][] = [
  [
    SelfServiceInformation.APPLICATION_STATUS,
    /\b(status|progress|where .* stands|statut|état|avancement)\b/i,
  ],
  [
    SelfServiceInformation.DECISION_NOTES,
    /\b(notes?|gcms|sgc|reasons?|refus\w*|motifs?|decision|décision)\b/i,
  ],
  [
    SelfServiceInformation.TRAVEL_HISTORY,
    /\b(entr(y|ies)|exits?|travel|crossings?|entrées?|sorties?|voyages?|ports? of entry)\b/i,
  ],
  [SelfServiceInformation.DAYS_IN_CANADA, /\b(days|physical presence|présence|jours)\b/i],
];
/** "My file" asks for everything the file holds. */
const WHOLE_FILE = /\b(file|dossier|all records|tous les documents|copy of my)\b/i;
/** Records One Window does not hold, which still need a request. */
const OTHER_RECORDS =
  /\b(e-?mails?|courriels?|correspondence|memos?|briefings?|polic(y|ies)|contracts?|audio|recordings?|video)\b/i;

/**
 * Which parts of a request about the requester's own file One Window already answers, with the
 * query that does. Requests by the client or their representative qualify; the words of the
 * request decide which information it asks for.
 */
export function assessSelfService(
  request: Pick<
    AccessRequest,
    'institution' | 'requesterCategory' | 'description' | 'clientUci' | 'applicationNumber'
  >,
): SelfServiceAssessment {
  const aboutOwnFile =
    request.requesterCategory === RequesterCategory.CLIENT ||
    request.requesterCategory === RequesterCategory.REPRESENTATIVE_WITH_CONSENT;
  if (!aboutOwnFile) return { aboutOwnFile, availableNow: [], coversWholeRequest: false };
  const asked = new Set(
    ASKED_FOR.filter(([, words]) => words.test(request.description)).map(([information]) => information),
  );
  if (WHOLE_FILE.test(request.description)) {
    const held =
      request.institution === Institution.CBSA
        ? [SelfServiceInformation.TRAVEL_HISTORY, SelfServiceInformation.DAYS_IN_CANADA]
        : [SelfServiceInformation.APPLICATION_STATUS, SelfServiceInformation.DECISION_NOTES];
    held.forEach((information) => asked.add(information));
  }
  const availableNow = [...asked].map((information) => ({
    information,
    query: queryFor(information, request.clientUci, request.applicationNumber),
  }));
  return {
    aboutOwnFile,
    availableNow,
    coversWholeRequest: availableNow.length > 0 && !OTHER_RECORDS.test(request.description),
  };
}

function queryFor(
  information: SelfServiceInformation,
  uci: string,
  applicationNumber: string | null,
): string {
  const application = applicationNumber ? `application(applicationNumber: "${applicationNumber}")` : null;
  switch (information) {
    case SelfServiceInformation.APPLICATION_STATUS:
      return application
        ? `{ ${application} { status { status source asOf } stages { name status } estimatedDecisionBy } }`
        : `{ client(uci: "${uci}") { applications { applicationNumber status { status source asOf } stages { name status } } } }`;
    case SelfServiceInformation.DECISION_NOTES:
      return application
        ? `{ ${application} { decisionNotes { outcome decidedOn grounds { provision summary explanation } officerNotes } } }`
        : `{ client(uci: "${uci}") { applications { applicationNumber decisionNotes { outcome grounds { provision explanation } officerNotes } } } }`;
    case SelfServiceInformation.TRAVEL_HISTORY:
      return `{ client(uci: "${uci}") { travelHistory(first: 100) { edges { node { occurredAt direction port { name } mode } } } } }`;
    case SelfServiceInformation.DAYS_IN_CANADA:
      return `{ client(uci: "${uci}") { daysInCanada(from: "YYYY-MM-DD", to: "YYYY-MM-DD") { days confirmedDays uncertainDays explanation } } }`;
  }
}
