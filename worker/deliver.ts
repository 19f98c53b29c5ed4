// Sends one row of private.mail_outbox, once. The row is locked while its mail goes out and
// marked sent in the same transaction, so two workers never send it twice; a row already sent
// or skipped is left alone. The member's address is read here, at send time, and goes nowhere
// but the SMTP envelope. An SMTP failure is recorded on the row and thrown, so graphile-worker
// retries the job later with its exponential backoff.
import type pg from 'pg'
import type { Transporter } from 'nodemailer'
import {
  composeDigest,
  composeImmediate,
  type ComposedMail,
  type MailItem,
  type Topic,
} from './compose'

export type DeliverySettings = { siteUrl: string; from: string; messageIdHost: string }

type OutboxRow = {
  id: string
  user_id: string
  cadence: 'immediately' | 'daily' | 'weekly'
  period_start: Date | null
  period_end: Date | null
  sent_at: Date | null
  skipped_reason: string | null
  email: string | null
  live: boolean
  notification_id: string | null
}

type ItemRow = {
  kind: string
  body: string
  group_id: string | null
  group_name: string | null
  group_slug: string | null
  proposal_id: string | null
  comment_id: string | null
  amendment_id?: string | null
}

const tokenDays = 60

export async function deliver(
  pool: pg.Pool,
  transport: Transporter,
  settings: DeliverySettings,
  deliveryId: number,
) {
  const db = await pool.connect()
  try {
    await db.query('begin')
    const { rows } = await db.query<OutboxRow>(
      `select o.id, o.user_id, o.cadence, o.period_start, o.period_end, o.sent_at, o.skipped_reason,
              o.notification_id, u.email,
              (pr.deleted_at is null and u.deleted_at is null and u.banned_until is null) as live
         from private.mail_outbox o
         join public.profiles pr on pr.id = o.user_id
         left join auth.users u on u.id = o.user_id
        where o.id = $1
        for update of o skip locked`,
      [deliveryId],
    )
    const row = rows[0]
    // Gone (its notification was deleted), sent, skipped, or another worker has it now.
    if (!row || row.sent_at || row.skipped_reason) return void (await db.query('commit'))
    const mail = row.live && row.email ? await compose(db, row, settings) : 'the account is closed'
    if (typeof mail === 'string') {
      await db.query('update private.mail_outbox set skipped_reason = $2 where id = $1', [
        row.id,
        mail,
      ])
      return void (await db.query('commit'))
    }
    try {
      await transport.sendMail({
        from: settings.from,
        to: row.email!,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<mail-${row.id}@${settings.messageIdHost}>`,
        headers: {
          'List-Unsubscribe': `<${mail.unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'Auto-Submitted': 'auto-generated',
        },
      })
    } catch (error) {
      await db.query(
        'update private.mail_outbox set attempts = attempts + 1, last_error = $2 where id = $1',
        [row.id, String((error as Error).message ?? error).slice(0, 500)],
      )
      await db.query('commit')
      throw error
    }
    await db.query(
      'update private.mail_outbox set sent_at = now(), attempts = attempts + 1, last_error = null where id = $1',
      [row.id],
    )
    await db.query('commit')
  } catch (error) {
    await db.query('rollback').catch(() => undefined)
    throw error
  } finally {
    db.release()
  }
}

type Composed = ComposedMail & { unsubscribeUrl: string }

/** The mail for a row, or the reason it is not sent. */
async function compose(
  db: pg.PoolClient,
  row: OutboxRow,
  settings: DeliverySettings,
): Promise<Composed | string> {
  const campaign =
    (await db.query<{ name: string }>('select name from public.campaign')).rows[0]?.name ??
    'Policy Forum'
  const preferencesUrl = `${settings.siteUrl}/settings/mail`
  const context = (unsubscribeUrl: string) => ({
    campaign,
    siteUrl: settings.siteUrl,
    preferencesUrl,
    unsubscribeUrl,
  })
  if (row.cadence === 'immediately') {
    const { rows } = await db.query<
      ItemRow & { topic: Topic; wanted: boolean; may_mention: boolean }
    >(
      `select n.kind::text, n.body, n.group_id, g.name as group_name, g.slug as group_slug,
              n.proposal_id, n.comment_id, n.amendment_id, private.mail_topic(n.kind) as topic,
              private.cadence_for(n.user_id, private.mail_topic(n.kind)) = 'immediately' as wanted,
              private.mail_may_mention(n.user_id, n.proposal_id, n.comment_id) as may_mention
         from public.notifications n
         left join public.groups g on g.id = n.group_id
        where n.id = $1`,
      [row.notification_id],
    )
    const item = rows[0]
    if (!item) return 'the notification was deleted'
    if (!item.wanted) return 'the member no longer wants this at once'
    if (!item.may_mention) return 'what it is about is hidden or deleted'
    const unsubscribeUrl = await unsubscribeLink(db, row.user_id, item.topic, settings)
    return {
      ...composeImmediate(toItem(item), item.topic, context(unsubscribeUrl)),
      unsubscribeUrl,
    }
  }
  const { rows } = await db.query<ItemRow>(
    `select i.kind, i.body, i.group_id, g.name as group_name, g.slug as group_slug,
            i.proposal_id, i.comment_id
       from private.digest_items($1, $2, $3, $4) i
       left join public.groups g on g.id = i.group_id
      order by g.name nulls last, i.happened_at desc`,
    [row.user_id, row.cadence, row.period_start, row.period_end],
  )
  if (rows.length === 0) return 'nothing left to tell'
  const topics = (
    await db.query<{ topic: Topic }>(
      `select t.topic from unnest(array['replies', 'my_proposals', 'supported', 'group_activity', 'facilitation']) as t (topic)
        where private.cadence_for($1, t.topic) = $2
          and (t.topic <> 'facilitation' or exists (
                select 1 from public.group_members m
                 where m.user_id = $1 and m.role = 'facilitator' and m.status = 'active')
               or exists (select 1 from public.site_roles r where r.user_id = $1 and r.role = 'candidate'))`,
      [row.user_id, row.cadence],
    )
  ).rows.map((r) => r.topic)
  const unsubscribeUrl = await unsubscribeLink(db, row.user_id, row.cadence, settings)
  return {
    ...composeDigest(row.cadence, rows.map(toItem), topics, context(unsubscribeUrl)),
    unsubscribeUrl,
  }
}

function toItem(row: ItemRow): MailItem {
  return {
    kind: row.kind,
    body: row.body,
    groupId: row.group_id,
    groupName: row.group_name,
    groupSlug: row.group_slug,
    proposalId: row.proposal_id,
    commentId: row.comment_id,
    amendmentId: row.amendment_id ?? null,
  }
}

async function unsubscribeLink(
  db: pg.PoolClient,
  member: string,
  topic: string,
  settings: DeliverySettings,
) {
  const { rows } = await db.query<{ token: string }>(
    `select private.unsubscribe_token($1, $2, now() + make_interval(days => $3)) as token`,
    [member, topic, tokenDays],
  )
  return `${settings.siteUrl}/unsubscribe?token=${encodeURIComponent(rows[0].token)}`
}
