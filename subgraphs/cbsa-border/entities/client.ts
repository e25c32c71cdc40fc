import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The client owned by ircc-case; CBSA adds the border record. */
@Directive('@key(fields: "uci")')
@ObjectType()
export class Client {
  @Field(() => ID)
  uci!: string;
}
