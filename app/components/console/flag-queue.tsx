// The flags queue: what members reported, why, whether each reporter had standing (only
// their flags hide content automatically), and the facilitator's decision, unless the
// content is their own: another facilitator decides on that.
import { Link } from '@remix-run/react'
import { ConsoleForm } from './console-form'
import { Button } from '~/components/ui/button'
import { TextField } from '~/components/ui/field'
import { consoleTextLimits } from '~/utils/console-limits'
import { reportCategoryLabels, type ReportCategory } from '~/utils/report-schema'

type Target = {
  key: string
  kind: 'proposal' | 'comment'
  title: string
  text: string
  author: string
  hidden: string | null
  automatic: boolean
  proposalId: string
  commentId: string | null
  own: boolean
  flags: Array<{
    id: string
    reason: string
    category: ReportCategory
    created_at: string
    reporter_has_standing: boolean
    reporter: { display_name: string } | null
  }>
}

// The reason Postgres records for a report without words: the category's own name.
const defaultReasons: Record<string, true> = {
  Spam: true,
  Abuse: true,
  'Off-topic': true,
  'Personal data': true,
}

function StandingNote({ hasStanding }: { hasStanding: boolean }) {
  return hasStanding ? (
    <span className="ml-1 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-900">
      has standing
    </span>
  ) : (
    <span className="ml-1 rounded-full bg-stone-200 px-2 py-0.5 text-xs font-semibold text-stone-800">
      no standing: hides nothing alone
    </span>
  )
}

export function FlagQueue({ groupSlug, targets }: { groupSlug: string; targets: Target[] }) {
  if (targets.length === 0) return <p className="text-stone-700">No open flags.</p>
  return (
    <ul className="space-y-4">
      {targets.map((target) => (
        <li key={target.key} className="rounded-xl border border-stone-300 bg-white p-4">
          <p className="text-sm font-semibold text-stone-700">
            {target.kind === 'comment' ? `A comment by ${target.author}` : 'A proposal'} ·{' '}
            {target.flags.length} {target.flags.length === 1 ? 'flag' : 'flags'}
            {target.hidden
              ? ` · hidden${target.automatic ? ' automatically until reviewed' : ''}`
              : ''}
          </p>
          {target.kind === 'proposal' ? (
            <Link
              to={`/groups/${groupSlug}/proposals/${target.proposalId}`}
              className="mt-1 block font-semibold underline"
            >
              {target.title}
            </Link>
          ) : (
            <blockquote className="mt-2 whitespace-pre-line border-l-4 border-stone-300 pl-3 text-stone-900">
              {target.text || '(no text)'}
            </blockquote>
          )}
          <ul className="mt-2 space-y-1 text-sm">
            {target.flags.map((flag) => (
              <li key={flag.id}>
                <span className="font-semibold">{flag.reporter?.display_name ?? 'A member'}</span>
                <StandingNote hasStanding={flag.reporter_has_standing} />:{' '}
                <strong>{reportCategoryLabels[flag.category]}</strong>
                {flag.category === 'other' || !(flag.reason in defaultReasons)
                  ? ` — ${flag.reason}`
                  : ''}
              </li>
            ))}
          </ul>
          {target.own ? (
            <p className="mt-3 rounded-md border border-stone-300 bg-stone-100 p-3 text-sm">
              Another facilitator decides on your own {target.kind}.
            </p>
          ) : (
            <Decisions target={target} />
          )}
        </li>
      ))}
    </ul>
  )
}

function Decisions({ target }: { target: Target }) {
  return (
    <>
      <ConsoleForm className="mt-3 flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="hide" />
        <input type="hidden" name="flagId" value={target.flags[0].id} />
        <TextField
          id={`hide-${target.key}`}
          name="reason"
          label="Public reason for hiding"
          required
          maxLength={consoleTextLimits.hideReason}
          className="flex-1"
        />
        <Button type="submit" variant="danger" className="px-3 py-1 text-sm">
          Hide…
        </Button>
      </ConsoleForm>
      <div className="mt-2 flex flex-wrap gap-2">
        {target.flags.map((flag, index) => (
          <ConsoleForm key={flag.id}>
            <input type="hidden" name="intent" value="dismiss" />
            <input type="hidden" name="flagId" value={flag.id} />
            <Button type="submit" variant="secondary" className="px-3 py-1 text-sm">
              Dismiss flag {target.flags.length > 1 ? index + 1 : ''}
              <span className="sr-only"> from {flag.reporter?.display_name ?? 'a member'}</span>
            </Button>
          </ConsoleForm>
        ))}
        {target.hidden ? (
          <ConsoleForm>
            <input type="hidden" name="intent" value="unhide" />
            <input
              type="hidden"
              name="proposalId"
              value={target.kind === 'proposal' ? target.proposalId : ''}
            />
            <input type="hidden" name="commentId" value={target.commentId ?? ''} />
            <Button type="submit" variant="secondary" className="px-3 py-1 text-sm">
              Show it again
            </Button>
          </ConsoleForm>
        ) : null}
      </div>
    </>
  )
}
