import { createHash } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Authenticated } from '../../kit/access/directives';
import { today } from '../../kit/dates';
import { badUserInput, forbidden } from '../../../platform/errors';
import { CASE_MANAGEMENT, caseManagement } from '../../ircc-case/contract';
import { AtipContext } from '../context';
import { assertApplicationOf, requestSubject } from '../request-input';
import { AccessRequest } from '../entities/access-request';
import { AccessAct, AccessRequestStatus, RequesterCategory } from '../entities/enums';
import { SubmitAccessRequestInput } from '../entities/inputs';
import { atipStore } from '../store';
import { WorkflowAction } from '../workflow';
import { workflowStore } from '../workflow-store';
import { atipMessages } from '../messages/catalogue';

/**
 * Files an access request. Every check comes before any write, in this order: the caller's role,
 * their right to the client's file, what the input names (the application is the client's, the
 * consent is the representative's), then the state (an idempotency key already used). The
 * request and its first event are written in one transaction.
 */
@Resolver()
export class SubmitAccessRequestResolver {
  @Authenticated()
  @Mutation(() => AccessRequest, {
    description:
      "Files an access request for the caller's own file (applicants) or a client's (representatives, with consent). Read `selfService` on the answer: what it asks for may be available at once.",
  })
  async submitAccessRequest(
    @Arg('input', () => SubmitAccessRequestInput) input: SubmitAccessRequestInput,
    @Ctx() context: AtipContext,
  ): Promise<AccessRequest> {
    const { db, caller, access } = context;
    if (caller.role !== 'applicant' && caller.role !== 'representative') {
      throw forbidden(atipMessages.text('submit.whoFiles'));
    }
    const { clientUci, applicationNumber, description } = requestSubject(input);
    await access.assertMayRead(clientUci);
    if (applicationNumber) await assertApplicationOf(applicationNumber, clientUci, context);
    const { requesterCategory, consentAuthorizationId } = await requester(input, clientUci, context);

    const submittedBy = `${caller.role}:${caller.subject}`;
    const idempotencyKey = input.idempotencyKey?.trim() || null;
    const fingerprint = idempotencyKey
      ? submissionFingerprint({ ...input, clientUci, applicationNumber, description })
      : null;
    const replay = async () => {
      const earlier = idempotencyKey
        ? await workflowStore.findByIdempotencyKey(db, submittedBy, idempotencyKey)
        : null;
      if (!earlier) return null;
      if (earlier.fingerprint !== fingerprint) {
        throw badUserInput(atipMessages.text('submit.keyReused'), 'idempotencyKey', {
          reason: 'IDEMPOTENCY_KEY_REUSED',
        });
      }
      return earlier.requestNumber;
    };
    const requestNumber =
      (await replay()) ??
      (await db
        .transaction(async (tx) => {
          const number = await workflowStore.nextRequestNumber(
            tx,
            input.act === AccessAct.PRIVACY_ACT ? 'P' : 'A',
            today().slice(0, 4),
          );
          await workflowStore.insertRequest(tx, {
            requestNumber: number,
            institution: input.institution,
            act: input.act,
            requesterCategory,
            clientUci,
            applicationNumber,
            description,
            receivedOn: today(),
            submittedBy,
            idempotencyKey,
            idempotencyFingerprint: fingerprint,
            consentAuthorizationId,
          });
          await workflowStore.addEvent(tx, number, {
            action: WorkflowAction.SUBMIT,
            from: null,
            to: AccessRequestStatus.RECEIVED,
            role: caller.role,
            subject: caller.subject,
            detail: consentAuthorizationId ? `consent: ${consentAuthorizationId}` : null,
          });
          return number;
        })
        .catch(async (error: unknown) => {
          // A concurrent retry with the same key won the insert: answer with its request, if it is the same one.
          const winner = await replay();
          if (winner) return winner;
          throw error;
        }));
    return (await atipStore.requestsByNumber(db, [requestNumber]))[0];
  }
}

/** Who is asking, and for representatives the consent: both follow from the caller when left out. */
async function requester(input: SubmitAccessRequestInput, clientUci: string, { caller, peers }: AtipContext) {
  if (caller.role === 'applicant') {
    if (input.requesterCategory && input.requesterCategory !== RequesterCategory.CLIENT) {
      throw badUserInput(atipMessages.text('submit.clientCategory'), 'requesterCategory');
    }
    return { requesterCategory: RequesterCategory.CLIENT, consentAuthorizationId: null };
  }
  if (input.requesterCategory && input.requesterCategory !== RequesterCategory.REPRESENTATIVE_WITH_CONSENT) {
    throw badUserInput(atipMessages.text('submit.representativeCategory'), 'requesterCategory');
  }
  const activeAuthorizationId = await caseManagement.activeAuthorizationId(peers[CASE_MANAGEMENT], clientUci);
  if (
    !activeAuthorizationId ||
    (input.consentAuthorizationId && input.consentAuthorizationId !== activeAuthorizationId)
  ) {
    throw badUserInput(
      input.consentAuthorizationId
        ? atipMessages.text('submit.consentInvalid', {
            authorization: input.consentAuthorizationId,
            uci: clientUci,
          })
        : atipMessages.text('submit.consentMissing', { uci: clientUci }),
      'consentAuthorizationId',
    );
  }
  return {
    requesterCategory: RequesterCategory.REPRESENTATIVE_WITH_CONSENT,
    consentAuthorizationId: activeAuthorizationId,
  };
}

/** What a submission asked for, normalized: a replay of its key must ask for exactly this. */
function submissionFingerprint(input: SubmitAccessRequestInput): string {
  const {
    act,
    institution,
    clientUci,
    applicationNumber,
    description,
    requesterCategory,
    consentAuthorizationId,
  } = input;
  const asked = [
    act,
    institution,
    clientUci,
    applicationNumber ?? null,
    description,
    requesterCategory ?? null,
    consentAuthorizationId ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(asked)).digest('hex');
}
