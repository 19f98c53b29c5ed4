// One suggested change as its page shows it: the word-level comparison (against the text it
// was based on, or against the current text once that has moved on), its reason, its status
// and what the viewer may do with it. The diff is computed here; the page ships no diff code.
import { documentToPlainText, parseProposalDocument } from '~/editor/document'
import { roleBadge } from '~/utils/role-badge'
import type { Supabase } from '~/utils/supabase.server'
import { diffWords } from '~/utils/word-diff'
import { getAmendment, hasSupported } from './amendment.server'
import type { loadProposalContext } from './proposal-context.server'
import { uuidPattern } from '~/utils/uuid'
import { invariantResponse } from '~/utils/http.server'

type ProposalContext = Awaited<ReturnType<typeof loadProposalContext>>

function plainText(body: unknown) {
  const parsed = parseProposalDocument(body)
  return parsed.ok ? documentToPlainText(parsed.doc) : ''
}

export async function loadAmendmentPage(
  supabase: Supabase,
  context: ProposalContext,
  id: string | undefined,
) {
  const { proposal } = context
  const amendment =
    id && uuidPattern.test(id) ? await getAmendment(supabase, proposal.id, id) : null
  invariantResponse(amendment, 'There is no suggested change at this address.', { status: 404 })
  const open = amendment.status === 'open'
  const outdated = open && amendment.base_version < proposal.version
  // An outdated suggestion is compared with the text it would replace now.
  const before = outdated ? proposal.body : amendment.base_body
  const live = ['open', 'shortlisted'].includes(proposal.status) && !context.group.archived_at
  const isSuggester = amendment.suggester_id === context.viewerId
  return {
    id: amendment.id,
    status: amendment.status,
    outdated,
    baseVersion: amendment.base_version,
    currentVersion: proposal.version,
    acceptedVersion: amendment.accepted_version,
    reason: amendment.reason,
    supporters: amendment.supporters_count,
    createdAt: amendment.created_at,
    decidedAt: amendment.decided_at,
    decisionReason: amendment.decision_reason,
    suggester: amendment.suggester?.display_name ?? 'A former member',
    suggesterBadge: roleBadge(amendment.suggester?.role_badge),
    decider: amendment.decider?.display_name ?? null,
    diff: diffWords(plainText(before), plainText(amendment.body)),
    isSuggester,
    canDecide: open && live && context.isAuthor,
    canSupport: open && live && context.isActiveMember && !isSuggester && !context.isAuthor,
    supported: open ? await hasSupported(supabase, amendment.id, context.viewerId) : false,
  }
}
