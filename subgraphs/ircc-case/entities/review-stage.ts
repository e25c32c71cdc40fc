import { DateTimeResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { ReviewStageName, ReviewStageStatus, StatusSource } from './enums';

@ObjectType({
  description: 'One review section of an application, as the Application Status Tracker shows it.',
})
export class ReviewStage {
  applicationNumber!: string;

  @Field(() => ReviewStageName)
  name!: ReviewStageName;

  @Field(() => ReviewStageStatus)
  status!: ReviewStageStatus;

  @Field(() => StatusSource)
  source!: StatusSource;

  @Field(() => DateTimeResolver)
  asOf!: Date;
}
