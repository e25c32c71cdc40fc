import { Arg, Ctx, Directive, Int, Mutation, Resolver } from 'type-graphql';
import { forbidden } from '../../../platform/errors';
import { recordsDigest } from '../../../platform/caller-header';
import { AuditContext } from '../context';
import { AccessEventInput } from '../entities/access-event-input';
import { useOnce } from '../single-use';
import { auditStore } from '../store';
import { auditMessages } from '../messages/catalogue';

/**
 * The gateway's write path, hidden from the public API (@inaccessible) and, like every
 * subgraph operation, refused without the gateway's signed header. The gateway commits
 * concurrent requests' records together (gateway/audit/group-commit.ts), one batch per call.
 */
@Resolver()
export class RecordAccessResolver {
  @Directive('@inaccessible')
  @Mutation(() => Int, {
    description:
      "Records a batch of requests' access durably, all or none; returns how many of their files the trail holds (a batch sent again is stored once).",
  })
  recordAccess(
    @Arg('events', () => [AccessEventInput]) events: AccessEventInput[],
    @Ctx() { db, purpose, records, nonce }: AuditContext,
  ): Promise<number> {
    // Only the gateway's own signature for exactly these requests' records, used once, writes the trail.
    const signedForThese = records === recordsDigest(events.map((event) => event.requestId));
    if (purpose !== 'record-access' || !signedForThese || !nonce || !useOnce(nonce)) {
      throw forbidden(auditMessages.text('record.forbidden'));
    }
    return auditStore.record(db, events);
  }
}
