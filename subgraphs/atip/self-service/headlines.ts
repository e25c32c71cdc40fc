import { Caller } from '../../../platform/caller';
import { Scope } from '../../kit/access/directives';
import { Peers } from '../../kit/subgraph-definition';
import { BORDER_RECORDS, borderRecords } from '../../cbsa-border/contract';
import { CASE_MANAGEMENT, caseManagement } from '../../ircc-case/contract';
import { AvailableAnswer } from './assessment';
import { SelfServiceCategory as C } from './categories';

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
  const headline = (category: C): string | null => {
    if (category === C.APPLICATION_STATUS && named && may(Scope.CASE_READ)) {
      return (
        named
          .map((a) => `${a.applicationNumber}: ${a.status.status} (as of ${a.status.asOf.slice(0, 10)})`)
          .join('; ') || null
      );
    }
    if (category === C.DECISION_AND_NOTES && named && may(Scope.CASE_NOTES)) {
      return (
        named
          .map(
            (a) =>
              `${a.applicationNumber}: ${a.decision ? `${a.decision.outcome} on ${a.decision.decidedOn}` : 'no decision yet'}`,
          )
          .join('; ') || null
      );
    }
    if (category === C.TRAVEL_HISTORY && travel)
      return `${travel.more ? 'more than ' : ''}${travel.count} entries and exits on record`;
    return null;
  };
  return answers.map((answer) => ({ ...answer, headline: headline(answer.category) }));
}
