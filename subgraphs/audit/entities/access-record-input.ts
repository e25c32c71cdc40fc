import { DateTimeResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { AccessOutcome } from './access-record';

@InputType({ description: 'One access, as the gateway records it.' })
export class AccessRecordInput {
  @Field({ description: 'The gateway\'s id for the request; with the UCI it makes a record unique.' })
  requestId!: string;

  @Field()
  clientUci!: string;

  @Field(() => DateTimeResolver)
  occurredAt!: Date;

  @Field(() => String, { nullable: true })
  readerSubject!: string | null;

  @Field()
  readerRole!: string;

  @Field(() => String, { nullable: true })
  readerClientId!: string | null;

  @Field(() => [String])
  readerScopes!: string[];

  @Field(() => AccessOutcome)
  outcome!: AccessOutcome;

  @Field(() => [String])
  fields!: string[];

  @Field(() => String, { nullable: true })
  operationName!: string | null;

  @Field()
  operationHash!: string;
}
