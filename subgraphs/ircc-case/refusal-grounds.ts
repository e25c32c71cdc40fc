import { MessageValues, Text } from '../../platform/language/catalogue';
import { LineOfBusiness } from './entities/enums';
import { caseMessages } from './messages/catalogue';

/** A refusal ground: its wording, as letters state it and explained, is in the catalogue under its id. */
export type RefusalGroundId =
  | 'visitorFamilyTies'
  | 'visitorPurpose'
  | 'visitorFinances'
  | 'studyPurpose'
  | 'studyFunds'
  | 'workTemporary'
  | 'workAbility'
  | 'economicDocuments'
  | 'economicExperience'
  | 'familyGenuine'
  | 'citizenshipPresence'
  | 'humanitarian';

export interface RefusalGroundFacts {
  provision: string;
  ground: RefusalGroundId;
  /** What the officer's notes say about this ground, for the seeded decision notes. */
  noteLine: string;
}

/** Citizenship Act 5(1)(c)(i): days of physical presence in the five years before applying. */
const CITIZENSHIP_DAYS = 1095;

/** The ground as the refusal letter states it, and what it means, in plain language. */
export function groundTexts(ground: RefusalGroundId): { summary: Text; explanation: Text } {
  const values: MessageValues = ground === 'citizenshipPresence' ? { days: CITIZENSHIP_DAYS } : {};
  return {
    summary: caseMessages.text(`ground.${ground}.summary`, values),
    explanation: caseMessages.text(`ground.${ground}.explanation`, values),
  };
}

/** The refusal grounds seen most on each line of business. */
export const REFUSAL_GROUNDS: Record<LineOfBusiness, readonly RefusalGroundFacts[]> = {
  [LineOfBusiness.VISITOR_VISA]: [
    {
      provision: 'IRPR 179(b)',
      ground: 'visitorFamilyTies',
      noteLine: 'PA has significant family ties in Canada; ties to country of residence are weak.',
    },
    {
      provision: 'IRPR 179(b)',
      ground: 'visitorPurpose',
      noteLine: "Purpose of visit is not reasonable given PA's socio-economic situation.",
    },
    {
      provision: 'IRPR 179(b)',
      ground: 'visitorFinances',
      noteLine:
        'Financial documents do not show sufficient funds for the proposed stay; source of recent deposits unexplained.',
    },
  ],
  [LineOfBusiness.STUDY_PERMIT]: [
    {
      provision: 'IRPR 216(1)(b)',
      ground: 'studyPurpose',
      noteLine:
        "Proposed program does not appear reasonable in light of PA's previous studies and employment.",
    },
    {
      provision: 'IRPR 220',
      ground: 'studyFunds',
      noteLine: 'Funds shown are insufficient for tuition and living expenses; GIC not provided.',
    },
  ],
  [LineOfBusiness.WORK_PERMIT]: [
    {
      provision: 'IRPR 200(1)(b)',
      ground: 'workTemporary',
      noteLine: "PA's ties to home country are limited; not satisfied PA is a genuine temporary resident.",
    },
    {
      provision: 'IRPR 200(3)(a)',
      ground: 'workAbility',
      noteLine: 'Employment letters do not demonstrate duties matching the NOC of the offered position.',
    },
  ],
  [LineOfBusiness.ECONOMIC_IMMIGRATION]: [
    {
      provision: 'IRPA 16(1)',
      ground: 'economicDocuments',
      noteLine: 'Requested police certificate not received by due date; no extension requested.',
    },
    {
      provision: 'IRPR 75(2)',
      ground: 'economicExperience',
      noteLine: 'Reference letters do not state hours worked; claimed experience cannot be assessed.',
    },
  ],
  [LineOfBusiness.FAMILY_SPONSORSHIP]: [
    {
      provision: 'IRPR 4(1)',
      ground: 'familyGenuine',
      noteLine:
        'Inconsistent answers at interview regarding relationship history; limited evidence of ongoing communication.',
    },
  ],
  [LineOfBusiness.CITIZENSHIP]: [
    {
      provision: 'Citizenship Act 5(1)(c)(i)',
      ground: 'citizenshipPresence',
      noteLine: 'Physical presence calculation shows fewer than 1,095 days in the eligibility period.',
    },
  ],
  [LineOfBusiness.HUMANITARIAN_AND_COMPASSIONATE]: [
    {
      provision: 'IRPA 25(1)',
      ground: 'humanitarian',
      noteLine: 'Establishment is modest; hardship on return not sufficiently demonstrated.',
    },
  ],
};
