import { MissingExitTreatment, TravelDirection } from '../../subgraphs/cbsa-border/entities/enums';
import { countPresence, Crossing } from '../../subgraphs/cbsa-border/physical-presence';

const entry = (day: string): Crossing => ({
  occurredAt: new Date(`${day}T12:00:00Z`),
  direction: TravelDirection.ENTRY,
});
const exit = (day: string): Crossing => ({
  occurredAt: new Date(`${day}T12:00:00Z`),
  direction: TravelDirection.EXIT,
});
const { COUNT_AS_ABSENT, COUNT_AS_PRESENT } = MissingExitTreatment;

describe('days in Canada', () => {
  it('counts both the day of entry and the day of exit as days in Canada', () => {
    const result = countPresence(
      [entry('2024-01-01'), exit('2024-01-10')],
      '2024-01-01',
      '2024-12-31',
      COUNT_AS_ABSENT,
    );
    expect(result).toMatchObject({ days: 10, confirmedDays: 10, uncertainDays: 0, missingExits: 0 });
  });

  it('counts a stay still open at the end of the period up to its last day', () => {
    expect(countPresence([entry('2024-12-22')], '2024-01-01', '2024-12-31', COUNT_AS_ABSENT).days).toBe(10);
  });

  it('counts only the part of a stay inside the period', () => {
    expect(
      countPresence([entry('2023-12-01'), exit('2024-01-05')], '2024-01-01', '2024-12-31', COUNT_AS_ABSENT)
        .days,
    ).toBe(5);
  });

  it('counts a trip abroad that starts and ends on the same day as a day in Canada', () => {
    const crossings = [entry('2024-01-01'), exit('2024-03-01'), entry('2024-03-01'), exit('2024-03-31')];
    expect(countPresence(crossings, '2024-01-01', '2024-12-31', COUNT_AS_ABSENT).days).toBe(91);
  });

  it('says how it treated an entry followed by another entry with no exit recorded between them', () => {
    const crossings = [entry('2015-01-01'), entry('2015-01-31'), exit('2015-02-09')];
    const absent = countPresence(crossings, '2015-01-01', '2015-12-31', COUNT_AS_ABSENT);
    const present = countPresence(crossings, '2015-01-01', '2015-12-31', COUNT_AS_PRESENT);

    expect(absent).toMatchObject({ days: 11, confirmedDays: 11, uncertainDays: 29, missingExits: 1 });
    expect(present).toMatchObject({ days: 40, confirmedDays: 11, uncertainDays: 29, missingExits: 1 });
    expect(absent.explanation.render('EN')).toMatch(/29 more days .* counted as days outside Canada/);
    expect(present.explanation.render('EN')).toMatch(/counted as days in Canada/);
    expect(absent.explanation.render('FR')).toMatch(
      /29 autres jours .* comptés comme des jours hors du Canada/,
    );
    expect(present.explanation.render('FR')).toMatch(/comptés comme des jours au Canada/);
  });

  it('treats the time before an exit with no entry on record as uncertain', () => {
    const result = countPresence([exit('2024-01-10')], '2024-01-01', '2024-12-31', COUNT_AS_ABSENT);
    expect(result).toMatchObject({ days: 1, confirmedDays: 1, uncertainDays: 9 });
  });

  it('orders crossings by time whatever order they arrive in', () => {
    const result = countPresence(
      [exit('2024-01-10'), entry('2024-01-01')],
      '2024-01-01',
      '2024-12-31',
      COUNT_AS_ABSENT,
    );
    expect(result.days).toBe(10);
  });

  it('counts nothing for someone with no crossings', () => {
    expect(countPresence([], '2020-01-01', '2024-12-31', COUNT_AS_PRESENT)).toMatchObject({
      days: 0,
      uncertainDays: 0,
    });
  });

  it('handles a leap day', () => {
    expect(
      countPresence([entry('2024-02-28'), exit('2024-03-01')], '2024-01-01', '2024-12-31', COUNT_AS_ABSENT)
        .days,
    ).toBe(3);
  });
});
