import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The client owned by ircc-case; ATIP adds the client's access requests. */
// Each extending subgraph declares its own class: type-graphql attaches field resolvers to the
// class, so one shared class would carry every subgraph's Client fields into every schema.
@Directive('@key(fields: "uci")')
@ObjectType()
export class Client {
  @Field(() => ID)
  uci!: string;
}
