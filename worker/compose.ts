// The words of each mail: plain text and simple, accessible HTML, with the campaign's name, one
// link per item, the reason the member gets it and where to change that.
export type Topic = 'replies' | 'my_proposals' | 'supported' | 'group_activity' | 'facilitation'

export type MailItem = {
  kind: string
  body: string
  groupId: string | null
  groupName: string | null
  groupSlug: string | null
  proposalId: string | null
  commentId: string | null
  amendmentId?: string | null
}

export type ComposedMail = { subject: string; text: string; html: string }

export type MailContext = {
  campaign: string
  siteUrl: string
  preferencesUrl: string
  unsubscribeUrl: string
}

const reasons: Record<Topic, string> = {
  replies: 'someone replied to your comment or mentioned you',
  my_proposals: 'it is about a proposal you wrote or a change you suggested',
  supported: 'you voted on or follow this proposal',
  group_activity: 'you follow this group',
  facilitation: 'you facilitate this group or answer its proposals',
}

const topicNames: Record<Topic, string> = {
  replies: 'replies to your comments and mentions of you',
  my_proposals: 'activity on your proposals',
  supported: 'news of proposals you support',
  group_activity: 'new proposals in your groups',
  facilitation: 'facilitator and candidate work',
}

export function topicName(topic: Topic) {
  return topicNames[topic]
}

/** The one link of an item, and what it opens. */
export function itemLink(siteUrl: string, item: MailItem): { href: string; label: string } {
  const group = item.groupSlug ? `${siteUrl}/groups/${encodeURIComponent(item.groupSlug)}` : siteUrl
  if (item.kind === 'join_request') return { href: `${group}/members`, label: 'Open the requests' }
  if (item.kind === 'open_reports')
    return { href: `${group}/console#flags-heading`, label: 'Review the reports' }
  if (item.kind === 'ready_for_shortlist')
    return { href: `${group}/console`, label: 'Open the console' }
  if (item.kind === 'proposal_forwarded')
    return { href: `${siteUrl}/review`, label: 'Open your review' }
  if (item.kind === 'ballot_result') return { href: `${group}/ballots`, label: 'See the rounds' }
  if (item.proposalId && item.amendmentId)
    return {
      href: `${group}/proposals/${item.proposalId}/amendments/${item.amendmentId}`,
      label: 'Read the suggested change',
    }
  if (item.proposalId && item.kind === 'proposal_edited')
    return {
      href: `${group}/proposals/${item.proposalId}/history`,
      label: 'See what changed',
    }
  if (item.proposalId && item.commentId)
    return {
      href: `${group}/proposals/${item.proposalId}?comment=${item.commentId}#comment-${item.commentId}`,
      label: 'Read the comment',
    }
  if (item.proposalId)
    return { href: `${group}/proposals/${item.proposalId}`, label: 'Open the proposal' }
  return { href: group, label: 'Open the group' }
}

export function itemSentence(item: MailItem) {
  if (item.kind === 'new_proposal') return `New proposal: “${item.body}”`
  if (item.kind === 'ready_for_shortlist')
    return `“${item.body}” reached the group’s support threshold and can be shortlisted`
  return item.body
}

function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function page(title: string, campaign: string, content: string, footer: string) {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="font-family: system-ui, sans-serif; font-size: 16px; line-height: 1.5; color: #1c1917; max-width: 40em; margin: 0 auto; padding: 1em">
<p style="font-weight: bold">${escapeHtml(campaign)}</p>
${content}
<hr>
${footer}
</body>
</html>
`
}

function footerHtml(reason: string, context: MailContext) {
  return `<p style="font-size: 14px">You are getting this because ${escapeHtml(reason)}.
<a href="${escapeHtml(context.preferencesUrl)}">Change which e-mails you get</a> or
<a href="${escapeHtml(context.unsubscribeUrl)}">stop e-mails like this one</a>.</p>`
}

function footerText(reason: string, context: MailContext) {
  return [
    `You are getting this because ${reason}.`,
    `Change which e-mails you get: ${context.preferencesUrl}`,
    `Stop e-mails like this one: ${context.unsubscribeUrl}`,
  ].join('\n')
}

/** One notification's mail; `topic` is what Postgres files its kind under (private.mail_topic). */
export function composeImmediate(item: MailItem, topic: Topic, context: MailContext): ComposedMail {
  const sentence = itemSentence(item)
  const link = itemLink(context.siteUrl, item)
  const reason = reasons[topic]
  const where = item.groupName ? ` (${item.groupName})` : ''
  const text = [
    `${context.campaign}`,
    '',
    `${sentence}${where}.`,
    '',
    `${link.label}: ${link.href}`,
    '',
    '—',
    footerText(reason, context),
  ].join('\n')
  const html = page(
    sentence,
    context.campaign,
    `<p>${escapeHtml(sentence + where)}.</p>
<p><a href="${escapeHtml(link.href)}" style="font-weight: bold">${escapeHtml(link.label)}</a></p>`,
    footerHtml(reason, context),
  )
  return { subject: sentence, text, html }
}

/** A digest: items grouped by policy group (groups by name), newest first within each. */
export function composeDigest(
  cadence: 'daily' | 'weekly',
  items: MailItem[],
  topics: Topic[],
  context: MailContext,
): ComposedMail {
  const byGroup = new Map<string, MailItem[]>()
  for (const item of items) {
    const name = item.groupName ?? context.campaign
    byGroup.set(name, [...(byGroup.get(name) ?? []), item])
  }
  const groups = [...byGroup.entries()].sort(([a], [b]) => a.localeCompare(b, 'en-GB'))
  const count = items.length
  const subject = `Your ${cadence} digest: ${count} ${count === 1 ? 'update' : 'updates'} from ${context.campaign}`
  const reason = `you chose a ${cadence} digest for ${topics.map(topicName).join(', ')}`
  const text = [
    context.campaign,
    '',
    subject,
    ...groups.flatMap(([name, list]) => [
      '',
      name,
      ...list.map((item) => `- ${itemSentence(item)}\n  ${itemLink(context.siteUrl, item).href}`),
    ]),
    '',
    '—',
    footerText(reason, context),
  ].join('\n')
  const html = page(
    subject,
    context.campaign,
    `<h1 style="font-size: 20px">${escapeHtml(subject)}</h1>
${groups
  .map(
    ([name, list]) => `<h2 style="font-size: 18px">${escapeHtml(name)}</h2>
<ul>
${list
  .map((item) => {
    const link = itemLink(context.siteUrl, item)
    return `<li><a href="${escapeHtml(link.href)}">${escapeHtml(itemSentence(item))}</a></li>`
  })
  .join('\n')}
</ul>`,
  )
  .join('\n')}`,
    footerHtml(reason, context),
  )
  return { subject, text, html }
}
