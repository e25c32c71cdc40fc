import { Arg, Ctx, Directive, Int, Mutation, Resolver } from 'type-graphql';
import { AuditContext } from '../context';
import { AccessRecordInput } from '../entities/access-record-input';
import { auditStore } from '../store';

/**
 * The gateway's write path, hidden from the public API (@inaccessible) and, like every
 * subgraph operation, refused without the gateway's signed header.
 */
@Resolver()
export class RecordAccessResolver {
  @Directive('@inaccessible')
  @Mutation(() => Int, { description: 'Records accesses durably; returns how many were given.' })
  async recordAccess(@Arg('records', () => [AccessRecordInput]) records: AccessRecordInput[], @Ctx() { db }: AuditContext): Promise<number> {
    await auditStore.record(db, records);
    return records.length;
  }
}
