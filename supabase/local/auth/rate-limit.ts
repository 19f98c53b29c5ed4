// Per-IP limits as Supabase Auth enforces them: a token bucket per IP address and operation that
// holds the configured number of requests and refills at that number per window (5 minutes for
// sign-ins, verifications and refreshes), plus one bucket for every e-mail the project sends
// (per hour). Over the limit, the answer is GoTrue's 429 with its error code and message.
import { tooManyRequests } from './errors'
import type { RateLimits } from './config'

export type LimitKind = 'signInSignUps' | 'tokenVerifications' | 'tokenRefresh' | 'emailSent'

const windowSeconds: Record<LimitKind, number> = {
  signInSignUps: 300,
  tokenVerifications: 300,
  tokenRefresh: 300,
  emailSent: 3600,
}

type Bucket = { tokens: number; at: number }

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends one request of `kind` for `ip` (ignored for e-mail, which counts project-wide). */
  take(kind: LimitKind, ip: string) {
    const capacity = this.limits[kind]
    const key = kind === 'emailSent' ? kind : `${kind}:${ip}`
    const now = this.now()
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now }
    const refill = ((now - bucket.at) / 1000) * (capacity / windowSeconds[kind])
    bucket.tokens = Math.min(capacity, bucket.tokens + refill)
    bucket.at = now
    this.buckets.set(key, bucket)
    if (bucket.tokens < 1) {
      if (kind === 'emailSent')
        throw tooManyRequests('over_email_send_rate_limit', 'email rate limit exceeded')
      throw tooManyRequests('over_request_rate_limit', 'Request rate limit reached')
    }
    bucket.tokens -= 1
    if (this.buckets.size > 100_000) this.forgetFullBuckets()
  }

  /** Keeps memory bounded when many addresses pass by: a full bucket is the same as none. */
  private forgetFullBuckets() {
    for (const [key, bucket] of this.buckets) {
      const kind = key.split(':')[0] as LimitKind
      if (bucket.tokens >= this.limits[kind] - 1) this.buckets.delete(key)
    }
  }
}
