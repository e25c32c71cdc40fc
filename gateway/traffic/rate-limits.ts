import { HeaderMap } from '@apollo/server';
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type Redis from 'ioredis';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { Caller, Role } from '../../platform/caller';
import { positiveInteger } from '../../platform/config';
import { ERRORS } from '../../platform/errors';
import { gatewayMessages } from '../messages/catalogue';
import { currentLanguage } from '../../platform/language/language-scope';

/**
 * Requests a caller may make per minute, by role; `unverified` is per address, for requests whose
 * token does not verify (each costs a signature check, so each counts).
 */
export type RateLimits = Record<Role | 'unverified', number>;

const DEFAULT_PER_MINUTE: RateLimits = {
  anonymous: 300,
  applicant: 300,
  representative: 1200,
  partner: 1200,
  officer: 3000,
  unverified: 60,
};

/** `ONE_WINDOW_RATE_LIMIT_<ROLE>` requests per minute for each role (and UNVERIFIED); a portal checking a wording as a person types stays well inside. */
export function rateLimits(env: NodeJS.ProcessEnv = process.env): RateLimits {
  const limits = { ...DEFAULT_PER_MINUTE };
  for (const role of Object.keys(limits) as (keyof RateLimits)[]) {
    const name = `ONE_WINDOW_RATE_LIMIT_${role.toUpperCase()}`;
    limits[role] = positiveInteger(env[name], limits[role], name);
  }
  return limits;
}

/**
 * Admits or refuses each request before any other work: per caller (the token's subject and
 * OAuth client) or, without a token, per address, within the caller's role's limit; a request
 * whose token does not verify, per address within the `unverified` limit. Refused requests count
 * like any other (a partner's unregistered document, a malformed body after the caller is known),
 * so refusals cannot be sent for free. A refusal is 429 with Retry-After and code RATE_LIMITED.
 *
 * Counted in this process by default; with Redis, counted once for every gateway replica that
 * shares it. Should Redis stop answering, each replica goes on counting by itself (at the same
 * limits) rather than refusing everyone or letting everyone through. Keys are digests of a fixed
 * size, and each lapses a minute after its last request.
 */
export class RequestLimiter {
  private readonly limiters: Record<keyof RateLimits, RateLimiterAbstract>;

  constructor(limits: RateLimits, redis?: Redis) {
    this.limiters = Object.fromEntries(
      Object.entries(limits).map(([role, points]) => {
        const inMemory = new RateLimiterMemory({ points, duration: 60, keyPrefix: role });
        const limiter: RateLimiterAbstract = redis
          ? new RateLimiterRedis({
              storeClient: redis,
              points,
              duration: 60,
              keyPrefix: `one-window:rate:${role}`,
              rejectIfRedisNotReady: true,
              insuranceLimiter: inMemory,
            })
          : inMemory;
        return [role, limiter] as const;
      }),
    ) as Record<keyof RateLimits, RateLimiterAbstract>;
  }

  /** Counts a request from `caller` at `address` (ClientAddresses' key); throws RATE_LIMITED past the limit. */
  admit(caller: Caller, address: string): Promise<void> {
    // Encoded as a pair: a subject or client id holding the separator cannot reach another's key.
    const key =
      caller.role === 'anonymous' ? address : JSON.stringify([caller.subject, caller.clientId ?? null]);
    return this.consume(caller.role, key);
  }

  /** Counts a request whose token did not verify, against its address. */
  admitUnverified(address: string): Promise<void> {
    return this.consume('unverified', address);
  }

  private async consume(role: keyof RateLimits, key: string): Promise<void> {
    try {
      await this.limiters[role].consume(createHash('sha256').update(key).digest('base64url'));
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const retryAfter = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw new GraphQLError(
        gatewayMessages.format(currentLanguage(), 'rateLimited', { seconds: retryAfter }),
        {
          extensions: {
            code: 'RATE_LIMITED',
            http: {
              status: ERRORS.RATE_LIMITED.status,
              headers: new HeaderMap([['retry-after', String(retryAfter)]]),
            },
          },
        },
      );
    }
  }
}
