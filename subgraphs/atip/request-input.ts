import { badUserInput } from '../../platform/errors';
import { normalizeApplicationNumber, normalizeUci } from '../../platform/identifiers';
import { CASE_MANAGEMENT, caseManagement } from '../ircc-case/contract';
import { AtipContext } from './context';
import { atipMessages } from './messages/catalogue';

const MAX_DESCRIPTION = 2000;

/** What a request is about, as filed or as checked before filing: the client, the application, the wording. */
export interface RequestSubject<Description extends string | null = string> {
  clientUci: string;
  applicationNumber: string | null;
  description: Description;
}

/** Normalizes a request's client, application and wording, refusing malformed ones with the argument named. */
export function requestSubject<Description extends string | null>(input: {
  clientUci: string;
  applicationNumber?: string | null;
  description: Description;
}): RequestSubject<Description> {
  const clientUci = normalizeUci(input.clientUci, 'clientUci');
  const applicationNumber = input.applicationNumber
    ? normalizeApplicationNumber(input.applicationNumber)
    : null;
  // A wording may be left out only where the type allows it (a check with checkboxes).
  const description = (input.description === null ? null : input.description.trim()) as Description;
  if (description !== null && (!description || description.length > MAX_DESCRIPTION)) {
    throw badUserInput(atipMessages.text('request.description', { max: MAX_DESCRIPTION }), 'description');
  }
  return { clientUci, applicationNumber, description };
}

/** Case management owns applications: it says whether this one is the client's. */
export async function assertApplicationOf(
  applicationNumber: string,
  clientUci: string,
  { peers }: Pick<AtipContext, 'peers'>,
): Promise<void> {
  if (!(await caseManagement.applicationBelongsTo(peers[CASE_MANAGEMENT], applicationNumber, clientUci))) {
    throw badUserInput(
      atipMessages.text('request.notClientsApplication', { uci: clientUci, applicationNumber }),
      'applicationNumber',
    );
  }
}
