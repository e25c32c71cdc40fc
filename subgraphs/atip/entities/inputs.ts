import { Field, ID, InputType, Int } from 'type-graphql';
import { AccessAct, Disposition, Institution, RequesterCategory } from './enums';

@InputType({
  description:
    'A new access request. A representative may leave out the requester category and consent, which follow from their authorization.',
})
export class SubmitAccessRequestInput {
  @Field(() => AccessAct)
  act!: AccessAct;

  @Field(() => Institution)
  institution!: Institution;

  @Field(() => ID)
  clientUci!: string;

  @Field(() => ID, { nullable: true })
  applicationNumber?: string | null;

  @Field({ description: "The records wanted, in the requester's words (at most 2,000 characters)." })
  description!: string;

  @Field(() => RequesterCategory, { nullable: true })
  requesterCategory?: RequesterCategory | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "The representative's active IMM 5476 authorization for the client, which One Window takes as the client's consent (representatives).",
  })
  consentAuthorizationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Any string unique to this submission: a retry with the same key returns the same request.',
  })
  idempotencyKey?: string | null;
}

@InputType()
export class ExemptionInput {
  @Field({ description: 'e.g. "ATIA 16(2)(c)".' })
  section!: string;

  @Field(() => Int)
  pages!: number;
}

@InputType({ description: 'How a request was answered.' })
export class CompleteAccessRequestInput {
  @Field(() => ID)
  requestNumber!: string;

  @Field(() => Disposition)
  disposition!: Disposition;

  @Field(() => Int)
  pagesProcessed!: number;

  @Field(() => Int)
  pagesReleased!: number;

  @Field(() => [ExemptionInput], { defaultValue: [] })
  exemptions!: ExemptionInput[];
}
