import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { CaseContext } from '../context';
import { caseStore } from '../store';

/** Lets the other subgraphs check a representative's access; hidden from the public API. */
@Resolver()
export class RepresentedClientsResolver {
  @Directive('@inaccessible')
  @Query(() => [ID], { description: 'Of these clients, those the calling representative holds an active authorization for.' })
  representedClients(@Arg('ucis', () => [ID]) ucis: string[], @Ctx() { db, caller }: CaseContext): Promise<string[]> {
    if (caller.role !== 'representative' || !caller.subject) return Promise.resolve([]);
    return caseStore.representedBy(db, caller.subject, ucis);
  }
}
