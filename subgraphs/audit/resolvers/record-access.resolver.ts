import { Arg, Ctx, Directive, Int, Mutation, Resolver } from 'type-graphql';
import { forbidden } from '../../../platform/errors';
import { AuditContext } from '../context';
import { AccessEventInput } from '../entities/access-event-input';
import { auditStore } from '../store';

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
    @Ctx() { db, purpose }: AuditContext,
  ): Promise<number> {
    // Only the gateway's own signature for this purpose writes the trail, never a caller's request.
    if (purpose !== 'record-access') throw forbidden('Only the One Window gateway records accesses.');
    return auditStore.record(db, event);
  }
}
