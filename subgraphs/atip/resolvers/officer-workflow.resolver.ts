import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { Queryable } from '../../kit/db/database';
import { RequiresScopes, Scope } from '../../kit/access/directives';
import { today } from '../../kit/dates';
import { badUserInput, forbidden, notFound } from '../../../platform/errors';
import { AtipContext } from '../context';
import { AccessRequest } from '../entities/access-request';
import { AccessAct, Commissioner, ComplaintStatus, HoldReason } from '../entities/enums';
import { CompleteAccessRequestInput } from '../entities/inputs';
import { decideExtension, ExtensionProvision } from '../extension-rules';
import { normalizeRequestNumber } from '../request-number';
import { atipStore } from '../store';
import { nextStatus, WorkflowAction } from '../workflow';
import { workflowStore } from '../workflow-store';
import { atipMessages } from '../messages/catalogue';
import { calendarDay } from '../../../platform/language/catalogue';

type Step = Exclude<WorkflowAction, WorkflowAction.SUBMIT>;

/**
 * Moves a request one step. Every check comes before any write, in this order: the caller's role
 * (officers holding atip:write), their right to the client's file, then the request's state,
 * with the row locked so no other step slips in between. The step's own changes, the new state
 * and a history event are written in the same transaction, or none of them.
 */
async function step(
  { db, caller, access }: AtipContext,
  requestNumber: string,
  action: Step,
  apply: (tx: Queryable, request: AccessRequest) => Promise<string | null>,
  holdReason?: HoldReason,
): Promise<AccessRequest> {
  if (caller.role !== 'officer' || !caller.scopes.includes(Scope.ATIP_WRITE)) {
    throw forbidden(atipMessages.text('officer.only'));
  }
  const number = normalizeRequestNumber(requestNumber);
  return db.transaction(async (tx) => {
    const current = await workflowStore.lockStatus(tx, number);
    if (!current) throw notFound(atipMessages.text('request.notFound', { number }), 'requestNumber');
    const [before] = await atipStore.requestsByNumber(tx, [number]);
    await access.assertMayRead(before.clientUci);
    const next = nextStatus(current, action, holdReason);
    const detail = await apply(tx, before);
    if (next !== current) await workflowStore.setStatus(tx, number, next);
    await workflowStore.addEvent(tx, number, {
      action,
      from: current,
      to: next,
      role: caller.role,
      subject: caller.subject,
      detail,
    });
    return (await atipStore.requestsByNumber(tx, [number]))[0];
  });
}

const nothing = async () => null;

@Resolver()
export class OfficerWorkflowResolver {
  @RequiresScopes(Scope.ATIP_WRITE)
  @Mutation(() => AccessRequest, { description: 'Begins processing a received request.' })
  startAccessRequest(
    @Arg('requestNumber', () => ID) requestNumber: string,
    @Ctx() context: AtipContext,
  ): Promise<AccessRequest> {
    return step(context, requestNumber, WorkflowAction.START, nothing);
  }

  @RequiresScopes(Scope.ATIP_WRITE)
  @Mutation(() => AccessRequest, {
    description: 'Puts a request on hold for a fee or a clarification; the clock stops until it resumes.',
  })
  holdAccessRequest(
    @Arg('requestNumber', () => ID) requestNumber: string,
    @Arg('reason', () => HoldReason) reason: HoldReason,
    @Ctx() context: AtipContext,
  ): Promise<AccessRequest> {
    return step(
      context,
      requestNumber,
      WorkflowAction.HOLD,
      async (tx, request) => {
        await workflowStore.startHold(tx, request.requestNumber, reason, today());
        return `on hold for ${reason.toLowerCase()}`;
      },
      reason,
    );
  }

  @RequiresScopes(Scope.ATIP_WRITE)
  @Mutation(() => AccessRequest, {
    description: 'Resumes a request on hold; the days on hold move the due date.',
  })
  resumeAccessRequest(
    @Arg('requestNumber', () => ID) requestNumber: string,
    @Ctx() context: AtipContext,
  ): Promise<AccessRequest> {
    return step(context, requestNumber, WorkflowAction.RESUME, async (tx, request) => {
      await workflowStore.endHold(tx, request.requestNumber, today());
      return null;
    });
  }

  @RequiresScopes(Scope.ATIP_WRITE)
  @Mutation(() => AccessRequest, {
    description: 'Extends the time limit under ATIA s.9 or Privacy Act s.15.',
  })
  extendAccessRequest(
    @Arg('requestNumber', () => ID) requestNumber: string,
    @Arg('provision', () => ExtensionProvision) provision: ExtensionProvision,
    @Arg('days', () => Int) days: number,
    @Arg('reason') reason: string,
    @Ctx() context: AtipContext,
  ): Promise<AccessRequest> {
    return step(context, requestNumber, WorkflowAction.EXTEND, async (tx, request) => {
      const decision = decideExtension(
        request.act,
        provision,
        days,
        request.extensions,
        request.receivedOn,
        today(),
      );
      await workflowStore.addExtension(tx, request.requestNumber, {
        provision: decision.provision,
        days,
        reason,
        noticeToCommissionerOn: decision.noticeToCommissionerOn,
      });
      return `${decision.provision}, ${days} days${decision.noticeToCommissionerOn ? ', Information Commissioner notified' : ''}: ${reason}`;
    });
  }

  @RequiresScopes(Scope.ATIP_WRITE)
  @Mutation(() => AccessRequest, {
    description: 'Sends records out for consultation with another institution or a third party.',
  })
  consultOnAccessRequest(
    @Arg('requestNumber', () => ID) requestNumber: string,
    @Arg('consulting', { description: 'Who is consulted, e.g. "CBSA" or "Global Affairs Canada".' })
    consulting: string,
    @Ctx() context: AtipContext,
  ): Promise<AccessRequest> {
    return step(context, requestNumber, WorkflowAction.CONSULT, async () => `consulting ${consulting}`);
  }

  @RequiresScopes(Scope.ATIP_WRITE)
  @Mutation(() => AccessRequest, {
    description: 'Answers a request: disposition, pages and the exemptions applied.',
  })
  completeAccessRequest(
    @Arg('input', () => CompleteAccessRequestInput) input: CompleteAccessRequestInput,
    @Ctx() context: AtipContext,
  ): Promise<AccessRequest> {
    return step(context, input.requestNumber, WorkflowAction.COMPLETE, async (tx, request) => {
      const withheld = input.exemptions.reduce((sum, e) => sum + e.pages, 0);
      if (input.pagesProcessed < 0 || input.pagesReleased < 0 || input.pagesReleased > input.pagesProcessed) {
        throw badUserInput(atipMessages.text('complete.pagesReleased'), 'pagesReleased');
      }
      if (withheld > input.pagesProcessed)
        throw badUserInput(atipMessages.text('complete.exempted'), 'exemptions');
      await workflowStore.complete(tx, request.requestNumber, { ...input, completedOn: today() });
      return `${input.disposition}: ${input.pagesReleased} of ${input.pagesProcessed} pages released`;
    });
  }

  @RequiresScopes(Scope.ATIP_WRITE)
  @Mutation(() => AccessRequest, { description: 'Closes a request the requester no longer pursues.' })
  abandonAccessRequest(
    @Arg('requestNumber', () => ID) requestNumber: string,
    @Arg('reason') reason: string,
    @Ctx() context: AtipContext,
  ): Promise<AccessRequest> {
    return step(context, requestNumber, WorkflowAction.ABANDON, async (tx, request) => {
      await workflowStore.abandon(tx, request.requestNumber, today());
      return reason;
    });
  }

  @RequiresScopes(Scope.ATIP_WRITE)
  @Mutation(() => AccessRequest, {
    description:
      'Records a complaint to the Information Commissioner (ATIA s.31) or the Privacy Commissioner (Privacy Act s.29), or a change in its status.',
  })
  recordComplaint(
    @Arg('requestNumber', () => ID) requestNumber: string,
    @Arg('filedOn', () => LocalDateResolver, {
      nullable: true,
      description: 'The day the complaint was filed with the Commissioner; today when left out.',
    })
    filedOnGiven: string | null | undefined,
    @Arg('status', () => ComplaintStatus, { defaultValue: ComplaintStatus.FILED }) status: ComplaintStatus,
    @Ctx() context: AtipContext,
  ): Promise<AccessRequest> {
    const filedOn = filedOnGiven ?? today();
    return step(context, requestNumber, WorkflowAction.COMPLAINT, async (tx, request) => {
      if (filedOn > today()) throw badUserInput(atipMessages.text('complaint.future'), 'filedOn');
      if (filedOn < request.receivedOn)
        throw badUserInput(
          atipMessages.text('complaint.beforeRequest', { receivedOn: calendarDay(request.receivedOn) }),
          'filedOn',
        );
      const commissioner =
        request.act === AccessAct.PRIVACY_ACT
          ? Commissioner.PRIVACY_COMMISSIONER
          : Commissioner.INFORMATION_COMMISSIONER;
      await workflowStore.upsertComplaint(tx, request.requestNumber, { commissioner, filedOn, status });
      return `${commissioner}: ${status}`;
    });
  }
}
