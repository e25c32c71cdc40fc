import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { CaseContext } from '../context';
import { caseStore } from '../store';
import { OfficialLanguage } from '../../kit/language';
import { normalizeUci } from '../../../platform/identifiers';

/**
 * What the other subgraphs ask case management on a representative's behalf; hidden from the
 * public API (@inaccessible), answered only about the calling representative.
 */
/** A token's subject that can name an applicant's file: a UCI, dashed or not. */
const UCI = /^(\d{4}-?\d{4}|\d{2}-?\d{4}-?\d{4})$/;

@Resolver()
export class CaseServiceResolver {
  @Directive('@inaccessible')
  @Query(() => [ID], {
    description: 'Of these clients, those the calling representative holds an active authorization for.',
  })
  representedClients(
    @Arg('ucis', () => [ID]) ucis: string[],
    @Ctx() { db, caller }: CaseContext,
  ): Promise<string[]> {
    if (caller.role !== 'representative' || !caller.subject) return Promise.resolve([]);
    return caseStore.representedBy(db, caller.subject, ucis);
  }

  @Directive('@inaccessible')
  @Query(() => Boolean, {
    description:
      "Whether this application is about this client, for a caller who may read that client's file.",
  })
  async applicationBelongsTo(
    @Arg('applicationNumber', () => ID) applicationNumber: string,
    @Arg('uci', () => ID) uci: string,
    @Ctx() { loaders, access }: CaseContext,
  ): Promise<boolean> {
    if (!(await access.mayRead(uci))) return false;
    return (await loaders.application.load(applicationNumber))?.clientUci === uci;
  }

  @Directive('@inaccessible')
  @Query(() => OfficialLanguage, {
    nullable: true,
    description:
      'The calling applicant’s preferred official language, which the gateway writes their answers in when the request names none.',
  })
  async callerPreferredLanguage(@Ctx() { caller, loaders }: CaseContext): Promise<OfficialLanguage | null> {
    if (caller.role !== 'applicant' || !caller.subject || !UCI.test(caller.subject)) return null;
    return (await loaders.client.load(normalizeUci(caller.subject)))?.preferredLanguage ?? null;
  }

  @Directive('@inaccessible')
  @Query(() => ID, {
    nullable: true,
    description: "The calling representative's active authorization (IMM 5476) for this client, if any.",
  })
  activeAuthorizationId(
    @Arg('uci', () => ID) uci: string,
    @Ctx() { db, caller }: CaseContext,
  ): Promise<string | null> {
    if (caller.role !== 'representative' || !caller.subject) return Promise.resolve(null);
    return caseStore.activeAuthorizationId(db, caller.subject, uci);
  }
}
