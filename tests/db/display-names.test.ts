// Names cannot impersonate (issue 11, item 10): members renaming themselves through the API
// with role names, look-alikes and bidi tricks; the badge comes from roles, not from names.
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectOk } from '../support/expect'
import { createCast, type Cast } from '../support/groups'
import { createMember, grantSiteRole } from '../support/members'
import { sql } from '../support/sql'

let cast: Cast

beforeAll(async () => {
  cast = await createCast('open')
})

const roleSentence =
  'Choose a name that does not claim a role: the forum itself marks the candidate, facilitators and admins.'

async function rename(client: Cast['member']['client'], id: string, name: string) {
  return client.from('profiles').update({ display_name: name }).eq('id', id).select('display_name')
}

async function storedName(id: string) {
  const { data } = await anonClient().from('profiles').select('display_name').eq('id', id).single()
  return data?.display_name
}

describe('display names', () => {
  it.each([
    'The Candidate',
    'Candidate',
    'the   CANDIDATE',
    'C a n d i d a t e',
    'Thе Cаndidаte', // Cyrillic е and а
    'Cándidate',
    'The Cand\u200Bidate', // zero-width space
    'The \u202ECandidate\u202C', // right-to-left override
    '\u2067Facilitator\u2069', // right-to-left isolate
    'Facilitator',
    'Jane (Facilitator)',
    'Admin',
    'adm1n',
    'Moderator',
    'Official Moderators',
  ])('a member cannot rename themself %j', async (name) => {
    const member = await createMember({ displayName: 'Honest Name' })
    const result = await rename(member.client, member.id, name)
    expect(result.error?.code).toBe('P0001')
    expect(result.error?.message).toBe(roleSentence)
    expect(await storedName(member.id)).toBe('Honest Name')
  })

  it("refuses the campaign's name", async () => {
    const { rows } = await sql().query('select name from public.campaign')
    const member = await createMember({ displayName: 'Honest Name' })
    const result = await rename(member.client, member.id, `  ${rows[0].name.toUpperCase()} `)
    expect(result.error?.message).toBe(
      "Choose your own name: the campaign's name is for the campaign.",
    )
    expect(await storedName(member.id)).toBe('Honest Name')
  })

  it('strips control, bidi and zero-width characters and normalises spaces', async () => {
    const member = await createMember()
    const result = await rename(
      member.client,
      member.id,
      '\u2066Ann\u2069\u00A0\u00A0 \u200BMarie\u202A\tO\u200DBrien\u202C\u3000',
    )
    expect(expectOk(result)[0].display_name).toBe('Ann Marie OBrien')
  })

  it('refuses a name with nothing visible left', async () => {
    const member = await createMember({ displayName: 'Honest Name' })
    const result = await rename(member.client, member.id, '\u200B\u202E\u2066 \u00A0')
    expect(result.error?.code).toBe('23514')
    expect(result.error?.message).toBe(
      'Your name needs at least one letter you can see, and at most 80 characters.',
    )
    expect(await storedName(member.id)).toBe('Honest Name')
  })

  it('keeps honest names that merely contain the letters', async () => {
    const member = await createMember()
    for (const name of ['Badminton Bob', 'Candice Dateman', 'Modesto Ratoré']) {
      expect(expectOk(await rename(member.client, member.id, name))[0].display_name).toBe(name)
    }
  })

  it('sign-up through the API with a role name or bidi characters gets a plain name', async () => {
    const impostor = await createMember({ displayName: 'The Candidate' })
    expect(await storedName(impostor.id)).toBe('Member')
    const tricky = await createMember({ displayName: '\u202EJo\u200B  Bloggs' })
    expect(await storedName(tricky.id)).toBe('Jo Bloggs')
  })

  it('never refuses the fallback name, even when a candidate is called "Member"', async () => {
    const oddCandidate = await createMember()
    await sql().query(`update public.profiles set display_name = 'Member' where id = $1`, [
      oddCandidate.id,
    ])
    await grantSiteRole(oddCandidate, 'candidate')
    try {
      const impostor = await createMember({ displayName: 'The Candidate' })
      expect(await storedName(impostor.id)).toBe('Member')
    } finally {
      await sql().query(`delete from public.site_roles where user_id = $1`, [oddCandidate.id])
    }
  })

  it('tells anyone, before sign-up, why a name is refused', async () => {
    const anon = anonClient()
    expect((await anon.rpc('display_name_problem', { name: 'The Candidate' })).data).toBe(
      roleSentence,
    )
    expect((await anon.rpc('display_name_problem', { name: 'Jo Bloggs' })).data).toBeNull()
  })

  it('the real candidate and facilitators carry a badge the member cannot set', async () => {
    const { data } = await anonClient()
      .from('profiles')
      .select('id, role_badge')
      .in('id', [cast.candidate.id, cast.facilitator.id, cast.member.id])
    const badges = Object.fromEntries((data ?? []).map((p) => [p.id, p.role_badge]))
    expect(badges).toEqual({
      [cast.candidate.id]: 'candidate',
      [cast.facilitator.id]: 'facilitator',
      [cast.member.id]: null,
    })
    const forged = await cast.member.client
      .from('profiles')
      .update({ role_badge: 'candidate' } as never)
      .eq('id', cast.member.id)
      .select('id')
    expect(forged.error).not.toBeNull()
    // The real candidate may say so in their name.
    expect(
      expectOk(await rename(cast.candidate.client, cast.candidate.id, 'Cass Runner, Candidate'))[0]
        .display_name,
    ).toBe('Cass Runner, Candidate')
    // Nobody else takes the candidate's name.
    const copycat = await createMember()
    expect(
      (await rename(copycat.client, copycat.id, 'cass  runner candidate')).error?.message,
    ).toBe(roleSentence)
    const realName = await storedName(cast.candidate.id)
    await rename(cast.candidate.client, cast.candidate.id, cast.candidate.displayName)
    expect(
      (await rename(copycat.client, copycat.id, ` ${cast.candidate.displayName.toUpperCase()}.`))
        .error?.message,
    ).toBe(
      "That is the candidate's name on this forum. Choose another, for example with your borough.",
    )
    expect(realName).toBe('Cass Runner, Candidate')
  })
})
