import { LocalDateResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { ApplicationStatus, LineOfBusiness, StatusSource } from './enums';
import { RequiresScopes, Scope } from '../../kit/access/directives';

@RequiresScopes(Scope.CASE_READ)
@Directive('@key(fields: "applicationNumber")')
@ObjectType({ description: "One application to IRCC, with the tracker's view of its progress." })
export class Application {
  @Field(() => ID, { description: 'One letter then nine digits, e.g. W123456789.' })
  applicationNumber!: string;

  clientUci!: string;

  @Field(() => LineOfBusiness)
  lineOfBusiness!: LineOfBusiness;

  @Field(() => LocalDateResolver, { description: 'The date on the acknowledgement of receipt.' })
  receivedOn!: string;

  @Field()
  processingOffice!: string;

  status!: ApplicationStatus;
  statusSource!: StatusSource;
  statusAsOf!: Date;
}
