import { registerEnumType } from 'type-graphql';
import { addDays } from '../kit/dates';
import { badUserInput } from '../../platform/errors';
import { TIME_LIMIT_DAYS } from './deadlines';
import { AccessAct } from './entities/enums';
import { atipMessages } from './messages/catalogue';
import { calendarDay } from '../../platform/language/catalogue';
import { citation } from '../../platform/language/citations';

export enum ExtensionProvision {
  ATIA_9_1_A = 'ATIA_9_1_A',
  ATIA_9_1_B = 'ATIA_9_1_B',
  ATIA_9_1_C = 'ATIA_9_1_C',
  PRIVACY_ACT_15_A_I = 'PRIVACY_ACT_15_A_I',
  PRIVACY_ACT_15_A_II = 'PRIVACY_ACT_15_A_II',
  PRIVACY_ACT_15_B = 'PRIVACY_ACT_15_B',
}

registerEnumType(ExtensionProvision, {
  name: 'ExtensionProvision',
  description:
    'ATIA 9(1)(a) large volume, (b) consultation, (c) third-party notice; Privacy Act 15(a)(i) interference with operations, (a)(ii) consultation, (b) translation or conversion.',
});

export const PROVISION_LABEL: Record<ExtensionProvision, string> = {
  [ExtensionProvision.ATIA_9_1_A]: 'ATIA 9(1)(a)',
  [ExtensionProvision.ATIA_9_1_B]: 'ATIA 9(1)(b)',
  [ExtensionProvision.ATIA_9_1_C]: 'ATIA 9(1)(c)',
  [ExtensionProvision.PRIVACY_ACT_15_A_I]: 'Privacy Act 15(a)(i)',
  [ExtensionProvision.PRIVACY_ACT_15_A_II]: 'Privacy Act 15(a)(ii)',
  [ExtensionProvision.PRIVACY_ACT_15_B]: 'Privacy Act 15(b)',
};

const MAX_EXTENSION_DAYS = 365;
/** Privacy Act s.15(a): at most 30 more days in all. */
const PRIVACY_15A_TOTAL_DAYS = 30;
/** ATIA s.9(2): an extension over 30 days must be notified to the Information Commissioner. */
const ATIA_NOTICE_OVER_DAYS = 30;

export interface ExtensionDecision {
  provision: string;
  noticeToCommissionerOn: string | null;
}

/**
 * Checks an extension against its Act: the provision must belong to the request's Act, it must
 * be taken within the original 30 days (ATIA s.9(1), Privacy Act s.15), Privacy Act s.15(a)
 * extensions add up to at most 30 days, and an ATIA extension over 30 days records the notice
 * to the Commissioner.
 */
export function decideExtension(
  act: AccessAct,
  provision: ExtensionProvision,
  days: number,
  earlier: readonly { provision: string; days: number }[],
  receivedOn: string,
  today: string,
): ExtensionDecision {
  const atia = provision.startsWith('ATIA');
  if (atia !== (act === AccessAct.ACCESS_TO_INFORMATION_ACT)) {
    throw badUserInput(
      atipMessages.text('extension.wrongAct', { provision: citation(PROVISION_LABEL[provision]), act }),
      'provision',
    );
  }
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS)
    throw badUserInput(
      atipMessages.text('extension.days', { max: MAX_EXTENSION_DAYS, days: String(days) }),
      'days',
    );
  const limit = addDays(receivedOn, TIME_LIMIT_DAYS);
  if (today > limit)
    throw badUserInput(atipMessages.text('extension.late', { limit: calendarDay(limit) }), 'requestNumber');
  if (
    provision === ExtensionProvision.PRIVACY_ACT_15_A_I ||
    provision === ExtensionProvision.PRIVACY_ACT_15_A_II
  ) {
    const taken = earlier
      .filter((e) => e.provision.startsWith('Privacy Act 15(a)'))
      .reduce((sum, e) => sum + e.days, 0);
    if (taken + days > PRIVACY_15A_TOTAL_DAYS) {
      throw badUserInput(atipMessages.text('extension.privacyTotal', { taken }), 'days');
    }
  }
  return {
    provision: PROVISION_LABEL[provision],
    noticeToCommissionerOn: atia && days > ATIA_NOTICE_OVER_DAYS ? today : null,
  };
}
