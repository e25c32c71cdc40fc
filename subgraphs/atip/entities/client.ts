import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The client owned by ircc-case; ATIP adds the client's access requests. */
@Directive('@key(fields: "uci")')
@ObjectType()
export class Client {
  @Field(() => ID)
  uci!: string;
}
