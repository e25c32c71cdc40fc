import { Arg, Ctx, Directive, Int, Mutation, Resolver } from 'type-graphql';
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
  @Mutation(() => Int, { description: 'Records one request\'s access durably; returns how many of its files were newly stored.' })
  recordAccess(@Arg('event', () => AccessEventInput) event: AccessEventInput, @Ctx() { db }: AuditContext): Promise<number> {
    return auditStore.record(db, event);
  }
}
