import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { daysBetween } from '../../kit/dates';
import { badUserInput } from '../../../platform/errors';
import { PageSize, toConnection, toPage } from '../../kit/pagination';
import { BorderContext } from '../context';
import { Client } from '../entities/client';
import { EnforcementAction } from '../entities/enforcement-action';
import { MissingExitTreatment } from '../entities/enums';
import { PhysicalPresence } from '../entities/physical-presence';
import { TravelEventConnection } from '../entities/travel-event';
import { toEnforcementAction } from '../enforcement-records';
import { countPresence } from '../physical-presence';
import { RequiresScopes, Scope } from '../../kit/access/directives';
import { borderMessages } from '../messages/catalogue';
import { calendarDay } from '../../../platform/language/catalogue';

const TRAVEL_PAGE = { default: 50, max: 500 };
const MAX_PERIOD_YEARS = 30;
const MAX_PERIOD_DAYS = 366 * MAX_PERIOD_YEARS;
/** Fields another service adds to Client are nullable, so an outage there cannot null the whole client. */
const WHEN_NULL = 'Null only when the CBSA service is unavailable.';

@Resolver(() => Client)
export class ClientBorderResolver {
  @RequiresScopes(Scope.BORDER_TRAVEL)
  @PageSize(TRAVEL_PAGE)
  @FieldResolver(() => TravelEventConnection, {
    nullable: true,
    description: `Entries and exits on record since 1 August 2000, oldest first. ${WHEN_NULL}`,
  })
  async travelHistory(
    @Root() client: Client,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() { loaders }: BorderContext,
  ): Promise<TravelEventConnection> {
    const page = toPage(first, after, TRAVEL_PAGE);
    return toConnection(await loaders.travelPage.load({ parent: client.uci, page }), page);
  }

  @RequiresScopes(Scope.BORDER_TRAVEL)
  @FieldResolver(() => PhysicalPresence, {
    nullable: true,
    description: `Days physically present in Canada from \`from\` to \`to\` (both included), e.g. for the 1,095 days citizenship needs. ${WHEN_NULL}`,
  })
  async daysInCanada(
    @Root() client: Client,
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Arg('missingExits', () => MissingExitTreatment, { defaultValue: MissingExitTreatment.COUNT_AS_ABSENT })
    treatment: MissingExitTreatment,
    @Ctx() { loaders }: BorderContext,
  ): Promise<PhysicalPresence> {
    if (from > to)
      throw badUserInput(
        borderMessages.text('period.order', { from: calendarDay(from), to: calendarDay(to) }),
        'from',
      );
    if (daysBetween(from, to) > MAX_PERIOD_DAYS)
      throw badUserInput(borderMessages.text('period.tooLong', { years: MAX_PERIOD_YEARS }), 'to');
    const crossings = await loaders.crossingsUntil(to).load(client.uci);
    return { from, to, treatment, ...countPresence(crossings, from, to, treatment) };
  }

  @RequiresScopes(Scope.BORDER_ENFORCEMENT)
  @FieldResolver(() => [EnforcementAction], {
    nullable: true,
    description: `Examinations, reports, orders, detentions, seizures and warrants, oldest first. ${WHEN_NULL}`,
  })
  async enforcementActions(
    @Root() client: Client,
    @Ctx() { loaders }: BorderContext,
  ): Promise<EnforcementAction[]> {
    return (await loaders.enforcement.load(client.uci)).map((row) => toEnforcementAction(row));
  }
}
