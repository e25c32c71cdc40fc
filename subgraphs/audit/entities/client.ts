import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The client owned by ircc-case; the audit trail adds who read the client's file. */
@Directive('@key(fields: "uci")')
@ObjectType()
export class Client {
  @Field(() => ID)
  uci!: string;
}
