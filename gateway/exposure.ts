/**
 * What the gateway shows of itself. In development Sandbox and introspection are on; in
 * production (NODE_ENV=production) both are off unless ONE_WINDOW_SANDBOX or
 * ONE_WINDOW_INTROSPECTION turns them on, and the gateway refuses to start without an identity
 * provider: the development key must never guard real files.
 */
export interface Exposure {
  production: boolean;
  sandbox: boolean;
  introspection: boolean;
}

export function exposure(env: NodeJS.ProcessEnv = process.env): Exposure {
  const production = env.NODE_ENV === 'production';
  if (production && !env.ONE_WINDOW_JWKS_URL) {
    throw new Error('NODE_ENV=production needs ONE_WINDOW_JWKS_URL: the development key is not trusted in production');
  }
  return {
    production,
    sandbox: onOff(env.ONE_WINDOW_SANDBOX, !production, 'ONE_WINDOW_SANDBOX'),
    introspection: onOff(env.ONE_WINDOW_INTROSPECTION, !production, 'ONE_WINDOW_INTROSPECTION'),
  };
}

function onOff(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'on' || value === 'true') return true;
  if (value === 'off' || value === 'false') return false;
  throw new Error(`${name} must be "on" or "off"; got "${value}"`);
}
