// Boots the Docker-free Supabase API surface: Postgres 17, the platform bootstrap and the
// migrations, PostgREST 12, the local Auth server, the local Realtime service and one gateway
// port in front of them.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { readAuthConfig, type RateLimits } from './auth/config'
import { createAuthHandler } from './auth/server'
import { startGateway } from './gateway'
import { localJwtSecret, signApiKey } from './keys'
import { migrate } from './migrate'
import { forgetStackProcesses, recordStackProcesses, stopOrphans } from './orphans'
import { assertPortFree, findFreePort } from './ports'
import { startPostgres } from './postgres'
import { startPostgrest } from './postgrest'
import { startRealtime } from './realtime/server'
import type { Supervision } from './supervision'

export type StackOptions = {
  dataDir: string
  apiPort: number
  dbPort: number
  /** Where e-mailed links point (the app's URL), as Supabase Auth's SITE_URL. */
  siteUrl: string
  jwtSecret?: string
  /** false for throw-away test stacks: no fsync. */
  durable?: boolean
  /** bcrypt cost; Supabase uses 10. */
  bcryptCost?: number
  /** Build the living demo of supabase/local/demo (accounts, groups at work) on first boot. */
  demoAccounts?: boolean
  /** Minimum seconds between two e-mails of one kind to one user (Supabase's max_frequency). */
  emailMinIntervalSeconds?: number
  /** Overrides of supabase/config.toml's [auth] settings (tests run both ways). */
  auth?: AuthOverrides
  /** Restart Postgres and PostgREST when they die, reporting each restart to `log`. */
  supervise?: Supervision
  /** Where the stack reports what it does about processes a killed stack left behind. */
  log?: (line: string) => void
}

export type AuthOverrides = {
  enableConfirmations?: boolean
  rateLimits?: Partial<RateLimits>
  additionalRedirectUrls?: string[]
  /** Wrong one-time codes for one address before its outstanding codes are voided (5). */
  maxWrongCodes?: number
  /** Proxies in front of the gateway whose X-Forwarded-For names the client (none). */
  trustedProxies?: string[]
}

export type LocalStack = {
  apiUrl: string
  dbUrl: string
  anonKey: string
  serviceRoleKey: string
  jwtSecret: string
  firstBoot: boolean
  migrationsApplied: string[]
  /** The process ids of the stack's servers now (they change when a supervised one restarts). */
  processes(): { postgres?: number; postgrest?: number }
  stop(): Promise<void>
}

export async function startStack(options: StackOptions): Promise<LocalStack> {
  const jwtSecret = options.jwtSecret ?? localJwtSecret
  // First what a killed stack left on this folder (or who still runs on it), then the ports.
  await stopOrphans(options.dataDir, options.log)
  await assertPortFree(options.apiPort, 'API gateway')
  const stoppers: Array<() => Promise<void>> = []
  const stopAll = async () => {
    for (const stop of stoppers.splice(0).reverse()) await stop().catch(() => undefined)
  }
  try {
    // Written before anything starts, so that a stack killed while it boots is cleaned up too.
    const record = { owner: process.pid, postgrest: undefined as number | undefined }
    await recordStackProcesses(options.dataDir, record)
    stoppers.push(() => forgetStackProcesses(options.dataDir))
    const postgres = await startPostgres({
      dataDir: options.dataDir,
      port: options.dbPort,
      password: 'postgres',
      durable: options.durable ?? true,
      supervise: options.supervise,
    })
    stoppers.push(postgres.stop)
    const authenticatorPassword = randomBytes(18).toString('base64url')
    const { applied } = await migrate(postgres.url, {
      authenticatorPassword,
      seed: postgres.firstBoot,
      demoAccounts: postgres.firstBoot && (options.demoAccounts ?? false),
    })

    const postgrest = await startPostgrest({
      databaseUrl: `postgresql://authenticator:${authenticatorPassword}@127.0.0.1:${options.dbPort}/postgres`,
      port: await findFreePort(),
      jwtSecret,
      supervise: options.supervise,
      onLaunch: (pid) => {
        record.postgrest = pid
        void recordStackProcesses(options.dataDir, record).catch(() => undefined)
      },
    })
    stoppers.push(postgrest.stop)

    const db = new pg.Pool({ connectionString: postgres.url, max: 10 })
    db.on('error', () => undefined)
    stoppers.push(() => db.end())

    const apiUrl = `http://127.0.0.1:${options.apiPort}`
    const [anonKey, serviceRoleKey] = await Promise.all([
      signApiKey(jwtSecret, 'anon'),
      signApiKey(jwtSecret, 'service_role'),
    ])
    const config = readAuthConfig()
    const overrides = options.auth ?? {}
    const auth = createAuthHandler(db, {
      jwtSecret,
      jwtExpirySeconds: config.jwtExpirySeconds,
      issuer: `${apiUrl}/auth/v1`,
      refreshTokenReuseInterval: config.refreshTokenReuseInterval,
      siteUrl: options.siteUrl,
      additionalRedirectUrls: overrides.additionalRedirectUrls ?? config.additionalRedirectUrls,
      bcryptCost: options.bcryptCost ?? 10,
      otpExpirySeconds: config.otpExpirySeconds,
      emailMinIntervalSeconds: options.emailMinIntervalSeconds ?? config.emailMinIntervalSeconds,
      enableConfirmations: overrides.enableConfirmations ?? config.enableConfirmations,
      rateLimits: { ...config.rateLimits, ...overrides.rateLimits },
      subjects: config.subjects,
      maxWrongCodes: overrides.maxWrongCodes ?? 5,
    })
    const realtime = await startRealtime({
      databaseUrl: postgres.url,
      db,
      jwtSecret,
      apiKeys: [anonKey, serviceRoleKey],
    })
    stoppers.push(realtime.stop)
    const gateway = await startGateway({
      port: options.apiPort,
      postgrestUrl: postgrest.url,
      auth,
      db,
      apiKeys: [anonKey, serviceRoleKey],
      realtime,
      trustedProxies: overrides.trustedProxies,
    })
    stoppers.push(gateway.stop)

    return {
      apiUrl,
      dbUrl: postgres.url,
      anonKey,
      serviceRoleKey,
      jwtSecret,
      firstBoot: postgres.firstBoot,
      migrationsApplied: applied,
      processes: () => ({ postgres: postgres.pid(), postgrest: postgrest.pid() }),
      stop: stopAll,
    }
  } catch (error) {
    await stopAll()
    throw error
  }
}
