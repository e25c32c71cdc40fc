import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { AtipContext } from '../context';
import { Institution } from '../entities/enums';
import { AtipStatistics, SelfServiceShare } from '../entities/statistics';
import { computeStatistics, fiscalYearPeriod, selfServiceShare } from '../statistics';
import { atipStore } from '../store';

/** Published figures: aggregates only, open to everyone like the annual reports to Parliament. */
@Resolver()
export class StatisticsResolver {
  @Query(() => AtipStatistics, {
    description:
      'Access-request statistics for one institution and fiscal year, e.g. fiscalYear: "2023-2024".',
  })
  async atipStatistics(
    @Arg('institution', () => Institution) institution: Institution,
    @Arg('fiscalYear') fiscalYear: string,
    @Ctx() { db }: AtipContext,
  ): Promise<AtipStatistics> {
    const period = fiscalYearPeriod(fiscalYear);
    const requests = await atipStore.requestsTouchingPeriod(db, institution, period.from, period.to);
    return { institution, fiscalYear: fiscalYear.trim(), ...computeStatistics(requests, period) };
  }

  @Query(() => SelfServiceShare, {
    description:
      'Of the requests received in a fiscal year, how many One Window could have answered at once.',
  })
  async selfServiceShare(
    @Arg('institution', () => Institution) institution: Institution,
    @Arg('fiscalYear') fiscalYear: string,
    @Ctx() { db }: AtipContext,
  ): Promise<SelfServiceShare> {
    const period = fiscalYearPeriod(fiscalYear);
    return selfServiceShare(
      await atipStore.requestsTouchingPeriod(db, institution, period.from, period.to),
      period,
    );
  }
}
