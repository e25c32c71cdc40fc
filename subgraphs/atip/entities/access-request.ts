import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { AccessAct, AccessRequestStatus, Commissioner, ComplaintStatus, Disposition, HoldReason, Institution, RequesterCategory } from './enums';
import { RequiresScopes, Scope } from '../../kit/access/directives';

@ObjectType({ description: 'Pages withheld under one provision.' })
export class Exemption {
  @Field({ description: 'The provision applied, e.g. "ATIA 16(2)(c)" or "Privacy Act 26".' })
  section!: string;

  @Field(() => Int)
  pages!: number;
}

@ObjectType({ description: 'An extension of the 30-day time limit (ATIA s.9, Privacy Act s.15).' })
export class DeadlineExtension {
  @Field({ description: 'e.g. "ATIA 9(1)(a)": large volume of records.' })
  provision!: string;

  @Field(() => Int)
  days!: number;

  @Field()
  reason!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'ATIA extensions over 30 days must be notified to the Information Commissioner.' })
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

@ObjectType({ description: 'A complaint to the Information Commissioner (ATIA s.31) or the Privacy Commissioner (Privacy Act s.29).' })
export class Complaint {
  @Field(() => Commissioner)
  commissioner!: Commissioner;

  @Field(() => LocalDateResolver)
  filedOn!: string;

  @Field(() => ComplaintStatus)
  status!: ComplaintStatus;
}

@RequiresScopes(Scope.ATIP_READ)
@Directive('@key(fields: "requestNumber")')
@ObjectType({ description: 'A request under the Access to Information Act or the Privacy Act.' })
export class AccessRequest {
  @Field(() => ID, { description: 'e.g. A-2024-012345 (Access to Information Act) or P-2024-012345 (Privacy Act).' })
  requestNumber!: string;

  @Field(() => Institution)
  institution!: Institution;

  @Field(() => AccessAct)
  act!: AccessAct;

  @Field(() => RequesterCategory)
  requesterCategory!: RequesterCategory;

  clientUci!: string;
  applicationNumber!: string | null;

  @Field({ description: 'The records asked for, in the requester\'s words.' })
  description!: string;

  @Field(() => LocalDateResolver)
  receivedOn!: string;

  @Field(() => AccessRequestStatus)
  status!: AccessRequestStatus;

  @Field(() => DateTimeResolver)
  statusAsOf!: Date;

  @Field(() => Disposition, { nullable: true })
  disposition!: Disposition | null;

  @Field(() => LocalDateResolver, { nullable: true })
  completedOn!: string | null;

  @Field(() => Int, { nullable: true })
  pagesProcessed!: number | null;

  @Field(() => Int, { nullable: true })
  pagesReleased!: number | null;

  @Field(() => [Exemption])
  exemptions!: Exemption[];

  @Field(() => [DeadlineExtension])
  extensions!: DeadlineExtension[];

  @Field(() => [RequestHold])
  holds!: RequestHold[];

  @Field(() => Complaint, { nullable: true })
  complaint!: Complaint | null;
}
