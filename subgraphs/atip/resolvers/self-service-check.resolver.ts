import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { badUserInput } from '../../../platform/errors';
import { normalizeUci } from '../../../platform/identifiers';
import { atipMessages } from '../messages/catalogue';
import { Authenticated } from '../../kit/access/directives';
import { AtipContext } from '../context';
import { assertApplicationOf, requestSubject } from '../request-input';
import { Institution } from '../entities/enums';
import { SelfService } from '../entities/self-service';
import { SelfServiceCategory } from '../self-service/categories';
import { assessWording } from '../self-service/assessment';
import { withHeadlines } from '../self-service/headlines';

@Resolver()
export class SelfServiceCheckResolver {
  @Authenticated()
  @Query(() => SelfService, {
    description:
      "Checks a request before anything is filed (a portal's checkboxes, its wording, or both) and answers COVERED, NEEDS_REQUEST or UNCERTAIN: what One Window shows now (with the query, and where the caller may read it, the answer's headline), what would still need a formal request, and what was not understood. Read like any read of that client's file, and audited the same way.",
  })
  async selfServiceCheck(
    @Arg('institution', () => Institution) institution: Institution,
    @Arg('clientUci', () => ID) clientUciInput: string,
    @Arg('applicationNumber', () => ID, { nullable: true }) applicationNumberInput: string | null,
    @Arg('description', () => String, {
      nullable: true,
      description:
        "The request in the requester's words. With `asks`, a safety net: it can only add what needs a formal request or what is not understood.",
    })
    descriptionInput: string | null,
    @Arg('asks', () => [SelfServiceCategory], {
      nullable: true,
      description: "What a portal's checkboxes ask for. Give `asks`, `description`, or both.",
    })
    asks: SelfServiceCategory[] | null,
    @Ctx() { caller, access, peers }: AtipContext,
  ): Promise<SelfService> {
    // Naming a client is a read of their file, recorded whatever else is wrong with the check.
    const mayRead = await access.mayRead(normalizeUci(clientUciInput, 'clientUci'));
    if (descriptionInput === null && !asks?.length)
      throw badUserInput(atipMessages.text('check.nothingAsked'), 'asks');
    const { clientUci, applicationNumber, description } = requestSubject({
      clientUci: clientUciInput,
      applicationNumber: applicationNumberInput,
      description: descriptionInput,
    });
    // Only the person and their representative are shown anything of the file.
    const aboutOwnFile = (caller.role === 'applicant' || caller.role === 'representative') && mayRead;
    if (aboutOwnFile && applicationNumber) await assertApplicationOf(applicationNumber, clientUci, { peers });
    const assessment = assessWording(description ?? '', {
      institution,
      clientUci,
      applicationNumber,
      aboutOwnFile,
      asker: caller.role === 'representative' ? 'representative' : 'applicant',
      asks: asks ?? undefined,
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
