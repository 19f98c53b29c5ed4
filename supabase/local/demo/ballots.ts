// The demo's priority ballots, played as the members: in Buses a ballot that has closed and
// been counted (its rounds on show), in Housing one still open to rank. Each is opened by the
// group's facilitator (open_ballot) and ranked by its members with standing (cast_ballot), as
// through the API. The story's clock: the database owner then dates the ballot's opening and
// closing into the story (as acting.ts dates every act), and a member's first read counts it
// (count_ballot), so the count is the real one from the stored ballots.
import { act, actAs, randomFrom, type Db } from './acting'
import { facilitatorOf, type GroupSlug } from './people'

const day = 24 * 3_600_000

type Person = (key: string) => { id: string }

export async function playBallots(
  db: Db,
  groups: Record<GroupSlug, string>,
  person: Person,
  ago: (days: number) => Date,
) {
  await playBallot(db, groups.buses, person(facilitatorOf.buses).id, ago, {
    question: 'Which bus proposal should go to the candidate first?',
    openedDaysAgo: 12,
    closedDaysAgo: 5,
  })
  await playBallot(db, groups.housing, person(facilitatorOf.housing).id, ago, {
    question: 'Which housing proposal should the group put first?',
    openedDaysAgo: 2,
    closedDaysAgo: null,
  })
}

async function playBallot(
  db: Db,
  groupId: string,
  facilitator: string,
  ago: (days: number) => Date,
  story: { question: string; openedDaysAgo: number; closedDaysAgo: number | null },
) {
  // The group's open and shortlisted proposals, most supported first: up to four options.
  const { rows: options } = await db.query<{ id: string }>(
    `select id from public.proposals
      where group_id = $1 and status in ('open', 'shortlisted') and hidden_at is null
      order by top_score desc, id limit 4`,
    [groupId],
  )
  if (options.length < 2) return
  const { rows: voters } = await db.query<{ user_id: string }>(
    `select m.user_id from public.group_members m
      where m.group_id = $1 and m.status = 'active' and m.role = 'member'
        and private.has_standing(m.group_id, m.user_id)
      order by m.joined_at, m.user_id`,
    [groupId],
  )
  const opened = ago(story.openedDaysAgo)
  const ballotId = await act(db, facilitator, opened, async (q) => {
    const { rows } = await q.query<{ id: string }>(
      'select public.open_ballot($1, $2, $3, now(), now() + $4::interval) as id',
      [groupId, story.question, options.map((o) => o.id), '30 days'],
    )
    return rows[0]!.id
  })
  // Most rank two or three; the first options are a little more popular, so the count runs
  // over several rounds with transfers, and some ballots stop short (exhausted).
  const chance = randomFrom(`ballot:${story.question}`)
  const turnout = story.closedDaysAgo === null ? 0.45 : 0.75
  const cast: Array<[string, string[]]> = []
  for (const { user_id } of voters) {
    if (chance() > turnout) continue
    const ranked = options
      .map((o, i) => ({ id: o.id, weight: chance() * (1 + 0.25 * (options.length - i)) }))
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 1 + Math.floor(chance() * options.length))
      .map((o) => o.id)
    cast.push([user_id, ranked])
  }
  if (cast.length === 0) return
  await act(db, cast[0]![0], new Date(opened.getTime() + day), async (q) => {
    for (const [voter, ranking] of cast) {
      await actAs(q, voter)
      await q.query('select public.cast_ballot($1, $2)', [ballotId, ranking])
    }
  })
  // The story's dates for the ballot (the owner's, as for every act).
  const closes =
    story.closedDaysAgo === null ? new Date(Date.now() + 5 * day) : ago(story.closedDaysAgo)
  await db.query('update public.ballots set opens_at = $2, closes_at = $3 where id = $1', [
    ballotId,
    opened.toISOString(),
    closes.toISOString(),
  ])
  if (story.closedDaysAgo !== null)
    await act(db, cast[0]![0], new Date(closes.getTime() + 3_600_000), (q) =>
      q.query('select public.count_ballot($1)', [ballotId]),
    )
}
