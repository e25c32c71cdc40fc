import { LineOfBusiness } from './entities/enums';

export interface RefusalGroundText {
  provision: string;
  summary: string;
  explanation: string;
  /** What the officer's notes say about this ground, for the seeded decision notes. */
  noteLine: string;
}

/** The refusal grounds seen most on each line of business, as refusal letters state them. */
export const REFUSAL_GROUNDS: Record<LineOfBusiness, readonly RefusalGroundText[]> = {
  [LineOfBusiness.VISITOR_VISA]: [
    {
      provision: 'IRPR 179(b)',
      summary:
        'I am not satisfied that you will leave Canada at the end of your stay, based on your family ties in Canada and in your country of residence.',
      explanation:
        'A visitor must satisfy the officer that they will go home when the visit ends. The officer weighed your family ties: close family in Canada and fewer ties at home (spouse, children, property, work) made them doubt you would leave. A new application can show stronger ties at home.',
      noteLine: 'PA has significant family ties in Canada; ties to country of residence are weak.',
    },
    {
      provision: 'IRPR 179(b)',
      summary:
        'I am not satisfied that you will leave Canada at the end of your stay, based on the purpose of your visit.',
      explanation:
        'The reason given for the trip did not fit your situation or was not documented well enough, so the officer could not be sure the visit was temporary. An invitation letter, an itinerary or proof of the event you are attending can address this.',
      noteLine: "Purpose of visit is not reasonable given PA's socio-economic situation.",
    },
    {
      provision: 'IRPR 179(b)',
      summary:
        'I am not satisfied that you will leave Canada at the end of your stay, based on your personal assets and financial situation.',
      explanation:
        'The officer was not satisfied that you have enough money for the trip or that your finances tie you to home. Bank statements covering several months, proof of income and of property help.',
      noteLine:
        'Financial documents do not show sufficient funds for the proposed stay; source of recent deposits unexplained.',
    },
  ],
  [LineOfBusiness.STUDY_PERMIT]: [
    {
      provision: 'IRPR 216(1)(b)',
      summary:
        'I am not satisfied that you will leave Canada at the end of your stay, based on the purpose of your visit.',
      explanation:
        'The officer was not convinced the program fits your studies or career so far, or that you would leave after it. A clear study plan linking the program to your past studies and future work at home helps.',
      noteLine:
        "Proposed program does not appear reasonable in light of PA's previous studies and employment.",
    },
    {
      provision: 'IRPR 220',
      summary:
        'I am not satisfied that you have sufficient and available financial resources to pay tuition and support yourself during your studies.',
      explanation:
        "You must show you can pay the first year's tuition and living costs without working in Canada. The money must be available to you, and its source clear.",
      noteLine: 'Funds shown are insufficient for tuition and living expenses; GIC not provided.',
    },
  ],
  [LineOfBusiness.WORK_PERMIT]: [
    {
      provision: 'IRPR 200(1)(b)',
      summary:
        'I am not satisfied that you will leave Canada at the end of the period authorized for your stay.',
      explanation:
        'A temporary worker must satisfy the officer that they will leave when the permit ends. The officer weighed your ties at home against your ties to Canada and found them weaker.',
      noteLine: "PA's ties to home country are limited; not satisfied PA is a genuine temporary resident.",
    },
    {
      provision: 'IRPR 200(3)(a)',
      summary: 'I am not satisfied that you are able to perform the work you are seeking.',
      explanation:
        'The officer did not find enough evidence that your experience, training or language ability match the job. Reference letters describing your duties and language test results help.',
      noteLine: 'Employment letters do not demonstrate duties matching the NOC of the offered position.',
    },
  ],
  [LineOfBusiness.ECONOMIC_IMMIGRATION]: [
    {
      provision: 'IRPA 16(1)',
      summary:
        'You did not provide the documents we requested to establish that you meet the requirements of the Act.',
      explanation:
        "Documents were requested and not received by the due date, so the officer decided on what was on file. Keep every request's due date in view: see your messages.",
      noteLine: 'Requested police certificate not received by due date; no extension requested.',
    },
    {
      provision: 'IRPR 75(2)',
      summary:
        'You have not shown at least one year of continuous full-time skilled work experience in the occupation claimed.',
      explanation:
        'The work experience you declared could not be verified as skilled, continuous and full-time. Reference letters must state hours, dates and duties.',
      noteLine: 'Reference letters do not state hours worked; claimed experience cannot be assessed.',
    },
  ],
  [LineOfBusiness.FAMILY_SPONSORSHIP]: [
    {
      provision: 'IRPR 4(1)',
      summary:
        'I am not satisfied that your relationship is genuine or was not entered into primarily for the purpose of acquiring status under the Act.',
      explanation:
        "The officer doubted that the relationship is genuine, usually because of gaps in the evidence of the relationship's history or inconsistencies at interview. You can appeal to the Immigration Appeal Division within 30 days.",
      noteLine:
        'Inconsistent answers at interview regarding relationship history; limited evidence of ongoing communication.',
    },
  ],
  [LineOfBusiness.CITIZENSHIP]: [
    {
      provision: 'Citizenship Act 5(1)(c)(i)',
      summary:
        'You have not been physically present in Canada for at least 1,095 days during the five years before the date of your application.',
      explanation:
        'The days counted from your travel history fell short of 1,095. Check your daysInCanada for the five years before you applied before applying again.',
      noteLine: 'Physical presence calculation shows fewer than 1,095 days in the eligibility period.',
    },
  ],
  [LineOfBusiness.HUMANITARIAN_AND_COMPASSIONATE]: [
    {
      provision: 'IRPA 25(1)',
      summary:
        'I am not satisfied that humanitarian and compassionate considerations justify an exemption from the requirements of the Act.',
      explanation:
        'The officer weighed your establishment in Canada, the best interests of any children and hardship on return, and found them not strong enough for an exemption.',
      noteLine: 'Establishment is modest; hardship on return not sufficiently demonstrated.',
    },
  ],
};
