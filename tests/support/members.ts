// Test fixtures: members with known passwords, signed in through supabase-js.
import { randomUUID } from 'node:crypto'
import { newClient, serviceClient, type Client } from './clients'
import { sql } from './sql'

export const testPassword = 'correct-horse-battery'

export type Member = {
  id: string
  email: string
  password: string
  displayName: string
  client: Client
}

export function uniqueEmail(prefix = 'member') {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`
}

export async function createMember(
  options: { displayName?: string; region?: string | null; email?: string } = {},
): Promise<Member> {
  const email = options.email ?? uniqueEmail()
  const displayName = options.displayName ?? `Member ${email.slice(7, 13)}`
  const { data, error } = await serviceClient().auth.admin.createUser({
    email,
    password: testPassword,
    email_confirm: true,
    user_metadata: {
      display_name: displayName,
      region: options.region === undefined ? 'liverpool' : options.region,
    },
  })
  if (error || !data.user) throw error ?? new Error('createUser returned no user')
  const client = await signInAs({ email, password: testPassword })
  return { id: data.user.id, email, password: testPassword, displayName, client }
}

export async function signInAs(credentials: { email: string; password: string }): Promise<Client> {
  const client = newClient()
  const { error } = await client.auth.signInWithPassword(credentials)
  if (error) throw error
  return client
}

export async function grantSiteRole(member: Member, role: 'admin' | 'candidate') {
  await sql().query(
    'insert into public.site_roles (user_id, role) values ($1, $2) on conflict do nothing',
    [member.id, role],
  )
}

export async function createAdmin(): Promise<Member> {
  const member = await createMember({ displayName: 'Tess Keeper' })
  await grantSiteRole(member, 'admin')
  return member
}
