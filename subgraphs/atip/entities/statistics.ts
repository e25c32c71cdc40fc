import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Institution, RequesterCategory } from './enums';

@ObjectType()
export class CategoryCount {
  @Field(() => RequesterCategory)
  category!: RequesterCategory;

  @Field(() => Int)
  requests!: number;
}

@ObjectType({ description: "One institution's fiscal year, computed from the requests themselves." })
export class AtipStatistics {
  @Field(() => Institution)
  institution!: Institution;

  @Field({ description: 'e.g. "2023-2024": 1 April to 31 March.' })
  fiscalYear!: string;

  @Field(() => Int)
  received!: number;

  @Field(() => Int, { description: 'Closed during the year (answered, abandoned, transferred...).' })
  completed!: number;

  @Field(() => Int, { description: 'Still open at the end of the year: the backlog carried into the next.' })
  carriedOver!: number;

  @Field(() => Int, { description: 'Closed within the time limit, extensions and holds counted.' })
  completedOnTime!: number;

  @Field(() => Float, { nullable: true })
  averageDaysToComplete!: number | null;

  @Field(() => [CategoryCount], { description: 'Requests received, by who asked.' })
  byRequesterCategory!: CategoryCount[];

  @Field(() => Int, { description: 'Closed after the time limit, which the law deems a refusal.' })
  deemedRefusals!: number;

  @Field(() => Int, { description: 'Complaints to a Commissioner filed during the year.' })
  complaints!: number;
}

@ObjectType({ description: 'How many requests asked only for information One Window already shows.' })
export class SelfServiceShare {
  @Field(() => Int)
  requests!: number;

  @Field(() => Int)
  answerableNow!: number;

  @Field(() => Float, { description: 'answerableNow ÷ requests.' })
  share!: number;
}
