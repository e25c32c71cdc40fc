import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { AccessedFile, AccessEvent, FieldsShownName } from '../../../platform/access-event';
import { AccessOutcome } from './access-record';

export enum FieldsShown {
  DELIVERED = 'DELIVERED',
  REFUSED = 'REFUSED',
  ASKED = 'ASKED',
}

registerEnumType(FieldsShown, {
  name: 'FieldsShown',
  description: "Which of the request's fields a file's record names.",
});

@InputType({ description: 'A file one request read or was refused.' })
export class AccessedFileInput implements AccessedFile {
  @Field(() => ID)
  clientUci!: string;

  @Field(() => AccessOutcome)
  outcome!: AccessOutcome;

  @Field(() => FieldsShown)
  fieldsShown!: FieldsShownName;
}

@InputType({ description: "One request's access to client files, as the gateway records it." })
export class AccessEventInput implements Omit<AccessEvent, 'occurredAt'> {
  @Field({ description: "The gateway's id for the request." })
  requestId!: string;

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

  @Field(() => String, { nullable: true })
  operationName!: string | null;

  @Field()
  operationHash!: string;

  @Field(() => [String])
  deliveredFields!: string[];

  @Field(() => [String])
  refusedFields!: string[];

  @Field(() => [AccessedFileInput])
  files!: AccessedFileInput[];
}
