// The living demo of the local stack: accounts for every role, members in every borough, and
// in every group proposals at every stage, from a draft with an invitation to co-author to the
// candidate's public answer. Everything after the accounts is done as the member who would do
// it (see acting.ts), so the rules and triggers of real use make it and keep its counters
// exact; it runs in the first boot's transaction and checks private.counter_drift() last.
import { act, actAs, prepareActing, randomFrom, type Db } from './acting'
import { playBallots } from './ballots'
import { stories } from './content/index'
import {
  boroughMemberKeys,
  boroughs,
  demoPassword,
  facilitatorOf,
  generatedPeople,
  groupSlugs,
  namedPeople,
  type Borough,
  type DemoPerson,
  type GroupSlug,
} from './people'
import { documentOf, type CommentSpec, type ProposalSpec, type Who } from './story'

const hour = 3_600_000
const day = 24 * hour

type Member = DemoPerson & { id: string }

export async function seedDemo(db: Db) {
  const began = Date.now()
  const ago = (days: number) => new Date(began - days * day)
  await prepareActing(db)
  // Another campaign's seed.sql has other groups: the story is this campaign's, so it then
  // makes only the accounts of the roles (an admin and a candidate to try the forum with).
  const groups = await groupIds(db)
  const everyone = groups ? [...namedPeople, ...generatedPeople()] : namedPeople.slice(0, 2)
  const people = await createAccounts(db, everyone, ago)
  const byKey = new Map(people.map((person) => [person.key, person]))
  const person = (key: string) => {
    const found = byKey.get(key)
    if (!found) throw new Error(`The demo has no account "${key}"`)
    return found
  }

  // The first admin is made by whoever installs the forum; everything else by people.
  await act(db, null, ago(210), (q) =>
    q.query(`insert into public.site_roles (user_id, role) values ($1, 'admin')`, [
      person('admin').id,
    ]),
  )
  await act(db, person('admin').id, ago(205), async (q) => {
    await q.query(`insert into public.site_roles (user_id, role) values ($1, 'candidate')`, [
      person('candidate').id,
    ])
    for (const slug of groups ? groupSlugs : []) {
      await q.query(
        `insert into public.group_members (group_id, user_id, role) values ($1, $2, 'facilitator')`,
        [groups![slug], person(facilitatorOf[slug]).id],
      )
    }
  })
  if (!groups) return { members: people.length, story: false }

  const members = await joinGroups(db, people, groups, person, ago)

  const play = new Player(db, groups, members, person, ago)
  for (const story of stories) {
    for (const spec of story.proposals) await play.discuss(story.slug, spec)
  }
  await play.curate(stories)
  await playBallots(db, groups, person, ago)
  await requestsStillWaiting(db, people, groups, members, ago)
  await assertExact(db)
  return { members: people.length, story: true }
}

async function createAccounts(db: Db, everyone: DemoPerson[], ago: (days: number) => Date) {
  // One hash for all: the demo's password is public anyway, and bcrypt at cost 10 per account
  // would take seconds.
  const {
    rows: [{ hash }],
  } = await db.query<{ hash: string }>(
    `select extensions.crypt($1, extensions.gen_salt('bf', 10)) as hash`,
    [demoPassword],
  )
  const made: Member[] = []
  for (const person of everyone) {
    const created = ago(person.joinedDaysAgo)
    const { rows } = await act(db, null, created, (q) =>
      q.query<{ id: string }>(
        `insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
           email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
         values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated',
           'authenticated', $1, $2, $3, '{"provider": "email", "providers": ["email"]}'::jsonb,
           jsonb_build_object('display_name', $4::text, 'region', $5::text), $3, $3)
         returning id`,
        [person.email, hash, created.toISOString(), person.displayName, person.region],
      ),
    )
    made.push({ ...person, id: rows[0]!.id })
  }
  return made
}

async function groupIds(db: Db) {
  const { rows } = await db.query<{ slug: GroupSlug; id: string }>(
    'select slug, id from public.groups',
  )
  const ids = Object.fromEntries(rows.map((row) => [row.slug, row.id])) as Record<GroupSlug, string>
  return groupSlugs.every((slug) => ids[slug]) ? ids : null
}

/** Each group's active members by borough, in the order they joined. */
type Rosters = Record<GroupSlug, Member[]>

/** Named members join every group; the others two or three each. The schools group takes
 * requests, which its facilitator approves a day or two later. */
async function joinGroups(
  db: Db,
  people: Member[],
  groups: Record<GroupSlug, string>,
  person: (key: string) => Member,
  ago: (days: number) => Date,
): Promise<Rosters> {
  const rosters = Object.fromEntries(groupSlugs.map((slug) => [slug, [] as Member[]])) as Rosters
  for (const slug of groupSlugs) rosters[slug].push(person(facilitatorOf[slug]))
  const requests: Member[] = []
  for (const member of people) {
    const named = (boroughMemberKeys as readonly string[]).includes(member.key)
    if (!named && !member.key.startsWith('m')) continue
    const chance = randomFrom(`joins:${member.key}`)
    const chosen = groupSlugs.filter(() => named || chance() < 0.6)
    if (!chosen.length) continue
    await act(db, member.id, ago(member.joinedDaysAgo - 1), async (q) => {
      for (const slug of chosen) {
        await q.query('insert into public.group_members (group_id, user_id) values ($1, $2)', [
          groups[slug],
          member.id,
        ])
      }
    })
    for (const slug of chosen) {
      if (slug === 'schools') requests.push(member)
      else rosters[slug].push(member)
    }
  }
  // Sam decides the requests in batches, as they come in.
  const sam = person(facilitatorOf.schools)
  for (const member of requests) {
    await act(db, sam.id, ago(member.joinedDaysAgo - 2), (q) =>
      q.query(
        `update public.group_members set status = 'active' where group_id = $1 and user_id = $2`,
        [groups.schools, member.id],
      ),
    )
    rosters.schools.push(member)
  }
  return rosters
}

/** A few requests to join Schools arrive in the last two days: Sam's to decide. */
async function requestsStillWaiting(
  db: Db,
  people: Member[],
  groups: Record<GroupSlug, string>,
  rosters: Rosters,
  ago: (days: number) => Date,
) {
  const outside = people.filter(
    (member) => member.key.startsWith('m') && !rosters.schools.some((m) => m.id === member.id),
  )
  for (const [index, member] of outside.slice(0, 3).entries()) {
    await act(db, member.id, ago(2 - index * 0.6), (q) =>
      q.query('insert into public.group_members (group_id, user_id) values ($1, $2)', [
        groups.schools,
        member.id,
      ]),
    )
  }
}

type Played = { id: string; spec: ProposalSpec; slug: GroupSlug; authors: Set<string> }

class Player {
  private readonly played = new Map<string, Played>()
  /** How often each member has been picked to speak or write, to spread the parts. */
  private readonly turns = new Map<string, number>()

  constructor(
    private readonly db: Db,
    private readonly groups: Record<GroupSlug, string>,
    private readonly rosters: Rosters,
    private readonly person: (key: string) => Member,
    private readonly ago: (days: number) => Date,
  ) {}

  /** A named account, or the member of the group from that borough who has done least. */
  private who(slug: GroupSlug, who: Who, not: Set<string> = new Set()): Member {
    if (!(boroughs as readonly string[]).includes(who)) return this.person(who)
    const candidates = this.rosters[slug].filter(
      (m) => m.region === who && m.key.startsWith('m') && !not.has(m.id),
    )
    if (!candidates.length) throw new Error(`No member of ${slug} from ${who} left to speak`)
    let chosen = candidates[0]!
    for (const m of candidates) {
      if ((this.turns.get(m.id) ?? 0) < (this.turns.get(chosen.id) ?? 0)) chosen = m
    }
    this.turns.set(chosen.id, (this.turns.get(chosen.id) ?? 0) + 1)
    return chosen
  }

  async discuss(slug: GroupSlug, spec: ProposalSpec) {
    const author = this.who(slug, spec.author)
    const published = this.ago(spec.daysAgo)
    const at = (hours: number) => new Date(published.getTime() + hours * hour)
    const id = await act(this.db, author.id, at(-20), async (q) => {
      const { rows } = await q.query<{ id: string }>(
        `insert into public.proposals (group_id, title, summary, body) values ($1, $2, $3, $4)
         returning id`,
        [this.groups[slug], spec.title, spec.summary, JSON.stringify(documentOf(spec.body))],
      )
      return rows[0]!.id
    })
    const authors = new Set([author.id])
    for (const [index, coauthorWho] of (spec.coauthors ?? []).entries()) {
      const coauthor = this.who(slug, coauthorWho, authors)
      await this.invite(author, coauthor, id, at(-18 + index))
      await act(this.db, coauthor.id, at(-12 + index), (q) =>
        q.query(
          `update public.proposal_authors set accepted_at = now()
            where proposal_id = $1 and user_id = $2`,
          [id, coauthor.id],
        ),
      )
      authors.add(coauthor.id)
    }
    const played: Played = { id, spec, slug, authors }
    this.played.set(spec.key, played)
    if (spec.stage !== 'draft') {
      await act(this.db, author.id, published, (q) =>
        q.query('select public.publish_proposal($1)', [id]),
      )
      for (const comment of spec.comments ?? []) await this.comment(played, comment, published)
      await this.vote(played, at(30))
      if (spec.revision) {
        const editor = spec.revision.by ? this.who(slug, spec.revision.by) : author
        await act(this.db, editor.id, at(spec.revision.after), (q) =>
          q.query(
            `update public.proposals set title = $2, summary = $3, body = $4, change_note = $5 where id = $1`,
            [
              id,
              spec.revision!.title ?? spec.title,
              spec.revision!.summary ?? spec.summary,
              JSON.stringify(documentOf(spec.revision!.body)),
              spec.revision!.note,
            ],
          ),
        )
      }
      if (spec.pinned) {
        await act(this.db, this.person(facilitatorOf[slug]).id, at(48), (q) =>
          q.query('select public.set_proposal_pinned($1, true)', [id]),
        )
      }
    }
    if (spec.invite) {
      const invitee = this.who(slug, spec.invite, authors)
      const when = spec.stage === 'draft' ? published : at(60)
      await this.invite(author, invitee, id, when)
    }
  }

  private invite(author: Member, invitee: Member, proposal: string, when: Date) {
    return act(this.db, author.id, when, (q) =>
      q.query('insert into public.proposal_authors (proposal_id, user_id) values ($1, $2)', [
        proposal,
        invitee.id,
      ]),
    )
  }

  private async comment(
    played: Played,
    spec: CommentSpec,
    since: Date,
    parent?: { id: string; author: string },
  ) {
    const author = this.who(played.slug, spec.by, new Set(parent ? [parent.author] : []))
    const when = new Date(since.getTime() + spec.after * hour)
    const commentId = await act(this.db, author.id, when, async (q) => {
      const { rows } = await q.query<{ id: string }>(
        `insert into public.comments (proposal_id, parent_id, body, stance)
         values ($1, $2, $3, $4) returning id`,
        [played.id, parent?.id ?? null, spec.text, spec.stance ?? null],
      )
      return rows[0]!.id
    })
    for (const reply of spec.replies ?? [])
      await this.comment(played, reply, when, { id: commentId, author: author.id })
    if (spec.report) await this.report(played, commentId, author, spec.report, when)
  }

  /** Members report a comment; with `hide`, the group's facilitator upholds the first report. */
  private async report(
    played: Played,
    commentId: string,
    author: Member,
    report: NonNullable<CommentSpec['report']>,
    when: Date,
  ) {
    let firstFlag: string | null = null
    for (const [index, reporterWho] of report.by.entries()) {
      const reporter = this.who(played.slug, reporterWho, new Set([author.id]))
      const flag = await act(
        this.db,
        reporter.id,
        new Date(when.getTime() + (index + 1) * 2 * hour),
        async (q) => {
          const { rows } = await q.query<{ id: string }>(
            'select id from public.flag_content($1, comment_id => $2)',
            [report.reason, commentId],
          )
          return rows[0]!.id
        },
      )
      firstFlag ??= flag
    }
    if (report.hide && firstFlag) {
      const facilitator = this.person(facilitatorOf[played.slug])
      await act(this.db, facilitator.id, new Date(when.getTime() + 9 * hour), (q) =>
        q.query(`select public.resolve_flag($1, 'hide', $2)`, [firstFlag, report.hide]),
      )
    }
  }

  /** Each borough's members of the group vote as the proposal's tallies say. */
  private async vote(played: Played, when: Date) {
    const { spec } = played
    const chance = randomFrom(`votes:${spec.key}`)
    const ballots: Array<[string, 1 | -1]> = []
    for (const member of this.rosters[played.slug]) {
      const b = boroughs.indexOf(member.region as Borough)
      const forced = spec.votes?.[member.key]
      const turnout = chance()
      const leaning = chance()
      if (played.authors.has(member.id)) ballots.push([member.id, 1])
      else if (forced) ballots.push([member.id, forced])
      else if (turnout < (spec.turnout?.[b] ?? 0.7))
        ballots.push([member.id, leaning < (spec.support?.[b] ?? 0.7) ? 1 : -1])
    }
    await act(this.db, ballots[0]![0], when, async (q) => {
      for (const [voter, value] of ballots) {
        await actAs(q, voter)
        await q.query('insert into public.votes (proposal_id, value) values ($1, $2)', [
          played.id,
          value,
        ])
      }
    })
  }

  /** The facilitators' and the candidate's decisions, in the order they were taken. */
  async curate(stories: Array<{ slug: GroupSlug; proposals: ProposalSpec[] }>) {
    type Step = { days: number; run: () => Promise<unknown> }
    const steps: Step[] = []
    let answers = 0
    for (const story of stories) {
      const facilitator = this.person(facilitatorOf[story.slug])
      for (const spec of story.proposals) {
        const played = this.played.get(spec.key)!
        const transition = (days: number, verb: string, reason?: string, into?: string) =>
          steps.push({
            days,
            run: () =>
              act(this.db, facilitator.id, this.ago(days), (q) =>
                q.query('select public.transition_proposal($1, $2, $3, $4)', [
                  played.id,
                  verb,
                  reason ?? null,
                  into ?? null,
                ]),
              ),
          })
        const shortlisted = spec.shortlistedDaysAgo ?? Math.max(spec.daysAgo * 0.5, 1)
        const forwarded = spec.forwardedDaysAgo ?? Math.max(spec.daysAgo * 0.3, 0.5)
        if (spec.stage === 'archived') transition(spec.daysAgo * 0.6, 'archive', spec.reason)
        if (spec.stage === 'merged') {
          const into = this.played.get(spec.mergeInto ?? '')
          if (!into) throw new Error(`"${spec.key}" merges into an unknown proposal`)
          transition(spec.daysAgo * 0.6, 'merge', undefined, into.id)
        }
        if (['shortlisted', 'forwarded', 'adopted', 'considering', 'declined'].includes(spec.stage))
          transition(shortlisted, 'shortlist')
        if (['forwarded', 'adopted', 'considering', 'declined'].includes(spec.stage))
          transition(forwarded, 'forward')
        if (spec.answer) {
          const decision = spec.stage
          const explanation = spec.answer
          // The answers keep the real time of the seed (their dates follow the clock), so
          // they are the story's last acts, a minute or two before it, as their notifications.
          const days = (120 - answers++ * 10) / 86_400
          steps.push({
            days,
            run: () =>
              act(this.db, this.person('candidate').id, this.ago(days), (q) =>
                q.query('select public.answer_proposal($1, $2, $3)', [
                  played.id,
                  decision,
                  explanation,
                ]),
              ),
          })
        }
      }
    }
    steps.sort((a, b) => b.days - a.days)
    for (const step of steps) await step.run()
  }
}

/** The demo is made by the rules, so its counters must be exact; say so loudly if not. */
async function assertExact(db: Db) {
  const drift = await db.query('select * from private.counter_drift()')
  const counts = await db.query('select * from private.proposal_count_drift()')
  if (drift.rows.length || counts.rows.length) {
    throw new Error(
      `The demo left counters that disagree with their rows: ${JSON.stringify([...drift.rows, ...counts.rows])}`,
    )
  }
}
