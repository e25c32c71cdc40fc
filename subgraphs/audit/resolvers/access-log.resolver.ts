import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Caller } from '../../../platform/caller';
import { Authenticated, RequiresScopes, Scope } from '../../kit/access/directives';
import { forbidden } from '../../../platform/errors';
import { normalizeUci } from '../../../platform/identifiers';
import { PageSize, toConnection, toPage } from '../../kit/pagination';
import { AuditContext } from '../context';
import { AccessRecordConnection } from '../entities/access-record';
import { Client } from '../entities/client';
import { auditStore } from '../store';
import { auditMessages } from '../messages/catalogue';

const PAGE_LIMITS = { default: 50, max: 500 };

/** A person sees who read their own file; oversight (audit:read) sees everyone's. */
function mayReadLog(caller: Caller, uci: string): boolean {
  return caller.scopes.includes(Scope.AUDIT_READ) || (caller.role === 'applicant' && caller.subject === uci);
}

@Resolver(() => Client)
export class AccessLogResolver {
  @Authenticated()
  @PageSize(PAGE_LIMITS)
  @FieldResolver(() => AccessRecordConnection, {
    nullable: true,
    description:
      'Who read this file and when, newest first. Readable by the client themself and by oversight holding `audit:read`. Null only when the audit service is unavailable.',
  })
  async accessLog(
    @Root() client: Client,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() { caller, access, loaders }: AuditContext,
  ): Promise<AccessRecordConnection> {
    if (!mayReadLog(caller, client.uci)) {
      access.noteDenied(client.uci);
      throw forbidden(auditMessages.text('log.forbidden', { uci: client.uci }));
    }
    access.noteRead([client.uci]);
    const page = toPage(first, after, PAGE_LIMITS);
    return toConnection(await loaders.clientLog.load({ parent: client.uci, page }), page);
  }

  @RequiresScopes(Scope.AUDIT_READ)
  @PageSize(PAGE_LIMITS)
  @Query(() => AccessRecordConnection, {
    name: 'accessLog',
    description: 'Oversight: every access, newest first, optionally for one client.',
  })
  async oversightLog(
    @Arg('uci', () => ID, { nullable: true }) uci: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() { db, access }: AuditContext,
  ): Promise<AccessRecordConnection> {
    const page = toPage(first, after, PAGE_LIMITS);
    const rows = await auditStore.logPage(db, uci ? normalizeUci(uci) : null, page);
    access.noteRead(rows.slice(0, page.first).map((row) => row.clientUci));
    return toConnection(rows, page);
  }
}
