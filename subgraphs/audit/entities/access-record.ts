import { DateTimeResolver } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../kit/pagination';

export enum AccessOutcome {
  READ = 'READ',
  DENIED = 'DENIED',
}

registerEnumType(AccessOutcome, {
  name: 'AccessOutcome',
  description: 'Whether the file was read, or the attempt refused.',
});

@ObjectType({ description: "Who read a file: the verified token's subject, role and OAuth client." })
export class AccessReader {
  @Field(() => String, { nullable: true })
  subject!: string | null;

  @Field()
  role!: string;

  @Field(() => String, {
    nullable: true,
    description: "The application the token was issued to, e.g. a partner agency's system.",
  })
  clientId!: string | null;

  @Field(() => [String])
  scopes!: string[];
}

@ObjectType({
  description:
    "One read of (or refused attempt at) a client's file, recorded before the answer left the gateway.",
})
export class AccessRecord {
  @Field(() => ID)
  id!: string;

  clientUci!: string;

  @Field(() => DateTimeResolver)
  occurredAt!: Date;

  @Field(() => AccessReader)
  reader!: AccessReader;

  @Field(() => AccessOutcome)
  outcome!: AccessOutcome;

  @Field(() => [String], {
    description:
      'The fields the operation asked for, as paths such as "client.applications.decision.officerNotes".',
  })
  fields!: string[];

  @Field(() => String, { nullable: true })
  operationName!: string | null;

  @Field({ description: 'SHA-256 of the operation as executed.' })
  operationHash!: string;
}

@ObjectType()
export class AccessRecordConnection extends Connection(AccessRecord) {}
