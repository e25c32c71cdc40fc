import { AccessRequest } from '../entities/access-request';
import { RequesterCategory } from '../entities/enums';
import {
  SelfServiceCategory as C,
  SelfServicePartKind,
  SelfServiceVerdict,
  SHOWN,
  SHOWN_BY_INSTITUTION,
} from './categories';
import { Asker, readRequest, RequestPart } from './request-model';
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
  /** A request, mere circumstance (asks for nothing), or not understood. */
  kind: RequestPart['kind'];
  categories: C[];
  declined: C[];
  /** Words nothing explains, in the wording's own folded form. */
  unexplained: string[];
  availableNow: AvailableAnswer[];
  /** What this part asks for that only a formal request can give. */
  needsRequest: C[];
}

export interface SelfServiceAssessment {
  /** The requester is the person the file is about, or their authorized representative. */
  aboutOwnFile: boolean;
  verdict: SelfServiceVerdict;
  parts: AssessedPart[];
  availableNow: AvailableAnswer[];
  stillNeedsRequest: C[];
  /** The words that made the answer uncertain; empty otherwise. */
  notUnderstood: string[];
  /** Every part asks only for what One Window shows this requester: the request is unnecessary. */
  coversWholeRequest: boolean;
}

export interface Asking {
  institution: string;
  clientUci: string;
  applicationNumber: string | null;
  aboutOwnFile: boolean;
  /** The person about their own file, or their representative about a client's. */
  asker: Asker;
  /** What a portal's checkboxes asked for; the wording can then only add what needs a request. */
  asks?: C[];
}

/**
 * What of a request One Window answers now, part by part. Only the person or their representative
 * is shown anything. A request is covered whole only when every part is understood and asks for
 * something shown; one thing that only a formal request gives makes it "needs a request"; a part
 * not understood (words nothing explains) makes it uncertain, never covered. With checkboxes
 * (`asks`), what they ask is the request, and the wording is a safety net: it can only add what
 * needs a request or what it does not understand.
 */
export function assessWording(description: string, asking: Asking): SelfServiceAssessment {
  const checked = asking.asks ?? [];
  const parts = (description.trim() ? readRequest(description, asking.asker) : []).map((part) =>
    assessPart(
      checked.length ? { ...part, categories: part.categories.filter((category) => !SHOWN[category]) } : part,
      asking,
    ),
  );
  const asked = [assessPart(checkboxes(checked), asking), ...parts];
  const availableNow = unique(
    asked.flatMap((part) => part.availableNow),
    (answer) => answer.category,
  );
  const stillNeedsRequest = unique(
    asked.flatMap((part) => part.needsRequest),
    (category) => category,
  );
  const notUnderstood = [...new Set(parts.flatMap((part) => part.unexplained))];
  const verdict =
    stillNeedsRequest.length > 0 || !asking.aboutOwnFile
      ? SelfServiceVerdict.NEEDS_REQUEST
      : notUnderstood.length > 0 || availableNow.length === 0
        ? SelfServiceVerdict.UNCERTAIN
        : SelfServiceVerdict.COVERED;
  return {
    aboutOwnFile: asking.aboutOwnFile,
    verdict,
    parts,
    availableNow,
    stillNeedsRequest,
    notUnderstood,
    coversWholeRequest: verdict === SelfServiceVerdict.COVERED,
  };
}

/** The portal's checkboxes, as one request part without words. */
function checkboxes(asks: C[]): RequestPart {
  return { text: '', kind: SelfServicePartKind.REQUEST, categories: asks, declined: [], unexplained: [] };
}

/** One part: what of it One Window shows this requester now, and what only a formal request gives. */
function assessPart(part: RequestPart, asking: Asking): AssessedPart {
  const asked = part.categories.flatMap((category) =>
    category === C.ALL_RECORDS ? [...SHOWN_BY_INSTITUTION[asking.institution], C.ALL_RECORDS] : [category],
  );
  const shown = asked.filter((category) => asking.aboutOwnFile && SHOWN[category]);
  return {
    ...part,
    // A part not understood is named as such; what it would need is unknown, so it needs nothing by itself.
    categories: part.kind === SelfServicePartKind.NOT_UNDERSTOOD ? [C.UNRECOGNIZED] : part.categories,
    availableNow: shown.map((category) => ({
      category,
      query: SHOWN[category]!.query(asking.clientUci, asking.applicationNumber),
    })),
    needsRequest: asked.filter((category) => !shown.includes(category)),
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
    asker:
      request.requesterCategory === RequesterCategory.REPRESENTATIVE_WITH_CONSENT
        ? 'representative'
        : 'applicant',
  });
}
