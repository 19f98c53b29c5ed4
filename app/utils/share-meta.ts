// What a link to a proposal unfurls as (Open Graph, X cards). Drafts and hidden proposals are
// seen only by their authors and facilitators, and give nothing of their content away.
import type { MetaDescriptor } from '@remix-run/node'
import { cardSize } from './card-size'

type SharedProposal = {
  proposal: { title: string; summary: string; hiddenReason: string | null }
  group: { name: string }
  published: boolean
  votes: { support: number; oppose: number }
  shareUrl: string
}

export function proposalShareMeta(
  data: SharedProposal,
  campaignName = 'Policy Forum',
): MetaDescriptor[] {
  const { proposal, group } = data
  if (!data.published || proposal.hiddenReason)
    return [
      { title: `${data.published ? 'Hidden proposal' : 'Draft'} · ${group.name} · Policy Forum` },
      { name: 'robots', content: 'noindex' },
    ]
  const votes = `${data.votes.support} support, ${data.votes.oppose} oppose so far.`
  const description = `${proposal.summary} ${group.name} · ${votes}`
  const image = `${data.shareUrl}/card.png`
  return [
    { title: `${proposal.title} · ${group.name} · Policy Forum` },
    { name: 'description', content: description },
    { tagName: 'link', rel: 'canonical', href: data.shareUrl },
    { property: 'og:type', content: 'article' },
    { property: 'og:site_name', content: campaignName },
    { property: 'og:title', content: proposal.title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: data.shareUrl },
    { property: 'og:image', content: image },
    { property: 'og:image:type', content: 'image/png' },
    { property: 'og:image:width', content: String(cardSize.width) },
    { property: 'og:image:height', content: String(cardSize.height) },
    { property: 'og:image:alt', content: `${proposal.title}: ${votes}` },
    { name: 'twitter:card', content: 'summary_large_image' },
    { name: 'twitter:title', content: proposal.title },
    { name: 'twitter:description', content: description },
    { name: 'twitter:image', content: image },
  ]
}
