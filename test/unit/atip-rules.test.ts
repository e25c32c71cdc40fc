import { GraphQLError } from 'graphql';
import { requestReceived } from '../fixtures/requests';
import { deadlineStatus, dueDate } from '../../subgraphs/atip/deadlines';
import {
  AccessAct,
  AccessRequestStatus,
  HoldReason,
  Institution,
  RequesterCategory,
} from '../../subgraphs/atip/entities/enums';
import { decideExtension, ExtensionProvision } from '../../subgraphs/atip/extension-rules';
import { federalHolidays } from '../../subgraphs/atip/holidays';
import { assessSelfService } from '../../subgraphs/atip/self-service/assessment';
import { fiscalYearPeriod } from '../../subgraphs/atip/statistics';
import { nextStatus, WorkflowAction } from '../../subgraphs/atip/workflow';

const S = AccessRequestStatus;
const A = WorkflowAction;

describe('request workflow', () => {
  // Every state × every step: the state it leads to, or null where it is refused.
  const table: [
    AccessRequestStatus,
    Partial<Record<Exclude<WorkflowAction, WorkflowAction.SUBMIT>, AccessRequestStatus | null>>,
  ][] = [
    [
      S.RECEIVED,
      {
        START: S.IN_PROGRESS,
        HOLD: S.ON_HOLD_CLARIFICATION,
        RESUME: null,
        EXTEND: S.RECEIVED,
        CONSULT: null,
        COMPLETE: null,
        ABANDON: S.ABANDONED,
        COMPLAINT: S.RECEIVED,
      },
    ],
    [
      S.IN_PROGRESS,
      {
        START: null,
        HOLD: S.ON_HOLD_CLARIFICATION,
        RESUME: null,
        EXTEND: S.IN_PROGRESS,
        CONSULT: S.IN_CONSULTATION,
        COMPLETE: S.COMPLETED,
        ABANDON: S.ABANDONED,
        COMPLAINT: S.IN_PROGRESS,
      },
    ],
    [
      S.ON_HOLD_FEE,
      {
        START: null,
        HOLD: null,
        RESUME: S.IN_PROGRESS,
        EXTEND: S.ON_HOLD_FEE,
        CONSULT: null,
        COMPLETE: null,
        ABANDON: S.ABANDONED,
        COMPLAINT: S.ON_HOLD_FEE,
      },
    ],
    [
      S.ON_HOLD_CLARIFICATION,
      {
        START: null,
        HOLD: null,
        RESUME: S.IN_PROGRESS,
        EXTEND: S.ON_HOLD_CLARIFICATION,
        CONSULT: null,
        COMPLETE: null,
        ABANDON: S.ABANDONED,
        COMPLAINT: S.ON_HOLD_CLARIFICATION,
      },
    ],
    [
      S.IN_CONSULTATION,
      {
        START: null,
        HOLD: S.ON_HOLD_CLARIFICATION,
        RESUME: null,
        EXTEND: S.IN_CONSULTATION,
        CONSULT: null,
        COMPLETE: S.COMPLETED,
        ABANDON: S.ABANDONED,
        COMPLAINT: S.IN_CONSULTATION,
      },
    ],
    [
      S.COMPLETED,
      {
        START: null,
        HOLD: null,
        RESUME: null,
        EXTEND: null,
        CONSULT: null,
        COMPLETE: null,
        ABANDON: null,
        COMPLAINT: S.COMPLETED,
      },
    ],
    [
      S.ABANDONED,
      {
        START: null,
        HOLD: null,
        RESUME: null,
        EXTEND: null,
        CONSULT: null,
        COMPLETE: null,
        ABANDON: null,
        COMPLAINT: S.ABANDONED,
      },
    ],
  ];
  const cases = table.flatMap(([from, steps]) =>
    Object.entries(steps).map(([action, to]) => [from, action, to] as const),
  );

  it.each(cases)('%s + %s → %s', (from, action, to) => {
    const step = action as Exclude<WorkflowAction, WorkflowAction.SUBMIT>;
    if (to === null) {
      expect(() => nextStatus(from, step)).toThrow(
        new RegExp(
          `A request that is \`${from}\` cannot be given \`${action}\`; from \`${from}\` (the allowed actions are|the only allowed action is)`,
        ),
      );
    } else {
      expect(nextStatus(from, step)).toBe(to);
    }
  });

  it('holds for a fee or a clarification in their own states', () => {
    expect(nextStatus(S.IN_PROGRESS, A.HOLD, HoldReason.FEE)).toBe(S.ON_HOLD_FEE);
    expect(nextStatus(S.IN_PROGRESS, A.HOLD, HoldReason.CLARIFICATION)).toBe(S.ON_HOLD_CLARIFICATION);
  });
});

describe('extensions', () => {
  const atia = AccessAct.ACCESS_TO_INFORMATION_ACT;
  const privacy = AccessAct.PRIVACY_ACT;

  it('records the notice to the Information Commissioner for an ATIA extension over 30 days', () => {
    expect(decideExtension(atia, ExtensionProvision.ATIA_9_1_A, 30, [], '2024-03-01', '2024-03-10')).toEqual({
      provision: 'ATIA 9(1)(a)',
      noticeToCommissionerOn: null,
    });
    expect(decideExtension(atia, ExtensionProvision.ATIA_9_1_B, 31, [], '2024-03-01', '2024-03-10')).toEqual({
      provision: 'ATIA 9(1)(b)',
      noticeToCommissionerOn: '2024-03-10',
    });
  });

  it('allows Privacy Act s.15(a) extensions of 30 days in all, and s.15(b) beyond that', () => {
    const earlier = [{ provision: 'Privacy Act 15(a)(i)', days: 20 }];
    expect(() =>
      decideExtension(
        privacy,
        ExtensionProvision.PRIVACY_ACT_15_A_II,
        11,
        earlier,
        '2024-03-01',
        '2024-03-10',
      ),
    ).toThrow(/30 more days in all; 20 already/);
    expect(
      decideExtension(
        privacy,
        ExtensionProvision.PRIVACY_ACT_15_A_II,
        10,
        earlier,
        '2024-03-01',
        '2024-03-10',
      ).provision,
    ).toBe('Privacy Act 15(a)(ii)');
    expect(
      decideExtension(privacy, ExtensionProvision.PRIVACY_ACT_15_B, 60, earlier, '2024-03-01', '2024-03-10')
        .provision,
    ).toBe('Privacy Act 15(b)');
  });

  it('refuses a provision of the other Act, a late extension and impossible lengths', () => {
    expect(() =>
      decideExtension(privacy, ExtensionProvision.ATIA_9_1_A, 10, [], '2024-03-01', '2024-03-10'),
    ).toThrow(GraphQLError);
    expect(() =>
      decideExtension(atia, ExtensionProvision.ATIA_9_1_A, 10, [], '2024-03-01', '2024-04-01'),
    ).toThrow(/within the original 30 days, which ended on March 31, 2024/);
    expect(() =>
      decideExtension(atia, ExtensionProvision.ATIA_9_1_A, 0, [], '2024-03-01', '2024-03-10'),
    ).toThrow(/1 to 365 days/);
  });
});

describe('due dates, worked examples', () => {
  const request = requestReceived;

  it('moves a limit that ends on a federal holiday to the next working day', () => {
    expect(dueDate(request('2024-06-01'), '2024-06-02')).toBe('2024-07-02'); // 1 July, Canada Day
    expect(dueDate(request('2024-11-25'), '2024-11-26')).toBe('2024-12-27'); // 25 December, then Boxing Day
    expect(dueDate(request('2024-02-29'), '2024-03-01')).toBe('2024-04-02'); // 30 March (Easter Saturday), Sunday, Easter Monday
  });

  it('stacks extensions and holds, including a hold that spans the original due date', () => {
    const held = request('2024-01-02', {
      extensions: [{ days: 30 }, { days: 15 }],
      holds: [{ from: '2024-01-25', to: '2024-02-10' }],
    });
    // 30 + 30 + 15 days, plus 16 on hold: 2 January + 91 days = 2 April.
    expect(dueDate(held, '2024-03-01')).toBe('2024-04-02');
    expect(deadlineStatus(held, '2024-02-05')).toMatchObject({ isOverdue: false });
  });

  it('knows the moving holidays', () => {
    expect(
      [...federalHolidays(2026)].filter((d) =>
        ['2026-04-03', '2026-04-06', '2026-05-18', '2026-09-07', '2026-10-12'].includes(d),
      ).length,
    ).toBe(5);
  });
});

describe('self-service', () => {
  const about = (description: string, more: Partial<Parameters<typeof assessSelfService>[0]> = {}) =>
    assessSelfService({
      institution: Institution.IRCC,
      requesterCategory: RequesterCategory.CLIENT,
      description,
      clientUci: '1234-5678',
      applicationNumber: 'V100012345',
      ...more,
    });
  const categories = (answer: ReturnType<typeof about>) => answer.availableNow.map((a) => a.category);

  it('answers a request for status and notes at once, part by part, with the queries that show them', () => {
    const answer = about('I want the GCMS notes and the status of my visa application');
    expect(answer.coversWholeRequest).toBe(true);
    expect(answer.parts.map((part) => part.categories)).toEqual([
      ['DECISION_AND_NOTES'],
      ['APPLICATION_STATUS'],
    ]);
    expect(categories(answer)).toEqual(['DECISION_AND_NOTES', 'APPLICATION_STATUS']);
    expect(answer.availableNow[0].query).toContain(
      'application(applicationNumber: "V100012345") { decisionNotes',
    );
  });

  it('reads French requests, and a whole-file request as what One Window shows plus a request for the rest', () => {
    expect(categories(about('Mes entrées et sorties du Canada'))).toEqual(['TRAVEL_HISTORY']);
    const whole = about('Copy of my file', { institution: Institution.CBSA });
    expect(categories(whole)).toEqual(['TRAVEL_HISTORY', 'DAYS_IN_CANADA', 'ENFORCEMENT_ACTIONS']);
    expect(whole.stillNeedsRequest).toEqual(['ALL_RECORDS']);
    expect(whole.coversWholeRequest).toBe(false);
  });

  it('never declares unnecessary a request for records One Window does not hold, or one it does not understand', () => {
    expect(about('Notes and emails between officers about my file').coversWholeRequest).toBe(false);
    expect(about('My medical exam results and the status').stillNeedsRequest).toEqual(['MEDICAL']);
    expect(about('the thing from last week')).toMatchObject({
      verdict: 'UNCERTAIN',
      coversWholeRequest: false,
    });
    expect(about('GCMS notes and the zorblax').notUnderstood).toEqual(['zorblax']);
    expect(about('My removal order').coversWholeRequest).toBe(true);
  });

  it('honours what a request declines', () => {
    const answer = about('Not the notes, only the status please');
    expect(answer.parts.map((part) => [part.categories, part.declined])).toEqual([
      [[], ['DECISION_AND_NOTES']],
      [['APPLICATION_STATUS'], []],
    ]);
    expect(categories(answer)).toEqual(['APPLICATION_STATUS']);
  });

  it('shows nothing personal to a third party, however the request is worded', () => {
    const media = about('GCMS notes', { requesterCategory: RequesterCategory.MEDIA });
    expect(media).toMatchObject({
      aboutOwnFile: false,
      availableNow: [],
      coversWholeRequest: false,
      stillNeedsRequest: ['DECISION_AND_NOTES'],
    });
  });
});

describe('fiscal years', () => {
  it('run from 1 April to 31 March', () => {
    expect(fiscalYearPeriod('2023-2024')).toEqual({ from: '2023-04-01', to: '2024-03-31' });
    expect(() => fiscalYearPeriod('2023-2025')).toThrow(/consecutive/);
  });
});
