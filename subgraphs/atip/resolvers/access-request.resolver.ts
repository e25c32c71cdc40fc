import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { today } from '../../kit/dates';
import { AtipContext } from '../context';
import { DeadlineStatus, deadlineStatus } from '../deadlines';
import { AccessRequest } from '../entities/access-request';
import { Application } from '../entities/application';
import { Client } from '../entities/client';
import { normalizeRequestNumber } from '../request-number';
import { Authenticated } from '../../kit/access/directives';

/** Four fields read one computation: it runs once per request row (rows are the loaders' cached objects). */
const deadlines = new WeakMap<AccessRequest, DeadlineStatus>();
function deadlineOf(request: AccessRequest): DeadlineStatus {
  let status = deadlines.get(request);
  if (!status) {
    status = deadlineStatus(request, today());
    deadlines.set(request, status);
  }
  return status;
}

@Resolver(() => AccessRequest)
export class AccessRequestResolver {
  @Authenticated()
  @Query(() => AccessRequest, { nullable: true })
  async accessRequest(@Arg('requestNumber', () => ID) requestNumber: string, @Ctx() { loaders, access }: AtipContext): Promise<AccessRequest | null> {
    const request = await loaders.request.load(normalizeRequestNumber(requestNumber));
    if (request) await access.assertMayRead(request.clientUci);
    return request;
  }

  @FieldResolver(() => Client, { description: 'Whose information the request is about.' })
  client(@Root() request: AccessRequest): Client {
    return { uci: request.clientUci };
  }

  @FieldResolver(() => Application, { nullable: true, description: 'The application the request is about, where the requester named one.' })
  application(@Root() request: AccessRequest): Application | null {
    return request.applicationNumber ? { applicationNumber: request.applicationNumber } : null;
  }

  @FieldResolver(() => LocalDateResolver, { description: '30 calendar days from receipt, moved by extensions and by time on hold.' })
  dueDate(@Root() request: AccessRequest): string {
    return deadlineOf(request).dueDate;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Days left until the due date, negative once past it; null once answered.' })
  daysRemaining(@Root() request: AccessRequest): number | null {
    return deadlineOf(request).daysRemaining;
  }

  @FieldResolver({ description: 'Still unanswered after the due date.' })
  isOverdue(@Root() request: AccessRequest): boolean {
    return deadlineOf(request).isOverdue;
  }

  @FieldResolver({ description: 'Not answered within the time limit, which the law deems a refusal (ATIA s.10(3), Privacy Act s.16(3)).' })
  deemedRefused(@Root() request: AccessRequest): boolean {
    return deadlineOf(request).deemedRefused;
  }
}
