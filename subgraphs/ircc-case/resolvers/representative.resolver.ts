import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { PageSize, toConnection, toPage } from '../../kit/pagination';
import { CaseContext } from '../context';
import { Client } from '../entities/client';
import { ClientConnection, Representative, RepresentativeConnection } from '../entities/representative';
import { caseStore } from '../store';
import { RequiresScopes, Scope } from '../../kit/access/directives';

const PAGE_LIMITS = { default: 100, max: 500 };

@Resolver(() => Representative)
export class RepresentativeResolver {
  @Query(() => Representative, { nullable: true })
  representative(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders }: CaseContext,
  ): Promise<Representative | null> {
    return loaders.representative.load(id.trim().toUpperCase());
  }

  @PageSize(PAGE_LIMITS)
  @Query(() => RepresentativeConnection)
  async representatives(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() { db }: CaseContext,
  ): Promise<RepresentativeConnection> {
    const page = toPage(first, after, PAGE_LIMITS);
    return toConnection(await caseStore.representativesPage(db, page), page);
  }

  @RequiresScopes(Scope.CASE_READ)
  @PageSize(PAGE_LIMITS)
  @FieldResolver(() => ClientConnection, {
    description: 'Clients with an active authorization, in UCI order.',
  })
  async clients(
    @Root() representative: Representative,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() { loaders, access }: CaseContext,
  ): Promise<ClientConnection> {
    access.assertMayReadCaseload(representative.id);
    const page = toPage(first, after, PAGE_LIMITS);
    const rows: Client[] = await loaders.activeClients.load({ parent: representative.id, page });
    access.noteRead(rows.slice(0, page.first).map((client) => client.uci));
    return toConnection(rows, page);
  }

  @RequiresScopes(Scope.CASE_READ)
  @FieldResolver(() => Int, {
    description: 'How many clients have an active authorization for this representative.',
  })
  async activeClientCount(
    @Root() representative: Representative,
    @Ctx() { loaders, access }: CaseContext,
  ): Promise<number> {
    access.assertMayReadCaseload(representative.id);
    return (await loaders.activeClientCount.load(representative.id))?.count ?? 0;
  }
}
