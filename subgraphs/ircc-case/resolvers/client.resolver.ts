import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { normalizeUci } from '../../../platform/identifiers';
import { CaseContext } from '../context';
import { Application } from '../entities/application';
import { Authorization } from '../entities/authorization';
import { Client } from '../entities/client';
import { Authenticated, RequiresScopes, Scope } from '../../kit/access/directives';

@Resolver(() => Client)
export class ClientResolver {
  @Authenticated()
  @Query(() => Client, { nullable: true, description: "A client's file by UCI (with or without dashes)." })
  async client(
    @Arg('uci', () => ID) uci: string,
    @Ctx() { loaders, access }: CaseContext,
  ): Promise<Client | null> {
    const normalized = normalizeUci(uci);
    await access.assertMayRead(normalized);
    return loaders.client.load(normalized);
  }

  @RequiresScopes(Scope.CASE_READ)
  @FieldResolver(() => [Application], { description: "The client's applications, oldest first." })
  applications(@Root() client: Client, @Ctx() { loaders }: CaseContext): Promise<Application[]> {
    return loaders.applicationsOfClient.load(client.uci);
  }

  @RequiresScopes(Scope.CASE_READ)
  @FieldResolver(() => [Authorization], {
    description: 'Representatives the client has appointed (IMM 5476), active or not.',
  })
  representativeAuthorizations(
    @Root() client: Client,
    @Ctx() { loaders }: CaseContext,
  ): Promise<Authorization[]> {
    return loaders.authorizationsOfClient.load(client.uci);
  }
}
