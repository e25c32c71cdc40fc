import { deadlineStatus, dueDate } from '../../subgraphs/atip/deadlines';

import { requestReceived as request } from '../fixtures/requests';

describe('access request due date', () => {
  it('is 30 calendar days after receipt', () => {
    expect(dueDate(request('2024-03-04'), '2024-03-05')).toBe('2024-04-03');
  });

  it('moves a limit ending on a Saturday or Sunday to the Monday', () => {
    expect(dueDate(request('2024-05-02'), '2024-05-02')).toBe('2024-06-03'); // 30 days is Saturday 1 June
    expect(dueDate(request('2024-05-03'), '2024-05-03')).toBe('2024-06-03'); // Sunday 2 June
  });

  it('crosses month ends and leap days by the calendar', () => {
    expect(dueDate(request('2024-01-31'), '2024-02-01')).toBe('2024-03-01');
    expect(dueDate(request('2023-01-31'), '2023-02-01')).toBe('2023-03-02');
  });

  it('adds every extension taken', () => {
    const extended = request('2024-03-04', { extensions: [{ days: 30 }, { days: 60 }] });
    expect(dueDate(extended, '2024-03-05')).toBe('2024-07-02');
  });

  it('stops the clock while on hold, up to today for a hold still running', () => {
    const held = request('2024-03-04', { holds: [{ from: '2024-03-10', to: '2024-03-20' }] });
    expect(dueDate(held, '2024-04-01')).toBe('2024-04-15'); // 3 April + 10 days, a Saturday, to Monday
    const stillHeld = request('2024-03-04', { holds: [{ from: '2024-03-10', to: null }] });
    expect(dueDate(stillHeld, '2024-03-15')).toBe('2024-04-08');
  });
});

describe('deadline status', () => {
  it('counts the days left, and goes overdue and deemed refused after the due date', () => {
    expect(deadlineStatus(request('2024-03-04'), '2024-03-24')).toEqual({
      dueDate: '2024-04-03',
      daysRemaining: 10,
      isOverdue: false,
      deemedRefused: false,
    });
    expect(deadlineStatus(request('2024-03-04'), '2024-04-05')).toEqual({
      dueDate: '2024-04-03',
      daysRemaining: -2,
      isOverdue: true,
      deemedRefused: true,
    });
  });

  it('keeps a late answer deemed refused but no longer overdue', () => {
    const late = request('2024-03-04', { completedOn: '2024-05-01' });
    expect(deadlineStatus(late, '2024-06-01')).toEqual({
      dueDate: '2024-04-03',
      daysRemaining: null,
      isOverdue: false,
      deemedRefused: true,
    });
  });
});
