// The local mailer: renders Supabase's e-mail templates (supabase/templates, the same files
// config.toml gives hosted Supabase) and drops each message in the local outbox.
import fs from 'node:fs/promises'
import path from 'node:path'
import type pg from 'pg'
import { supabaseDir } from '../paths'
import type { MailKind } from './config'

export type { MailKind }

export type MailValues = {
  SiteURL: string
  Email: string
  Token: string
  TokenHash: string
  RedirectTo: string
  NewEmail?: string
}

export function renderTemplate(template: string, values: MailValues) {
  return template.replace(/\{\{\s*\.(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = (values as Record<string, string | undefined>)[name]
    return value === undefined ? whole : escapeHtml(value)
  })
}

function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function decodeEntities(value: string) {
  return value
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
}

export async function sendMail(
  db: pg.Pool,
  to: string,
  kind: MailKind,
  subject: string,
  values: MailValues,
) {
  const template = await fs.readFile(path.join(supabaseDir, 'templates', `${kind}.html`), 'utf8')
  const html = renderTemplate(template, values)
  const href = /href="([^"]+)"/.exec(html)?.[1]
  const text = decodeEntities(
    html
      .replace(/<[^>]+>/g, '')
      .replace(/\n{2,}/g, '\n')
      .trim(),
  )
  await db.query(
    'insert into auth.local_outbox (to_email, subject, body, link) values ($1, $2, $3, $4)',
    [to, subject, text, href ? decodeEntities(href) : null],
  )
}

export type OutboxMessage = {
  id: number
  to_email: string
  subject: string
  body: string
  link: string | null
  created_at: Date
}

export async function readOutbox(db: pg.Pool, limit = 50): Promise<OutboxMessage[]> {
  const { rows } = await db.query<OutboxMessage>(
    'select * from auth.local_outbox order by id desc limit $1',
    [limit],
  )
  return rows
}
