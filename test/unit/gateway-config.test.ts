import { exposure } from '../../gateway/config';

describe('what the gateway shows of itself', () => {
  it('shows Sandbox and introspection in development', () => {
    expect(exposure({})).toEqual({ production: false, sandbox: true, introspection: true });
  });

  it('refuses to start in production without an identity provider', () => {
    expect(() => exposure({ NODE_ENV: 'production' })).toThrow(/ONE_WINDOW_JWKS_URL/);
  });

  it('hides both in production unless explicitly turned on, and refuses a setting it cannot read', () => {
    const production = { NODE_ENV: 'production', ONE_WINDOW_JWKS_URL: 'https://idp.example.gc.ca/jwks' };
    expect(exposure(production)).toEqual({ production: true, sandbox: false, introspection: false });
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
