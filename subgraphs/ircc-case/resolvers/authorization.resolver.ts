import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CaseContext } from '../context';
import { Authorization } from '../entities/authorization';
import { Representative } from '../entities/representative';

@Resolver(() => Authorization)
export class AuthorizationResolver {
  @FieldResolver(() => Representative)
  async representative(
    @Root() authorization: Authorization,
    @Ctx() { loaders }: CaseContext,
  ): Promise<Representative> {
    const representative = await loaders.representative.load(authorization.representativeId);
    if (!representative)
      throw new Error(`authorization ${authorization.id} refers to missing representative`);
    return representative;
  }
}
