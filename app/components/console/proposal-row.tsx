// One row of the console's table: select it, open it, act on it. The main act is a short
// button (the title is in its accessible name); the rest sit in a menu that opens without
// JavaScript (details). On a phone the row stacks; its numbers say what they count.
import { Link } from '@remix-run/react'
import { StatusBadge } from '~/components/status-badge'
import { Button } from '~/components/ui/button'
import { proposalAnchor } from '~/utils/console-listing'
import type { Enums } from '~/types/database'
import { ConsoleForm } from './console-form'

export type ConsoleRow = {
  id: string
  title: string
  status: Enums<'proposal_status'>
  pinned: boolean
  hidden_at: string | null
  support_count: number
  oppose_count: number
  comment_count: number
  top_score: number
  region_score: number
  own: boolean
}

export const bulkFormId = 'bulk-proposals'

function percent(score: number) {
  return `${Math.round(score * 100)}%`
}

function Act({
  intent,
  row,
  label,
  more = '',
}: {
  intent: string
  row: ConsoleRow
  label: string
  /** After the title: "…" for an act with a second step. */
  more?: string
}) {
  return (
    <ConsoleForm className="inline">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="proposalId" value={row.id} />
      <Button type="submit" variant="secondary" className="px-2 py-1 text-sm">
        <span>
          {label}
          <span className="sr-only"> “{row.title}”</span>
          {more}
        </span>
      </Button>
    </ConsoleForm>
  )
}

function Marker({ tone, children }: { tone: string; children: string }) {
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${tone}`}>{children}</span>
  )
}

function Number({ value, unit }: { value: string | number; unit: string }) {
  return (
    <td className="px-2 py-2 text-right tabular-nums whitespace-nowrap max-md:inline-block max-md:p-0 max-md:pr-3 max-md:text-left">
      {value}
      <span className="md:hidden"> {unit}</span>
    </td>
  )
}

function MoreActions({ row, groupSlug }: { row: ConsoleRow; groupSlug: string }) {
  return (
    <details className="inline-block align-top">
      <summary className="cursor-pointer rounded-md px-2 py-1 text-sm font-semibold text-brand-800 underline">
        More<span className="sr-only"> for “{row.title}”</span>
      </summary>
      <div className="mt-2 w-56 max-w-full space-y-3 rounded-md border border-stone-300 bg-stone-50 p-3 text-left">
        <div className="flex flex-wrap gap-2">
          <Act
            intent={row.pinned ? 'unpin' : 'pin'}
            row={row}
            label={row.pinned ? 'Unpin' : 'Pin'}
          />
          {row.status === 'shortlisted' ? (
            <Act intent="reopen" row={row} label="Return to open" />
          ) : null}
          {/* The reason is asked for on the second step, which says what archiving does. */}
          <Act intent="archive" row={row} label="Archive" more="…" />
        </div>
        {row.own ? (
          <p className="text-sm text-stone-700">Merging is for another facilitator.</p>
        ) : (
          <Link
            to={`/groups/${groupSlug}/console/merge/${row.id}`}
            className="block text-sm font-semibold text-brand-700 underline"
          >
            Merge into a duplicate…<span className="sr-only"> (“{row.title}”)</span>
          </Link>
        )}
      </div>
    </details>
  )
}

export function ProposalRow({ row, groupSlug }: { row: ConsoleRow; groupSlug: string }) {
  const live = row.status === 'open' || row.status === 'shortlisted'
  return (
    <tr
      id={proposalAnchor(row.id)}
      className="scroll-mt-4 border-t border-stone-200 align-top target:bg-amber-50 max-md:block max-md:py-3"
    >
      <td className="py-2 pr-1 pl-3 max-md:float-left max-md:p-0 max-md:pr-2">
        <input
          type="checkbox"
          name="selected"
          value={row.id}
          form={bulkFormId}
          aria-label={`Select “${row.title}”`}
          className="mt-1 size-5"
        />
      </td>
      <td className="px-2 py-2 max-md:block max-md:p-0">
        <Link
          to={`/groups/${groupSlug}/proposals/${row.id}`}
          className="font-semibold break-words underline"
        >
          {row.title}
        </Link>
        <div className="mt-1 flex flex-wrap gap-1">
          {row.pinned ? <Marker tone="bg-amber-200 text-amber-950">Pinned</Marker> : null}
          {row.hidden_at ? <Marker tone="bg-red-100 text-red-900">Hidden</Marker> : null}
          {row.own ? (
            <Marker tone="bg-stone-200 text-stone-900">Yours: another facilitator decides</Marker>
          ) : null}
        </div>
      </td>
      <td className="px-2 py-2 max-md:mt-1 max-md:block max-md:p-0">
        <StatusBadge status={row.status} />
      </td>
      <Number value={row.support_count} unit="support" />
      <Number value={row.oppose_count} unit="oppose" />
      <Number value={row.comment_count} unit="comments" />
      <Number value={percent(row.top_score)} unit="Top" />
      <Number value={percent(row.region_score)} unit="Unites the region" />
      <td className="px-2 py-2 text-right max-md:mt-2 max-md:block max-md:p-0 max-md:text-left">
        <div className="flex flex-wrap items-start gap-1 md:justify-end">
          {row.status === 'open' && !row.own ? (
            <Act intent="shortlist" row={row} label="Shortlist" />
          ) : null}
          {row.status === 'shortlisted' && !row.own ? (
            <Act intent="forward" row={row} label="Forward" more="…" />
          ) : null}
          {live ? <MoreActions row={row} groupSlug={groupSlug} /> : null}
        </div>
      </td>
    </tr>
  )
}
