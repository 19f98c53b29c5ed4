// Co-authors chosen while the proposal is first written, inside its form: ticked members are
// invited when it is saved. Found members are boxes to tick, chosen ones ticked boxes to
// untick, so the form sends the same fields with or without JavaScript. Without it, "Find"
// sends the whole form back with the results and nothing typed is lost; with it, the results
// follow the typing and the page stays.
import { useEffect, useRef, useState } from 'react'
import {
  coauthorChoiceMost,
  memberQueryMinimum,
  type FoundMember,
  type MemberSearchAnswer,
} from '~/utils/member-finder'
import { useBackgroundJson } from '~/utils/use-background-json'
import { useHydrated } from '~/utils/use-hydrated'
import { describeMember } from './member-picker'
import { Button } from './ui/button'
import { ErrorList, TextField } from './ui/field'

export type CoauthorChooserState = {
  query: string
  found: FoundMember[]
  chosen: FoundMember[]
  error: string | null
}

export function CoauthorChooser({
  groupId,
  viewerId,
  initial,
}: {
  groupId: string
  viewerId: string
  initial: CoauthorChooserState | null
}) {
  const hydrated = useHydrated()
  const fetcher = useBackgroundJson<MemberSearchAnswer>()
  // Everyone ticked so far stays on the list, ticked or not, until the next search: a box
  // that moved or vanished as it was clicked would take the keyboard focus with it.
  const [kept, setKept] = useState<FoundMember[]>(initial?.chosen ?? [])
  const [chosen, setChosen] = useState(() => new Set(kept.map((member) => member.id)))
  const [typed, setTyped] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => () => clearTimeout(timer.current), [])

  function search(text: string, wait = 200) {
    setTyped(text)
    setKept(kept.filter((member) => chosen.has(member.id)))
    clearTimeout(timer.current)
    if (text.trim().length < memberQueryMinimum) return
    const params = new URLSearchParams({ q: text.trim(), group: groupId })
    timer.current = setTimeout(() => fetcher.load(`/members/search?${params}`), wait)
  }

  function toggle(member: FoundMember) {
    const next = new Set(chosen)
    if (next.has(member.id)) next.delete(member.id)
    else {
      next.add(member.id)
      if (!kept.some((other) => other.id === member.id)) setKept([...kept, member])
    }
    setChosen(next)
  }

  const query = typed ?? initial?.query ?? ''
  const results = typed === null ? (initial?.found ?? []) : (fetcher.data?.results ?? [])
  const found = results.filter((member) => member.id !== viewerId)
  const foundIds = new Set(found.map((member) => member.id))
  // Those ticked earlier first, then the search's answer in its own order: ticking one of
  // those changes its box and moves nothing.
  const shown = [...kept.filter((member) => !foundIds.has(member.id)), ...found]
  const searched = query.trim().length >= memberQueryMinimum && (typed === null || fetcher.data)
  const full = chosen.size >= coauthorChoiceMost

  return (
    <fieldset
      className="space-y-3 rounded-xl border border-stone-300 bg-white p-4"
      aria-describedby="coauthors-hint"
    >
      <legend className="px-1 font-semibold">
        Co-authors <span className="font-normal text-stone-700">(optional)</span>
      </legend>
      <p id="coauthors-hint" className="text-sm text-stone-700">
        Invite members of the group to write this with you. They are invited when you save; they can
        read the draft, and become co-authors when they accept.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          id="coauthor-query"
          // With JavaScript the search runs by itself and nothing here is sent; the form's
          // validation (conform) must not treat these controls as fields of the proposal.
          name={hydrated ? undefined : 'coauthorQuery'}
          label="Find a member of the group by name"
          defaultValue={initial?.query ?? ''}
          className="min-w-56 flex-1"
          autoComplete="off"
          onChange={(event) => search(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter in the search box searches; it does not save the proposal.
            if (event.key !== 'Enter' || !hydrated) return
            event.preventDefault()
            search(event.currentTarget.value, 0)
          }}
        />
        {hydrated ? (
          <Button
            type="button"
            variant="secondary"
            onClick={(event) => {
              const input = event.currentTarget.form?.elements.namedItem('coauthorQuery')
              if (input instanceof HTMLInputElement) search(input.value, 0)
            }}
          >
            Find
          </Button>
        ) : (
          <Button type="submit" name="intent" value="find-coauthors" variant="secondary">
            Find
          </Button>
        )}
      </div>
      <ErrorList id="coauthors-errors" errors={initial?.error ? [initial.error] : null} />
      <p role="status" className="text-sm text-stone-700">
        {searched
          ? found.length
            ? `${found.length === 1 ? 'One member' : `${found.length} members`} found: tick those to invite.`
            : `No other member of the group has a name containing “${query.trim()}”.`
          : ''}
      </p>
      {shown.length ? (
        <ul aria-label="Members to invite" className="space-y-1">
          {shown.map((member) => (
            <Choice
              key={member.id}
              member={member}
              named={!hydrated}
              checked={chosen.has(member.id)}
              disabled={full && !chosen.has(member.id)}
              onChange={() => toggle(member)}
            />
          ))}
        </ul>
      ) : null}
      {hydrated
        ? kept
            .filter((member) => chosen.has(member.id))
            .map((member) => (
              <input key={member.id} type="hidden" name="coauthor" value={JSON.stringify(member)} />
            ))
        : null}
    </fieldset>
  )
}

function Choice({
  member,
  named,
  checked,
  disabled,
  onChange,
}: {
  member: FoundMember
  /** Without JavaScript the box itself is sent; with it, a hidden field per ticked member. */
  named: boolean
  checked: boolean
  disabled?: boolean
  onChange: () => void
}) {
  const id = `coauthor-${member.id}`
  return (
    <li className="flex items-start gap-2">
      <input
        type="checkbox"
        id={id}
        name={named ? 'coauthor' : undefined}
        value={JSON.stringify(member)}
        checked={checked}
        disabled={disabled}
        onChange={onChange}
        className="mt-1 size-5 accent-brand-700"
      />
      <label htmlFor={id} className="min-w-0 [overflow-wrap:anywhere]">
        <span className="font-semibold">{member.displayName}</span>{' '}
        <span className="text-sm text-stone-700">{describeMember(member)}</span>
      </label>
    </li>
  )
}
