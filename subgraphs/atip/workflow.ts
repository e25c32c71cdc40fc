import { badUserInput } from '../../platform/errors';
import { AccessRequestStatus, HoldReason } from './entities/enums';
import { atipMessages } from './messages/catalogue';

/** What an ATIP officer can do to a request, and what submitting it counts as. */
export enum WorkflowAction {
  SUBMIT = 'SUBMIT',
  START = 'START',
  HOLD = 'HOLD',
  RESUME = 'RESUME',
  EXTEND = 'EXTEND',
  CONSULT = 'CONSULT',
  COMPLETE = 'COMPLETE',
  ABANDON = 'ABANDON',
  COMPLAINT = 'COMPLAINT',
}

const { RECEIVED, IN_PROGRESS, ON_HOLD_FEE, ON_HOLD_CLARIFICATION, IN_CONSULTATION, COMPLETED, ABANDONED } =
  AccessRequestStatus;
const OPEN = [RECEIVED, IN_PROGRESS, ON_HOLD_FEE, ON_HOLD_CLARIFICATION, IN_CONSULTATION];

/** From which states each action may be taken. */
const ALLOWED_FROM: Record<Exclude<WorkflowAction, WorkflowAction.SUBMIT>, readonly AccessRequestStatus[]> = {
  [WorkflowAction.START]: [RECEIVED],
  [WorkflowAction.HOLD]: [RECEIVED, IN_PROGRESS, IN_CONSULTATION],
  [WorkflowAction.RESUME]: [ON_HOLD_FEE, ON_HOLD_CLARIFICATION],
  [WorkflowAction.EXTEND]: OPEN,
  [WorkflowAction.CONSULT]: [IN_PROGRESS],
  [WorkflowAction.COMPLETE]: [IN_PROGRESS, IN_CONSULTATION],
  [WorkflowAction.ABANDON]: OPEN,
  [WorkflowAction.COMPLAINT]: [...OPEN, COMPLETED, ABANDONED],
};

/**
 * The state a request moves to, or a BAD_USER_INPUT error naming its current state and what
 * can be done from there. Extending and recording a complaint leave the state as it is.
 */
export function nextStatus(
  current: AccessRequestStatus,
  action: Exclude<WorkflowAction, WorkflowAction.SUBMIT>,
  holdReason?: HoldReason,
): AccessRequestStatus {
  if (!ALLOWED_FROM[action].includes(current)) {
    const possible = (Object.keys(ALLOWED_FROM) as (keyof typeof ALLOWED_FROM)[]).filter((a) =>
      ALLOWED_FROM[a].includes(current),
    );
    throw badUserInput(
      possible.length
        ? atipMessages.text('workflow.step', {
            current,
            action,
            allowed: possible.map((step) => `\`${step}\``).join(', '),
            count: possible.length,
          })
        : atipMessages.text('workflow.final', { current, action }),
      'requestNumber',
    );
  }
  switch (action) {
    case WorkflowAction.START:
    case WorkflowAction.RESUME:
      return IN_PROGRESS;
    case WorkflowAction.HOLD:
      return holdReason === HoldReason.FEE ? ON_HOLD_FEE : ON_HOLD_CLARIFICATION;
    case WorkflowAction.CONSULT:
      return IN_CONSULTATION;
    case WorkflowAction.COMPLETE:
      return COMPLETED;
    case WorkflowAction.ABANDON:
      return ABANDONED;
    default:
      return current;
  }
}

export function isOpen(status: AccessRequestStatus): boolean {
  return OPEN.includes(status);
}
