import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, UseMiddleware } from 'type-graphql';
import {
  AccessAct,
  AccessRequestStatus,
  Commissioner,
  ComplaintStatus,
  Disposition,
  HoldReason,
  Institution,
  RequesterCategory,
} from './enums';
import { RequiresScopes, Scope } from '../../kit/access/directives';
import { WithheldFromThePerson } from '../requester-privacy';

@ObjectType({ description: 'Pages withheld under one provision.' })
export class Exemption {
  /** The provision applied, as recorded: a field of its own, cited in the language asked for. */
  section!: string;

  @Field(() => Int)
  pages!: number;
}

@ObjectType({ description: 'An extension of the 30-day time limit (ATIA s.9, Privacy Act s.15).' })
export class DeadlineExtension {
  /** As recorded: a field of its own, cited in the language asked for. */
  provision!: string;

  @Field(() => Int)
  days!: number;

  @Field()
  reason!: string;

  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'ATIA extensions over 30 days must be notified to the Information Commissioner.',
  })
  noticeToCommissionerOn!: string | null;
}

@ObjectType({ description: 'A period on hold, during which the clock stops.' })
export class RequestHold {
  @Field(() => HoldReason)
  reason!: HoldReason;

  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Null while the request is still on hold.' })
  to!: string | null;
}

@ObjectType({
  description:
    'A complaint to the Information Commissioner (ATIA s.31) or the Privacy Commissioner (Privacy Act s.29).',
})
export class Complaint {
  @Field(() => Commissioner)
  commissioner!: Commissioner;

  @Field(() => LocalDateResolver)
  filedOn!: string;

  @Field(() => ComplaintStatus)
  status!: ComplaintStatus;
}

/** Shown on every field a third-party requester could be recognised by. */
export const WITHHELD =
  'Null on a request someone else (media, business, academia, an organization, the public) filed about a person, when that person or their representative reads it: the Access to Information Act protects who asked and what they asked for.';

@RequiresScopes(Scope.ATIP_READ)
@Directive('@key(fields: "requestNumber")')
@ObjectType({ description: 'A request under the Access to Information Act or the Privacy Act.' })
export class AccessRequest {
  @Field(() => ID, {
    description: 'e.g. A-2024-012345 (Access to Information Act) or P-2024-012345 (Privacy Act).',
  })
  requestNumber!: string;

  @Field(() => Institution)
  institution!: Institution;

  @UseMiddleware(WithheldFromThePerson)
  @Field(() => AccessAct, { nullable: true, description: WITHHELD })
  act!: AccessAct;

  @UseMiddleware(WithheldFromThePerson)
  @Field(() => RequesterCategory, { nullable: true, description: WITHHELD })
  requesterCategory!: RequesterCategory;

  clientUci!: string;
  applicationNumber!: string | null;

  @UseMiddleware(WithheldFromThePerson)
  @Field(() => String, {
    nullable: true,
    description: `The records asked for, in the requester's words. ${WITHHELD}`,
  })
  description!: string;

  @Field(() => LocalDateResolver)
  receivedOn!: string;

  @Field(() => AccessRequestStatus)
  status!: AccessRequestStatus;

  @Field(() => DateTimeResolver)
  statusAsOf!: Date;

  @UseMiddleware(WithheldFromThePerson)
  @Field(() => Disposition, { nullable: true, description: WITHHELD })
  disposition!: Disposition | null;

  @Field(() => LocalDateResolver, { nullable: true })
  completedOn!: string | null;

  @UseMiddleware(WithheldFromThePerson)
  @Field(() => Int, { nullable: true, description: WITHHELD })
  pagesProcessed!: number | null;

  @UseMiddleware(WithheldFromThePerson)
  @Field(() => Int, { nullable: true, description: WITHHELD })
  pagesReleased!: number | null;

  @UseMiddleware(WithheldFromThePerson)
  @Field(() => [Exemption], { nullable: true, description: WITHHELD })
  exemptions!: Exemption[];

  @UseMiddleware(WithheldFromThePerson)
  @Field(() => [DeadlineExtension], { nullable: true, description: WITHHELD })
  extensions!: DeadlineExtension[];

  @UseMiddleware(WithheldFromThePerson)
  @Field(() => [RequestHold], { nullable: true, description: WITHHELD })
  holds!: RequestHold[];

  @UseMiddleware(WithheldFromThePerson)
  @Field(() => Complaint, { nullable: true, description: WITHHELD })
  complaint!: Complaint | null;
}
