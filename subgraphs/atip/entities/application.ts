import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The application owned by ircc-case; ATIP adds the access requests about it. */
@Directive('@key(fields: "applicationNumber")')
@ObjectType()
export class Application {
  @Field(() => ID)
  applicationNumber!: string;
}
