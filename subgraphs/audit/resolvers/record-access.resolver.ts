import { Arg, Ctx, Directive, Int, Mutation, Resolver } from 'type-graphql';
import { forbidden } from '../../../platform/errors';
import { AuditContext } from '../context';
import { AccessEventInput } from '../entities/access-event-input';
import { useOnce } from '../single-use';
import { auditStore } from '../store';
import { auditMessages } from '../messages/catalogue';

/**
 * The gateway's write path, hidden from the public API (@inaccessible) and, like every
 * subgraph operation, refused without the gateway's signed header.
 */
@Resolver()
export class RecordAccessResolver {
  @Directive('@inaccessible')
  @Mutation(() => Int, {
    description: "Records one request's access durably; returns how many of its files were newly stored.",
  })
  recordAccess(
    @Arg('event', () => AccessEventInput) event: AccessEventInput,
    @Ctx() { db, purpose, requestId, nonce }: AuditContext,
  ): Promise<number> {
    // Only the gateway's own signature for this request's record, used once, writes the trail.
    if (purpose !== 'record-access' || event.requestId !== requestId || !nonce || !useOnce(nonce)) {
      throw forbidden(auditMessages.text('record.forbidden'));
    }
    return auditStore.record(db, event);
  }
}
