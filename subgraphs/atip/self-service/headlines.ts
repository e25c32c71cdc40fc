import { Caller } from '../../../platform/caller';
import { Scope } from '../../kit/access/directives';
import { Peers } from '../../kit/subgraph-definition';
import { BORDER_RECORDS, borderRecords } from '../../cbsa-border/contract';
import { CASE_MANAGEMENT, caseManagement } from '../../ircc-case/contract';
import { AvailableAnswer } from './assessment';
import { SelfServiceCategory as C } from './categories';
import { atipMessages } from '../messages/catalogue';
import { calendarDay, joinTexts, Text } from '../../../platform/language/catalogue';

/**
 * A line of the answer itself beside each query — the current status, the decision and its date,
 * the number of travel records — asked of the subgraphs that hold them, as the caller, and only
 * where the caller's scopes would let them read it through the gateway.
 */
export async function withHeadlines(
  answers: AvailableAnswer[],
  asking: { caller: Caller; peers: Peers; clientUci: string; applicationNumber: string | null },
): Promise<AvailableAnswer[]> {
  const { caller, peers, clientUci, applicationNumber } = asking;
  const may = (scope: string) => caller.scopes.includes(scope);
  const wanted = new Set(answers.map((answer) => answer.category));
  const needsApplications =
    (wanted.has(C.APPLICATION_STATUS) && may(Scope.CASE_READ)) ||
    (wanted.has(C.DECISION_AND_NOTES) && may(Scope.CASE_NOTES));
  const [applications, travel] = await Promise.all([
    needsApplications ? caseManagement.applications(peers[CASE_MANAGEMENT], clientUci) : null,
    wanted.has(C.TRAVEL_HISTORY) && may(Scope.BORDER_TRAVEL)
      ? borderRecords.travelRecordCount(peers[BORDER_RECORDS], clientUci)
      : null,
  ]);
  const named = applications?.filter(
    (application) => !applicationNumber || application.applicationNumber === applicationNumber,
  );
  const line = (texts: Text[] | undefined): Text | null => (texts?.length ? joinTexts(texts, '; ') : null);
  const headline = (category: C): Text | null => {
    if (category === C.APPLICATION_STATUS && may(Scope.CASE_READ)) {
      return line(
        named?.map((a) =>
          atipMessages.text('headline.status', {
            applicationNumber: a.applicationNumber,
            status: a.status.status,
            asOf: calendarDay(a.status.asOf),
          }),
        ),
      );
    }
    if (category === C.DECISION_AND_NOTES && may(Scope.CASE_NOTES)) {
      return line(
        named?.map((a) =>
          a.decision
            ? atipMessages.text('headline.decision', {
                applicationNumber: a.applicationNumber,
                outcome: a.decision.outcome,
                decidedOn: calendarDay(a.decision.decidedOn),
              })
            : atipMessages.text('headline.noDecision', { applicationNumber: a.applicationNumber }),
        ),
      );
    }
    if (category === C.TRAVEL_HISTORY && travel)
      return atipMessages.text('headline.travel', { more: travel.more ? 'yes' : 'no', count: travel.count });
    return null;
  };
  return answers.map((answer) => ({ ...answer, headline: headline(answer.category) }));
}
