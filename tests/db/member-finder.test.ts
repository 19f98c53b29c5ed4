// Pickers that tell people apart: find_members() shows what separates two members of the same
// name (borough as others see it, when they joined), e-mail addresses to admins only, a
// group's members only to those who may see them, and nothing to visitors.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { anonClient } from '../support/clients'
import { expectOk } from '../support/expect'
import { addMembership, createGroup, type TestGroup } from '../support/groups'
import { createAdmin, createMember, type Member } from '../support/members'
import { sql } from '../support/sql'

// A name no other test uses, shared by three members, as the demo's six "Pat Jones" are.
const name = `Sam Twin ${randomUUID().slice(0, 6)}`
let group: TestGroup
let inGroup: Member
let hidesBorough: Member
let outsider: Member
let admin: Member

beforeAll(async () => {
  group = await createGroup({ joinPolicy: 'request' })
  inGroup = await createMember({ displayName: name, region: 'wirral' })
  hidesBorough = await createMember({ displayName: name, region: 'sefton' })
  await createMember({ displayName: `${name} Junior`, region: 'halton' })
  outsider = await createMember()
  admin = await createAdmin()
  await addMembership(group, inGroup)
  await addMembership(group, hidesBorough)
  await sql().query(
    "update public.group_members set joined_at = '2026-03-04T10:00:00Z' where group_id = $1 and user_id = $2",
    [group.id, inGroup.id],
  )
  expectOk(
    await hidesBorough.client
      .from('profiles')
      .update({ borough_public: false })
      .eq('id', hidesBorough.id)
      .select('id'),
  )
})

async function find(member: Member, query: string, inGroupId?: string) {
  return expectOk(
    await member.client.rpc('find_members', { query, in_group: inGroupId ?? undefined }),
  )!
}

describe('finding a member', () => {
  it('tells members of one name apart by borough and join date, the exact name first', async () => {
    const found = await find(outsider, name)
    expect(found.map((row) => row.display_name)).toEqual([name, name, `${name} Junior`])
    const wirral = found.find((row) => row.id === inGroup.id)
    expect(wirral?.borough).toBe('Wirral')
    // A borough kept private stays private in a picker too.
    expect(found.find((row) => row.id === hidesBorough.id)?.borough).toBeNull()
    expect(found.every((row) => row.joined_at)).toBe(true)
  })

  it('shows e-mail addresses to admins only', async () => {
    expect((await find(outsider, name)).every((row) => row.email === null)).toBe(true)
    const forAdmin = await find(admin, name)
    expect(forAdmin.find((row) => row.id === inGroup.id)?.email).toBe(inGroup.email)
  })

  it('lists a group’s members, with the date they joined it, to its members only', async () => {
    const found = await find(inGroup, name, group.id)
    expect(found.map((row) => row.id).sort()).toEqual([inGroup.id, hidesBorough.id].sort())
    expect(found.find((row) => row.id === inGroup.id)?.joined_at).toBe('2026-03-04T10:00:00+00:00')
    // Someone outside a request-to-join group learns nothing of who is in it.
    expect(await find(outsider, name, group.id)).toEqual([])
    expect((await find(admin, name, group.id)).length).toBe(2)
  })

  it('needs two characters and treats % and _ as text', async () => {
    expect(await find(outsider, 'S')).toEqual([])
    expect(await find(outsider, '%%')).toEqual([])
    expect(await find(outsider, '__')).toEqual([])
  })

  it('answers visitors with nothing, and the owner’s function is out of their reach', async () => {
    const { data, error } = await anonClient().rpc('find_members', { query: name })
    expect(data).toBeNull()
    expect(error?.message).toMatch(/permission denied/)
    const { error: privateError } = await outsider.client
      .schema('private' as 'public')
      .rpc('find_members', { query: name, in_group: null, result_limit: 20 } as never)
    expect(privateError).not.toBeNull()
  })
})
