import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { badUserInput } from '../../../platform/errors';
import { normalizeApplicationNumber, normalizeUci } from '../../../platform/identifiers';
import { Authenticated } from '../../kit/access/directives';
import { CASE_MANAGEMENT, caseManagement } from '../../ircc-case/contract';
import { AtipContext } from '../context';
import { Institution } from '../entities/enums';
import { SelfService } from '../entities/self-service';
import { assessWording } from '../self-service/assessment';
import { withHeadlines } from '../self-service/headlines';

const MAX_DESCRIPTION = 2000;

@Resolver()
export class SelfServiceCheckResolver {
  @Authenticated()
  @Query(() => SelfService, {
    description:
      "Checks a request's wording before anything is filed: what One Window shows now (with the query, and where the caller may read it, the answer's headline) and what would still need a formal request. Read like any read of that client's file, and audited the same way.",
  })
  async selfServiceCheck(
    @Arg('institution', () => Institution) institution: Institution,
    @Arg('clientUci', () => ID) clientUciInput: string,
    @Arg('applicationNumber', () => ID, { nullable: true }) applicationNumberInput: string | null,
    @Arg('description') descriptionInput: string,
    @Ctx() { caller, access, peers }: AtipContext,
  ): Promise<SelfService> {
    const clientUci = normalizeUci(clientUciInput, 'clientUci');
    const applicationNumber = applicationNumberInput
      ? normalizeApplicationNumber(applicationNumberInput)
      : null;
    const description = descriptionInput.trim();
    if (!description || description.length > MAX_DESCRIPTION) {
      throw badUserInput(`Describe the records wanted in 1 to ${MAX_DESCRIPTION} characters.`, 'description');
    }
    // Only the person and their representative are shown anything of the file; the check is a read of it either way.
    const aboutOwnFile =
      (caller.role === 'applicant' || caller.role === 'representative') && (await access.mayRead(clientUci));
    if (
      aboutOwnFile &&
      applicationNumber &&
      !(await caseManagement.applicationBelongsTo(peers[CASE_MANAGEMENT], applicationNumber, clientUci))
    ) {
      throw badUserInput(`Client ${clientUci} has no application ${applicationNumber}.`, 'applicationNumber');
    }
    const assessment = assessWording(description, {
      institution,
      clientUci,
      applicationNumber,
      aboutOwnFile,
    });
    const availableNow = await withHeadlines(assessment.availableNow, {
      caller,
      peers,
      clientUci,
      applicationNumber,
    });
    const headlines = new Map(availableNow.map((answer) => [answer.category, answer.headline]));
    return {
      ...assessment,
      availableNow,
      parts: assessment.parts.map((part) => ({
        ...part,
        availableNow: part.availableNow.map((answer) => ({
          ...answer,
          headline: headlines.get(answer.category) ?? null,
        })),
      })),
    };
  }
}
