// Live updates: supabase-js joins private Realtime channels on the local stack exactly as it
// would on hosted Supabase. Who may join is the select policy on realtime.messages; what
// arrives is what the triggers send (ids and counters only).
import type { RealtimeChannel } from '@supabase/supabase-js'
import { SignJWT } from 'jose'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { anonClient, stackInfo, type Client } from '../support/clients'
import { arrangeProposal, createWorld, type World } from '../support/lifecycle'
import { createMember } from '../support/members'

type Heard = { event: string; payload: Record<string, unknown> }

let world: World
const opened: Array<{ client: Client; channel: RealtimeChannel }> = []

beforeAll(async () => {
  world = await createWorld()
})

afterEach(async () => {
  for (const { client, channel } of opened.splice(0)) await client.removeChannel(channel)
})

/** Joins a private channel; resolves with how the join ended and what the channel hears. */
function listen(client: Client, topic: string) {
  const heard: Heard[] = []
  const statuses: string[] = []
  const channel = client.channel(topic, { config: { private: true } })
  channel.on('broadcast', { event: '*' }, (message) =>
    heard.push({ event: message.event, payload: message.payload }),
  )
  opened.push({ client, channel })
  const joined = new Promise<string>((resolve) =>
    channel.subscribe((status) => {
      statuses.push(status)
      resolve(status)
    }),
  )
  return { channel, heard, statuses, joined }
}

async function until(check: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

describe('joining private channels', () => {
  it('a member subscribed to a proposal hears when another member comments', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const listener = listen(world.author.client, `proposal:${proposal.id}`)
    expect(await listener.joined).toBe('SUBSCRIBED')
    const { data, error } = await world.member.client
      .from('comments')
      .insert({ proposal_id: proposal.id, body: 'A word from the floor.' })
      .select('id')
      .single()
    expect(error).toBeNull()
    await until(() => listener.heard.some((h) => h.event === 'comment_added'))
    const added = listener.heard.find((h) => h.event === 'comment_added')!
    expect(added.payload).toMatchObject({ comment_id: data!.id })
    // Ids only: the comment's text never travels on the channel.
    expect(JSON.stringify(listener.heard)).not.toContain('A word from the floor.')
  })

  it('a vote reaches the proposal channel as its counters', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const listener = listen(world.author.client, `proposal:${proposal.id}`)
    expect(await listener.joined).toBe('SUBSCRIBED')
    const { error } = await world.member.client
      .from('votes')
      .insert({ proposal_id: proposal.id, value: 1 })
    expect(error).toBeNull()
    await until(() => listener.heard.some((h) => h.event === 'votes_changed'))
    expect(listener.heard.find((h) => h.event === 'votes_changed')!.payload).toMatchObject({
      support_count: 1,
      oppose_count: 0,
    })
  })

  it('anon cannot join any private channel, not even a public proposal’s', async () => {
    const proposal = await arrangeProposal(world, 'open')
    for (const topic of [`proposal:${proposal.id}`, `group:${world.group.id}`]) {
      const listener = listen(anonClient(), topic)
      expect(await listener.joined).toBe('CHANNEL_ERROR')
    }
  })

  it('a member cannot join a group that does not exist, nor a topic of no known kind', async () => {
    for (const topic of [`group:${crypto.randomUUID()}`, 'everything', `proposal:not-a-uuid`]) {
      const listener = listen(world.nonMember.client, topic)
      expect(await listener.joined).toBe('CHANNEL_ERROR')
    }
    const readable = listen(world.nonMember.client, `group:${world.group.id}`)
    expect(await readable.joined).toBe('SUBSCRIBED')
  })

  it('a draft’s channel is joined by its authors only', async () => {
    const draft = await arrangeProposal(world, 'draft')
    const topic = `proposal:${draft.id}`
    for (const outsider of [world.member, world.nonMember, world.facilitator, world.admin]) {
      expect(await listen(outsider.client, topic).joined).toBe('CHANNEL_ERROR')
    }
    expect(await listen(world.author.client, topic).joined).toBe('SUBSCRIBED')
  })

  it('a member hears only their own notifications', async () => {
    const other = await createMember()
    expect(await listen(other.client, `user:${world.author.id}`).joined).toBe('CHANNEL_ERROR')
    const own = listen(world.author.client, `user:${world.author.id}`)
    expect(await own.joined).toBe('SUBSCRIBED')
    const proposal = await arrangeProposal(world, 'open')
    await world.member.client
      .from('comments')
      .insert({ proposal_id: proposal.id, body: 'Telling the author.' })
    await until(() => own.heard.some((h) => h.event === 'notification_added'))
  })

  it('members cannot broadcast on a private channel themselves', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const topic = `proposal:${proposal.id}`
    const listener = listen(world.author.client, topic)
    const sender = listen(world.member.client, topic)
    expect(await listener.joined).toBe('SUBSCRIBED')
    expect(await sender.joined).toBe('SUBSCRIBED')
    await sender.channel.send({ type: 'broadcast', event: 'comment_added', payload: { x: 1 } })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(listener.heard).toEqual([])
  })
})

describe('tokens', () => {
  it('the subscription ends when the member’s token expires', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const exp = Math.floor(Date.now() / 1000) + 2
    const shortToken = await new SignJWT({ role: 'authenticated', aud: 'authenticated' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(world.member.id)
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(stackInfo().jwtSecret))
    const client = anonClient()
    await client.realtime.setAuth(shortToken)
    const listener = listen(client, `proposal:${proposal.id}`)
    const system: string[] = []
    listener.channel.on('system', {}, (message: { message?: string }) =>
      system.push(message.message ?? ''),
    )
    expect(await listener.joined).toBe('SUBSCRIBED')
    await until(() => listener.statuses.includes('CLOSED'), 6000)
    expect(system.join(' ')).toMatch(/Token has expired/)
    // Nothing arrives after the end.
    await world.member.client
      .from('comments')
      .insert({ proposal_id: proposal.id, body: 'After the end.' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(listener.heard.filter((h) => h.event === 'comment_added')).toEqual([])
  })

  it('a fresh token given before the old one expires keeps the subscription', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const sign = (seconds: number) =>
      new SignJWT({ role: 'authenticated', aud: 'authenticated' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(world.member.id)
        .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
        .sign(new TextEncoder().encode(stackInfo().jwtSecret))
    const client = anonClient()
    await client.realtime.setAuth(await sign(2))
    const listener = listen(client, `proposal:${proposal.id}`)
    expect(await listener.joined).toBe('SUBSCRIBED')
    // As supabase-js does after a token refresh: an access_token message on every channel.
    await client.realtime.setAuth(await sign(60))
    await new Promise((resolve) => setTimeout(resolve, 3000))
    expect(listener.statuses).toEqual(['SUBSCRIBED'])
    await world.author.client
      .from('comments')
      .insert({ proposal_id: proposal.id, body: 'Still listening?' })
    await until(() => listener.heard.some((h) => h.event === 'comment_added'))
  })

  it('a fresh token for someone who may not read the topic ends the subscription', async () => {
    const draft = await arrangeProposal(world, 'draft')
    const tokenOf = (sub: string) =>
      new SignJWT({ role: 'authenticated', aud: 'authenticated' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(sub)
        .setExpirationTime(Math.floor(Date.now() / 1000) + 60)
        .sign(new TextEncoder().encode(stackInfo().jwtSecret))
    const client = anonClient()
    await client.realtime.setAuth(await tokenOf(world.author.id))
    const listener = listen(client, `proposal:${draft.id}`)
    expect(await listener.joined).toBe('SUBSCRIBED')
    await client.realtime.setAuth(await tokenOf(world.nonMember.id))
    await until(() => listener.statuses.includes('CLOSED'))
  })

  it('an expired token cannot join', async () => {
    const proposal = await arrangeProposal(world, 'open')
    const expired = await new SignJWT({ role: 'authenticated' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(world.member.id)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(stackInfo().jwtSecret))
    const client = anonClient()
    await client.realtime.setAuth(expired)
    expect(await listen(client, `proposal:${proposal.id}`).joined).toBe('CHANNEL_ERROR')
  })
})
