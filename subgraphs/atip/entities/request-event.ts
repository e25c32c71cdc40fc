import { DateTimeResolver } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { WorkflowAction } from '../workflow';
import { AccessRequestStatus } from './enums';

registerEnumType(WorkflowAction, {
  name: 'WorkflowAction',
  description: "A step in an access request's life.",
});

@ObjectType({
  description: "One step in a request's history: who did what, and the state it left the request in.",
})
export class RequestEvent {
  requestNumber!: string;

  @Field(() => DateTimeResolver)
  occurredAt!: Date;

  @Field(() => WorkflowAction)
  action!: WorkflowAction;

  @Field(() => AccessRequestStatus, { nullable: true })
  fromStatus!: AccessRequestStatus | null;

  @Field(() => AccessRequestStatus)
  toStatus!: AccessRequestStatus;

  @Field({ description: 'applicant, representative or officer.' })
  actorRole!: string;

  @Field(() => String, { nullable: true })
  actorSubject!: string | null;

  @Field(() => String, { nullable: true })
  detail!: string | null;
}
