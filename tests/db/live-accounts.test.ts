// A write needs a live account and a live session: after "delete my account" (or signing out
// everywhere) the old access token, still within its expiry, can change nothing; the refresh
// token and every e-mailed link are dead at once.
import { createClient } from '@supabase/supabase-js'
import { describe, expect, it } from 'vitest'
import type { Database } from '../../app/types/database'
import { nodeRealtime } from '../../app/utils/node-realtime.server'
import { anonClient, stackInfo } from '../support/clients'
import { addMembership, createGroup } from '../support/groups'
import { createMember, signInAs, type Member } from '../support/members'
import { latestMail } from '../support/outbox'
import { createProposal, documentOf } from '../support/proposals'
import { sql } from '../support/sql'

/** A client that presents this access token and nothing else, as a stolen token would be used. */
function clientWithToken(accessToken: string) {
  const { apiUrl, anonKey } = stackInfo()
  return createClient<Database>(apiUrl, anonKey, {
    global: { headers: { Authorization: `Bearer ${accessToken}` } },
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: nodeRealtime,
  })
}

async function tokensOf(member: Member) {
  const { data } = await member.client.auth.getSession()
  return { access: data.session!.access_token, refresh: data.session!.refresh_token }
}

type Attempt = { error: { code?: string; message: string } | null }

function expectSessionEnded(result: Attempt) {
  expect(result.error, 'expected the write to be refused').not.toBeNull()
  expect(result.error?.code).toBe('42501')
  expect(result.error?.message).toBe('This session has ended. Sign in again to make changes.')
}

/** Every kind of write a member makes, with the given token. */
async function tryEveryWrite(
  token: string,
  member: Member,
  targets: { group: string; proposal: string },
) {
  const client = clientWithToken(token)
  return {
    profile: await client.from('profiles').update({ bio: 'Still here' }).eq('id', member.id),
    comment: await client.from('comments').insert({ proposal_id: targets.proposal, body: 'Boo' }),
    vote: await client.from('votes').insert({ proposal_id: targets.proposal, value: -1 }),
    flag: await client.rpc('flag_content', { proposal_id: targets.proposal, reason: 'Spam' }),
    proposal: await client.from('proposals').insert({
      group_id: targets.group,
      title: 'Written by a ghost',
      summary: 'Should not exist.',
      body: documentOf('Nothing.'),
    }),
  }
}

async function setUp() {
  const group = await createGroup()
  const author = await createMember()
  const member = await createMember({ displayName: 'Soon Gone' })
  await addMembership(group, author)
  await addMembership(group, member)
  const proposal = await createProposal(author, group, { publish: true })
  return { member, targets: { group: group.id, proposal: proposal.id } }
}

async function writesBy(memberId: string) {
  const { rows } = await sql().query(
    `select (select count(*) from public.comments where author_id = $1)::int as comments,
            (select count(*) from public.votes where user_id = $1)::int as votes,
            (select count(*) from public.flags where reporter_id = $1)::int as flags,
            (select count(*) from public.proposals where author_id = $1)::int as proposals,
            (select bio from public.profiles where id = $1) as bio`,
    [memberId],
  )
  return rows[0]
}

describe('a deleted account', () => {
  it('can change nothing with its old access token, and its refresh token and links are dead', async () => {
    const { member, targets } = await setUp()
    const { access, refresh } = await tokensOf(member)
    // A password-reset link is waiting in the mailbox when the account goes.
    expect((await anonClient().auth.resetPasswordForEmail(member.email)).error).toBeNull()
    const link = new URL((await latestMail(member.email)).link!)

    expect((await member.client.rpc('delete_my_account')).error).toBeNull()

    const attempts = await tryEveryWrite(access, member, targets)
    for (const result of Object.values(attempts)) expectSessionEnded(result)
    expect(await writesBy(member.id)).toEqual({
      comments: 0,
      votes: 0,
      flags: 0,
      proposals: 0,
      bio: '',
    })

    const refreshed = await anonClient().auth.refreshSession({ refresh_token: refresh })
    expect(refreshed.error?.code).toBe('refresh_token_not_found')
    const reset = await anonClient().auth.verifyOtp({
      token_hash: link.searchParams.get('token_hash')!,
      type: 'recovery',
    })
    expect(reset.error?.code).toBe('otp_expired')
    const { rowCount } = await sql().query(
      'select 1 from auth.one_time_tokens where user_id = $1 union all select 1 from auth.refresh_tokens r join auth.sessions s on s.id = r.session_id where s.user_id = $1',
      [member.id],
    )
    expect(rowCount).toBe(0)
  })
})

describe('a session that has been signed out', () => {
  it('can change nothing, while the same member signed in elsewhere still can', async () => {
    const { member, targets } = await setUp()
    const { access } = await tokensOf(member)
    const elsewhere = await signInAs(member)
    // PostgREST has accepted this token already (and keeps that check until the token
    // expires, supabase/local/postgrest.ts): the session's end must still count.
    const before = await clientWithToken(access).from('profiles').select('id').eq('id', member.id)
    expect(before.error).toBeNull()
    expect(before.data).toEqual([{ id: member.id }])
    // Sign out this session only: its access token is still unexpired.
    expect((await member.client.auth.signOut({ scope: 'local' })).error).toBeNull()

    const attempts = await tryEveryWrite(access, member, targets)
    for (const result of Object.values(attempts)) expectSessionEnded(result)

    const { data: live } = await elsewhere.auth.getSession()
    const allowed = await tryEveryWrite(live.session!.access_token, member, targets)
    for (const result of Object.values(allowed)) expect(result.error).toBeNull()
    expect(await writesBy(member.id)).toMatchObject({
      comments: 1,
      votes: 1,
      flags: 1,
      proposals: 1,
    })
  })
})

describe('every public table', () => {
  it('refuses writes from ended sessions (a new table needs the trigger too)', async () => {
    const { rows } = await sql().query<{ table: string }>(
      `select c.relname as table
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
          and not exists (
            select 1 from pg_trigger t
             where t.tgrelid = c.oid and t.tgname = 'refuse_ended_sessions' and t.tgenabled <> 'D'
          )`,
    )
    expect(rows.map((row) => row.table)).toEqual([])
  })
})
