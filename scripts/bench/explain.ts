// EXPLAIN (ANALYZE, BUFFERS) of the group page's listing query and its total, as anon sees
// them through RLS: the key numbers (time, rows read, sorts) for the bench's report.
// Needs public.proposal_counts (migration 20261203300000).
import type pg from 'pg'

const allStatuses = `'open','shortlisted','forwarded','adopted','considering','declined','archived','merged'`

export async function explainListing(db: pg.Client, groupId: string) {
  const queries = {
    listing: `select id, title, summary, status, pinned, published_at, support_count, oppose_count, comment_count
      from public.proposals where group_id = '${groupId}' and status in (${allStatuses})
      order by pinned desc, top_score desc nulls last, published_at desc limit 20 offset 0`,
    'listing, shortlisted only (one status in ten)': `select id, title, summary, status, pinned, published_at, support_count, oppose_count, comment_count
      from public.proposals where group_id = '${groupId}' and status in ('shortlisted')
      order by pinned desc, hot_score desc nulls last, published_at desc limit 20 offset 0`,
    'count exact (the total before the counters)': `select count(*) from public.proposals where group_id = '${groupId}' and status in (${allStatuses})`,
    'stored counters (the total now)': `select proposals from public.proposal_counts where group_id = '${groupId}' and status in (${allStatuses})`,
    // Embedded in the same call for the member's own drafts; a visitor sees none.
    "the viewer's drafts": `select id, title, updated_at from public.proposals
      where group_id = '${groupId}' and published_at is null order by updated_at desc`,
  }
  const out: string[] = []
  await db.query('begin')
  try {
    await db.query(`set local role anon`)
    await db.query(`select set_config('request.jwt.claims', '{"role":"anon"}', true)`)
    for (const [label, sql] of Object.entries(queries)) {
      // Twice: the second run, with the pages cached, is the one reported.
      await db.query(`explain (analyze, costs off) ${sql}`)
      const { rows } = await db.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers, costs off) ${sql}`,
      )
      out.push(`${label}:`)
      for (const row of rows) out.push(`  ${row['QUERY PLAN']}`)
    }
  } finally {
    await db.query('rollback')
  }
  return out
}
