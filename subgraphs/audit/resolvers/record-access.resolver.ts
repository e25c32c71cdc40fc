import { Arg, Ctx, Directive, Int, Query, Resolver } from 'type-graphql';
import { AuditContext } from '../context';
import { AccessRecordInput } from '../entities/access-record-input';
import { auditStore } from '../store';

/**
 * The gateway's write path, hidden from the public API (@inaccessible) and, like every
 * subgraph operation, refused without the gateway's signed header. It sits on Query because
 * composition rejects a Mutation type whose every field is hidden; it is called only by the
 * gateway, never planned from a client's operation.
 */
@Resolver()
export class RecordAccessResolver {
  @Directive('@inaccessible')
  @Query(() => Int, { description: 'Records accesses durably; returns how many were given.' })
  async recordAccess(@Arg('records', () => [AccessRecordInput]) records: AccessRecordInput[], @Ctx() { db }: AuditContext): Promise<number> {
    await auditStore.record(db, records);
    return records.length;
  }
}
