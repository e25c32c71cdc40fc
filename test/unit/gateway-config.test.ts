import { exposure } from '../../gateway/config';

describe('what the gateway shows of itself', () => {
  it('shows Sandbox (with GraphiQL beside it) and introspection in development', () => {
    expect(exposure({})).toEqual({
      production: false,
      explorer: 'sandbox',
      introspection: true,
      sandboxToken: undefined,
    });
    expect(exposure({ ONE_WINDOW_SANDBOX_TOKEN: 'dev.token.here' }).sandboxToken).toBe('dev.token.here');
  });

  it('refuses to start in production without an identity provider', () => {
    expect(() => exposure({ NODE_ENV: 'production' })).toThrow(/ONE_WINDOW_JWKS_URL/);
  });

  it('hides both in production unless explicitly turned on, and refuses a setting it cannot read', () => {
    const production = { NODE_ENV: 'production', ONE_WINDOW_JWKS_URL: 'https://idp.example.gc.ca/jwks' };
    expect(exposure(production)).toEqual({
      production: true,
      explorer: 'off',
      introspection: false,
      sandboxToken: undefined,
    });
    // An explorer turned on in production never opens with a token in its headers.
    expect(
      exposure({ ...production, ONE_WINDOW_EXPLORER: 'graphiql', ONE_WINDOW_SANDBOX_TOKEN: 'dev.token.here' })
        .sandboxToken,
    ).toBeUndefined();
    expect(exposure({ ...production, ONE_WINDOW_EXPLORER: 'sandbox' })).toMatchObject({
      explorer: 'sandbox',
      introspection: false,
    });
    expect(exposure({ ...production, ONE_WINDOW_INTROSPECTION: 'true' })).toMatchObject({
      explorer: 'off',
      introspection: true,
    });
    expect(() => exposure({ ...production, ONE_WINDOW_EXPLORER: 'yes please' })).toThrow(
      /ONE_WINDOW_EXPLORER/,
    );
  });
});
