import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';
import {
  DetentionReviewBody,
  EnforcementActionKind,
  RemovalOrderStatus,
  RemovalOrderType,
  ReportReferral,
  SeizureAuthority,
  WarrantStatus,
} from './enums';
import { Text } from '../../../platform/language/catalogue';

@InterfaceType({
  description:
    'An enforcement action CBSA took about the client. Most clients have none; these are the most sensitive records.',
  resolveType: (action: EnforcementAction) => KIND_TO_TYPE[action.kind],
})
export abstract class EnforcementAction {
  @Field(() => ID)
  id!: string;

  clientUci!: string;

  @Field(() => EnforcementActionKind)
  kind!: EnforcementActionKind;

  @Field(() => LocalDateResolver)
  occurredOn!: string;

  @Field(() => String, { nullable: true, description: 'The port or inland office where it happened.' })
  location!: string | null;
}

@ObjectType({
  implements: EnforcementAction,
  description: 'A referral from primary inspection for a closer look.',
})
export class SecondaryExamination extends EnforcementAction {
  @Field()
  referralReason!: string;

  @Field()
  result!: string;
}

@ObjectType({
  implements: EnforcementAction,
  description: 'A report under IRPA s.44 that the client may be inadmissible.',
})
export class InadmissibilityReport extends EnforcementAction {
  @Field({ description: 'The inadmissibility alleged, e.g. "IRPA 41(a): non-compliance (overstay)".' })
  allegation!: string;

  @Field(() => ReportReferral)
  referredTo!: ReportReferral;

  @Field(() => String, { nullable: true })
  outcome!: string | null;
}

@ObjectType({ implements: EnforcementAction })
export class RemovalOrder extends EnforcementAction {
  @Field(() => RemovalOrderType)
  orderType!: RemovalOrderType;

  @Field(() => RemovalOrderStatus)
  status!: RemovalOrderStatus;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'When the certificate of departure was issued, if the client left.',
  })
  departureConfirmedOn!: string | null;

  @Field({ description: 'Whether the client needs an Authorization to Return to Canada to come back.' })
  requiresAuthorizationToReturn!: boolean;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Until when return needs authorization; null for a permanent bar or none.',
  })
  barUntil!: string | null;

  /** What the order means for the client: a field of its own, written in the language asked for. */
  explanation!: Text;
}

@ObjectType({ description: 'A scheduled or held review of a detention.' })
export class DetentionReview {
  @Field(() => DetentionReviewBody)
  body!: DetentionReviewBody;

  /** Which review this is: a field of its own, written in the language asked for. */
  label!: Text;

  @Field(() => DateTimeResolver)
  dueBy!: Date;
}

@ObjectType({ implements: EnforcementAction })
export class Detention extends EnforcementAction {
  @Field(() => DateTimeResolver)
  startedAt!: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  releasedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'An alternative to detention, where one was ordered instead of or after it.',
  })
  alternativeToDetention!: string | null;

  @Field(() => [DetentionReview], {
    description:
      'CBSA within 48 hours; the Immigration Division within 48 hours, within 7 days after, then at least every 30 days (IRPA s.57).',
  })
  reviews!: DetentionReview[];
}

@ObjectType({ implements: EnforcementAction })
export class Seizure extends EnforcementAction {
  @Field(() => SeizureAuthority)
  authority!: SeizureAuthority;

  @Field()
  item!: string;
}

@ObjectType({ implements: EnforcementAction })
export class ImmigrationWarrant extends EnforcementAction {
  @Field()
  reason!: string;

  @Field(() => WarrantStatus)
  status!: WarrantStatus;
}

const KIND_TO_TYPE: Record<EnforcementActionKind, string> = {
  [EnforcementActionKind.SECONDARY_EXAMINATION]: 'SecondaryExamination',
  [EnforcementActionKind.INADMISSIBILITY_REPORT]: 'InadmissibilityReport',
  [EnforcementActionKind.REMOVAL_ORDER]: 'RemovalOrder',
  [EnforcementActionKind.DETENTION]: 'Detention',
  [EnforcementActionKind.SEIZURE]: 'Seizure',
  [EnforcementActionKind.IMMIGRATION_WARRANT]: 'ImmigrationWarrant',
};

export const ENFORCEMENT_ACTION_TYPES = [
  SecondaryExamination,
  InadmissibilityReport,
  RemovalOrder,
  Detention,
  Seizure,
  ImmigrationWarrant,
];
