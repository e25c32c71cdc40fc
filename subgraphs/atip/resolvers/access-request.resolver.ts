import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, Float, FieldResolver, ID, Int, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { today } from '../../kit/dates';
import { AtipContext } from '../context';
import { DeadlineStatus, deadlineStatus } from '../deadlines';
import { AccessRequest, WITHHELD } from '../entities/access-request';
import { Application } from '../entities/application';
import { Client } from '../entities/client';
import { AccessAct } from '../entities/enums';
import { RequestEvent } from '../entities/request-event';
import { SelfService } from '../entities/self-service';
import { normalizeRequestNumber } from '../request-number';
import { assessSelfService } from '../self-service/assessment';
import { Authenticated } from '../../kit/access/directives';
import { requesterWithheld, WithheldFromThePerson } from '../requester-privacy';

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
  async accessRequest(
    @Arg('requestNumber', () => ID) requestNumber: string,
    @Ctx() { loaders, access }: AtipContext,
  ): Promise<AccessRequest | null> {
    const request = await loaders.request.load(normalizeRequestNumber(requestNumber));
    if (request) await access.assertMayRead(request.clientUci);
    return request;
  }

  @FieldResolver(() => Client, { description: 'Whose information the request is about.' })
  client(@Root() request: AccessRequest): Client {
    return { uci: request.clientUci };
  }

  @UseMiddleware(WithheldFromThePerson)
  @FieldResolver(() => Application, {
    nullable: true,
    description: `The application the request is about, where the requester named one. ${WITHHELD}`,
  })
  application(@Root() request: AccessRequest): Application | null {
    return request.applicationNumber ? { applicationNumber: request.applicationNumber } : null;
  }

  @FieldResolver(() => LocalDateResolver, {
    description: '30 calendar days from receipt, moved by extensions and by time on hold.',
  })
  dueDate(@Root() request: AccessRequest): string {
    return deadlineOf(request).dueDate;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Days left until the due date, negative once past it; null once answered.',
  })
  daysRemaining(@Root() request: AccessRequest): number | null {
    return deadlineOf(request).daysRemaining;
  }

  @UseMiddleware(WithheldFromThePerson)
  @FieldResolver(() => [RequestEvent], {
    nullable: true,
    description: `Every step the request has taken, oldest first. ${WITHHELD}`,
  })
  history(@Root() request: AccessRequest, @Ctx() { loaders }: AtipContext): Promise<RequestEvent[]> {
    return loaders.history.load(request.requestNumber);
  }

  @UseMiddleware(WithheldFromThePerson)
  @FieldResolver(() => SelfService, {
    nullable: true,
    description: `What of this request One Window already answers, and how. ${WITHHELD}`,
  })
  selfService(@Root() request: AccessRequest): SelfService {
    return assessSelfService(request);
  }

  @UseMiddleware(WithheldFromThePerson)
  @FieldResolver(() => Float, {
    nullable: true,
    description: `The application fee in dollars: $5 under the Access to Information Act, none under the Privacy Act. ${WITHHELD}`,
  })
  fee(@Root() request: AccessRequest): number {
    return request.act === AccessAct.ACCESS_TO_INFORMATION_ACT ? 5 : 0;
  }

  @FieldResolver({
    description:
      'True when someone else filed this request about the person reading it (or their client): only its institution, status and dates are shown.',
  })
  requesterWithheld(@Root() request: AccessRequest, @Ctx() { caller }: AtipContext): boolean {
    return requesterWithheld(request, caller);
  }

  @FieldResolver({ description: 'Still unanswered after the due date.' })
  isOverdue(@Root() request: AccessRequest): boolean {
    return deadlineOf(request).isOverdue;
  }

  @FieldResolver({
    description:
      'Not answered within the time limit, which the law deems a refusal (ATIA s.10(3), Privacy Act s.16(3)).',
  })
  deemedRefused(@Root() request: AccessRequest): boolean {
    return deadlineOf(request).deemedRefused;
  }
}
