import { DateTimeResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { ApplicationStatus, StatusSource } from './enums';

@ObjectType({ description: "An application's overall status, with where it came from and when it was true." })
export class ApplicationStatusReport {
  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Field(() => StatusSource)
  source!: StatusSource;

  @Field(() => DateTimeResolver)
  asOf!: Date;
}
