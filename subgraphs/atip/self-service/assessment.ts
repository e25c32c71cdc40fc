import { AccessRequest } from '../entities/access-request';
import { RequesterCategory } from '../entities/enums';
import { SelfServiceCategory as C, SHOWN, SHOWN_BY_INSTITUTION } from './categories';
import { understand } from './wording';
import { Text } from '../../../platform/language/catalogue';

/** Something asked for that One Window shows now, and the query that shows it. */
export interface AvailableAnswer {
  category: C;
  query: string;
  /** What the answer says in a line, where the caller may read it. */
  headline?: Text | null;
}

export interface AssessedPart {
  text: string;
  categories: C[];
  declined: C[];
  availableNow: AvailableAnswer[];
  /** What this part asks for that only a formal request can give. */
  needsRequest: C[];
}

export interface SelfServiceAssessment {
  /** The requester is the person the file is about, or their authorized representative. */
  aboutOwnFile: boolean;
  parts: AssessedPart[];
  availableNow: AvailableAnswer[];
  stillNeedsRequest: C[];
  /** Every part asks only for what One Window shows this requester: the request is unnecessary. */
  coversWholeRequest: boolean;
}

export interface Asking {
  institution: string;
  clientUci: string;
  applicationNumber: string | null;
  aboutOwnFile: boolean;
}

/**
 * What of a request One Window answers now, part by part. Only the person or their representative
 * is shown anything; a request for "everything" gets what One Window shows and still needs a
 * request for the rest; a request is covered whole only when every part asks for something shown
 * and nothing else, so a wording not understood is never declared unnecessary.
 */
export function assessWording(description: string, asking: Asking): SelfServiceAssessment {
  const parts = understand(description).map((part) => {
    const asked = part.categories.flatMap((category) =>
      category === C.ALL_RECORDS ? [...SHOWN_BY_INSTITUTION[asking.institution], C.ALL_RECORDS] : [category],
    );
    const shown = asked.filter((category) => asking.aboutOwnFile && SHOWN[category]);
    return {
      ...part,
      availableNow: shown.map((category) => ({
        category,
        query: SHOWN[category]!.query(asking.clientUci, asking.applicationNumber),
      })),
      needsRequest: asked.filter((category) => !shown.includes(category)),
    };
  });
  const availableNow = unique(
    parts.flatMap((part) => part.availableNow),
    (answer) => answer.category,
  );
  const stillNeedsRequest = unique(
    parts.flatMap((part) => part.needsRequest),
    (category) => category,
  );
  return {
    aboutOwnFile: asking.aboutOwnFile,
    parts,
    availableNow,
    stillNeedsRequest,
    coversWholeRequest: asking.aboutOwnFile && availableNow.length > 0 && stillNeedsRequest.length === 0,
  };
}

function unique<Item>(items: Item[], keyOf: (item: Item) => string): Item[] {
  return [...new Map(items.map((item) => [keyOf(item), item])).values()];
}

/** The assessment of a filed request, for its requester: the client and their representative are asking about the client's own file. */
export function assessSelfService(
  request: Pick<
    AccessRequest,
    'institution' | 'requesterCategory' | 'description' | 'clientUci' | 'applicationNumber'
  >,
): SelfServiceAssessment {
  const aboutOwnFile =
    request.requesterCategory === RequesterCategory.CLIENT ||
    request.requesterCategory === RequesterCategory.REPRESENTATIVE_WITH_CONSENT;
  return assessWording(request.description, {
    institution: request.institution,
    clientUci: request.clientUci,
    applicationNumber: request.applicationNumber,
    aboutOwnFile,
  });
}
