import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { addDays } from '../../kit/dates';
import { normalizeApplicationNumber } from '../../../platform/identifiers';
import { CaseContext } from '../context';
import { Application } from '../entities/application';
import { Client } from '../entities/client';
import { Decision } from '../entities/decision';
import { ApplicationStatus } from '../entities/enums';
import { IssuedDocument } from '../entities/issued-document';
import { Message } from '../entities/message';
import { ReviewStage } from '../entities/review-stage';
import { ApplicationStatusReport } from '../entities/status-report';
import { TYPICAL_PROCESSING_DAYS } from '../processing-times';
import { Authenticated, RequiresScopes, Scope } from '../../kit/access/directives';

@Resolver(() => Application)
export class ApplicationResolver {
  @Authenticated()
  @Query(() => Application, { nullable: true, description: 'An application by number, e.g. W123456789.' })
  async application(
    @Arg('applicationNumber', () => ID) applicationNumber: string,
    @Ctx() { loaders, access }: CaseContext,
  ): Promise<Application | null> {
    const application = await loaders.application.load(normalizeApplicationNumber(applicationNumber));
    if (application) await access.assertMayRead(application.clientUci);
    return application;
  }

  @FieldResolver(() => Client)
  async client(@Root() application: Application, @Ctx() { loaders }: CaseContext): Promise<Client> {
    const client = await loaders.client.load(application.clientUci);
    if (!client)
      throw new Error(
        `application ${application.applicationNumber} refers to missing client ${application.clientUci}`,
      );
    return client;
  }

  @FieldResolver(() => ApplicationStatusReport)
  status(@Root() application: Application): ApplicationStatusReport {
    return { status: application.status, source: application.statusSource, asOf: application.statusAsOf };
  }

  @FieldResolver(() => [ReviewStage], {
    description: 'Biometrics, medical exam, background verification and eligibility, in processing order.',
  })
  stages(@Root() application: Application, @Ctx() { loaders }: CaseContext): Promise<ReviewStage[]> {
    return loaders.stages.load(application.applicationNumber);
  }

  @FieldResolver(() => Decision, { nullable: true, description: 'Null until the application is closed.' })
  decision(@Root() application: Application, @Ctx() { loaders }: CaseContext): Promise<Decision | null> {
    return loaders.decision.load(application.applicationNumber);
  }

  @RequiresScopes(Scope.CASE_NOTES)
  @FieldResolver(() => Decision, {
    nullable: true,
    description:
      "Proactive disclosure: the decision with the officer's notes and plain-language grounds, readable by the applicant and their representative without an access request. Null until decided.",
  })
  decisionNotes(@Root() application: Application, @Ctx() { loaders }: CaseContext): Promise<Decision | null> {
    return loaders.decision.load(application.applicationNumber);
  }

  @FieldResolver(() => [IssuedDocument])
  documents(@Root() application: Application, @Ctx() { loaders }: CaseContext): Promise<IssuedDocument[]> {
    return loaders.documents.load(application.applicationNumber);
  }

  @FieldResolver(() => [Message], { description: 'Correspondence about this application, oldest first.' })
  messages(@Root() application: Application, @Ctx() { loaders }: CaseContext): Promise<Message[]> {
    return loaders.messages.load(application.applicationNumber);
  }

  @FieldResolver(() => LocalDateResolver, {
    nullable: true,
    description:
      'When a decision is typically made for this line of business, counted from receipt; null once closed.',
  })
  estimatedDecisionBy(@Root() application: Application): string | null {
    if (application.status === ApplicationStatus.CLOSED) return null;
    return addDays(application.receivedOn, TYPICAL_PROCESSING_DAYS[application.lineOfBusiness]);
  }
}
