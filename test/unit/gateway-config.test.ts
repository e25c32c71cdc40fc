import { exposure } from '../../gateway/config';

describe('what the gateway shows of itself', () => {
  it('shows Sandbox and introspection in development', () => {
    expect(exposure({})).toEqual({
      production: false,
      sandbox: true,
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
      sandbox: false,
      introspection: false,
      sandboxToken: undefined,
    });
    // Sandbox turned on in production never opens with a token in its headers.
    expect(
      exposure({ ...production, ONE_WINDOW_SANDBOX: 'on', ONE_WINDOW_SANDBOX_TOKEN: 'dev.token.here' })
        .sandboxToken,
    ).toBeUndefined();
    expect(exposure({ ...production, ONE_WINDOW_SANDBOX: 'on' })).toMatchObject({
      sandbox: true,
      introspection: false,
    });
    expect(exposure({ ...production, ONE_WINDOW_INTROSPECTION: 'true' })).toMatchObject({
      sandbox: false,
      introspection: true,
    });
    expect(() => exposure({ ...production, ONE_WINDOW_SANDBOX: 'yes please' })).toThrow(/ONE_WINDOW_SANDBOX/);
  });
});
