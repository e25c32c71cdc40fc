import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { RequiresScopes, Scope } from '../../kit/access/directives';

@RequiresScopes(Scope.CASE_READ)
@ObjectType({
  description:
    "A use-of-representative authorization (IMM 5476): lets IRCC and CBSA share the client's file with the representative until it is cancelled.",
})
export class Authorization {
  @Field(() => ID)
  id!: string;

  representativeId!: string;
  clientUci!: string;

  @Field(() => String, { nullable: true, description: 'The application the form was filed with.' })
  applicationNumber!: string | null;

  @Field(() => LocalDateResolver)
  signedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  cancelledOn!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  expiresOn!: string | null;

  @Field({ description: "Only active authorizations open the client's file to the representative." })
  active!: boolean;
}
