import { Field, ObjectType } from 'type-graphql';
import { SelfServiceInformation } from '../self-service';

@ObjectType({
  description: 'Information asked for that One Window already shows, and the query that shows it.',
})
export class SelfServiceAnswer {
  @Field(() => SelfServiceInformation)
  information!: SelfServiceInformation;

  @Field()
  query!: string;
}

@ObjectType({
  description:
    "Whether a request about the requester's own file could be answered now, without the ATIP process.",
})
export class SelfService {
  @Field({ description: "Asked by the client or their representative, about the client's own file." })
  aboutOwnFile!: boolean;

  @Field(() => [SelfServiceAnswer])
  availableNow!: SelfServiceAnswer[];

  @Field({ description: 'Everything asked for is available now: the request is unnecessary.' })
  coversWholeRequest!: boolean;
}
