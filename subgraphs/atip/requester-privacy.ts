import { MiddlewareFn } from 'type-graphql';
import { Caller } from '../../platform/caller';
import { AtipContext } from './context';
import { AccessRequest } from './entities/access-request';
import { RequesterCategory } from './entities/enums';

/** Requesters other than the person and their representative: who they are is protected under the Access to Information Act. */
const THIRD_PARTIES: ReadonlySet<RequesterCategory> = new Set([
  RequesterCategory.MEDIA,
  RequesterCategory.BUSINESS,
  RequesterCategory.ACADEMIA,
  RequesterCategory.ORGANIZATION,
  RequesterCategory.PUBLIC,
]);

/**
 * Whether this caller reads a request a third party filed about them (or about their client):
 * they may learn that it exists, its institution, status and dates, and nothing that could tell
 * who asked or what they asked for.
 */
export function requesterWithheld(
  request: Pick<AccessRequest, 'requesterCategory'>,
  caller: Caller,
): boolean {
  return (
    THIRD_PARTIES.has(request.requesterCategory) &&
    (caller.role === 'applicant' || caller.role === 'representative')
  );
}

/** On a field that could identify a third-party requester: null for the person the request is about and their representative. */
export const WithheldFromThePerson: MiddlewareFn<AtipContext> = async ({ root, context }, next) =>
  requesterWithheld(root as AccessRequest, context.caller) ? null : ((await next()) as unknown);
