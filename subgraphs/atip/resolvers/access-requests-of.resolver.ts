import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AtipContext } from '../context';
import { AccessRequest } from '../entities/access-request';
import { Application } from '../entities/application';
import { Client } from '../entities/client';
import { AccessRequestStatus } from '../entities/enums';
import { RequiresScopes, Scope } from '../../kit/access/directives';
import { requesterWithheld } from '../requester-privacy';

const CLOSED = new Set([AccessRequestStatus.COMPLETED, AccessRequestStatus.ABANDONED]);

function onlyOpen(requests: AccessRequest[], open: boolean): AccessRequest[] {
  return open ? requests.filter((request) => !CLOSED.has(request.status)) : requests;
}

/** Fields another service adds to Client and Application are nullable, so an ATIP outage cannot null them. */
const WHEN_NULL = 'Null only when the ATIP service is unavailable.';

const OPEN_ARG = { defaultValue: false, description: 'Only requests not yet completed or abandoned.' };

@Resolver(() => Client)
export class ClientAccessRequestsResolver {
  @RequiresScopes(Scope.ATIP_READ)
  @FieldResolver(() => [AccessRequest], {
    nullable: true,
    description: `Access requests about this client, oldest first. ${WHEN_NULL}`,
  })
  async accessRequests(
    @Root() client: Client,
    @Arg('open', OPEN_ARG) open: boolean,
    @Ctx() { loaders }: AtipContext,
  ): Promise<AccessRequest[]> {
    return onlyOpen(await loaders.requestsOfClient.load(client.uci), open);
  }
}

@Resolver(() => Application)
export class ApplicationAccessRequestsResolver {
  @RequiresScopes(Scope.ATIP_READ)
  @FieldResolver(() => [AccessRequest], {
    nullable: true,
    description: `Access requests about this application, oldest first; to the person and their representative, not those someone else filed, whose subject is withheld. ${WHEN_NULL}`,
  })
  async accessRequests(
    @Root() application: Application,
    @Arg('open', OPEN_ARG) open: boolean,
    @Ctx() { loaders, access, caller }: AtipContext,
  ): Promise<AccessRequest[]> {
    // An application's requests are about its client; read only those whose client the caller may read.
    const requests = await access.readable(
      await loaders.requestsOfApplication.load(application.applicationNumber),
      (r) => r.clientUci,
    );
    // Listing a third party's request under an application would tell which application it asked about.
    return onlyOpen(
      requests.filter((request) => !requesterWithheld(request, caller)),
      open,
    );
  }
}
