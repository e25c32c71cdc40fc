import { detentionReviews } from '../../subgraphs/cbsa-border/detention-reviews';
import { RemovalOrderType } from '../../subgraphs/cbsa-border/entities/enums';
import { removalConsequence } from '../../subgraphs/cbsa-border/removal-rules';

describe('removal orders', () => {
  const departure = {
    orderType: RemovalOrderType.DEPARTURE,
    enforceableOn: '2024-01-01',
    misrepresentation: false,
  };

  it('leaves a departure order complied with in 30 days without a bar', () => {
    expect(
      removalConsequence({ ...departure, departureConfirmedOn: '2024-01-20' }, '2025-01-01'),
    ).toMatchObject({
      effectiveType: RemovalOrderType.DEPARTURE,
      requiresAuthorizationToReturn: false,
    });
  });

  it('turns a departure order into a deportation order after 30 days without a confirmed departure', () => {
    expect(removalConsequence({ ...departure, departureConfirmedOn: null }, '2024-02-01')).toMatchObject({
      effectiveType: RemovalOrderType.DEPORTATION,
      requiresAuthorizationToReturn: true,
      barUntil: null,
    });
    expect(
      removalConsequence({ ...departure, departureConfirmedOn: '2024-02-15' }, '2024-03-01').effectiveType,
    ).toBe(RemovalOrderType.DEPORTATION);
  });

  it('bars return for one year after an exclusion order, five for misrepresentation', () => {
    const exclusion = {
      orderType: RemovalOrderType.EXCLUSION,
      enforceableOn: '2024-01-01',
      departureConfirmedOn: '2024-01-15',
    };
    expect(removalConsequence({ ...exclusion, misrepresentation: false }, '2024-06-01')).toMatchObject({
      barUntil: '2025-01-15',
      requiresAuthorizationToReturn: true,
    });
    expect(
      removalConsequence({ ...exclusion, misrepresentation: false }, '2025-02-01')
        .requiresAuthorizationToReturn,
    ).toBe(false);
    expect(removalConsequence({ ...exclusion, misrepresentation: true }, '2026-01-01')).toMatchObject({
      barUntil: '2029-01-15',
      requiresAuthorizationToReturn: true,
    });
  });

  it('bars return permanently after a deportation order', () => {
    const deportation = {
      orderType: RemovalOrderType.DEPORTATION,
      enforceableOn: '2010-01-01',
      departureConfirmedOn: '2010-02-01',
      misrepresentation: false,
    };
    expect(removalConsequence(deportation, '2030-01-01')).toMatchObject({
      requiresAuthorizationToReturn: true,
      barUntil: null,
    });
  });
});

describe('detention reviews', () => {
  const startedAt = new Date('2024-03-01T10:00:00Z');

  it('schedules CBSA and Immigration Division reviews at 48 hours, then 7 days, then every 30 days', () => {
    const reviews = detentionReviews(startedAt, new Date('2024-05-01T10:00:00Z'), new Date('2030-01-01'));
    expect(reviews.map((r) => [r.label.render('EN'), r.dueBy.toISOString()])).toEqual([
      ['CBSA review within 48 hours', '2024-03-03T10:00:00.000Z'],
      ['48-hour review', '2024-03-03T10:00:00.000Z'],
      ['7-day review', '2024-03-10T10:00:00.000Z'],
      ['30-day review 1', '2024-04-09T10:00:00.000Z'],
    ]);
  });

  it('shows the next review due for someone still detained', () => {
    const reviews = detentionReviews(startedAt, null, new Date('2024-03-05T00:00:00Z'));
    expect(reviews.map((r) => r.label.render('EN'))).toEqual([
      'CBSA review within 48 hours',
      '48-hour review',
      '7-day review',
    ]);
    expect(reviews.map((r) => r.label.render('FR'))).toEqual([
      'Contrôle par l’ASFC dans les 48 heures',
      'Contrôle des 48 heures',
      'Contrôle des 7 jours',
    ]);
  });
});
