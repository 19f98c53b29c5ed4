// Co-authors chosen while the proposal is first written, inside its form: ticked members are
// invited when it is saved. Found members are boxes to tick, chosen ones ticked boxes to
// untick, so the form sends the same fields with or without JavaScript. Without it, "Find"
// sends the whole form back with the results and nothing typed is lost; with it, the results
// follow the typing and the page stays.
import { useFetcher } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import type { loader as searchLoader } from '~/routes/members.search'
import { coauthorChoiceMost, memberQueryMinimum, type FoundMember } from '~/utils/member-finder'
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
  const fetcher = useFetcher<typeof searchLoader>()
  const [chosen, setChosen] = useState<FoundMember[]>(initial?.chosen ?? [])
  const [typed, setTyped] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => () => clearTimeout(timer.current), [])

  function search(text: string, wait = 200) {
    setTyped(text)
    clearTimeout(timer.current)
    if (text.trim().length < memberQueryMinimum) return
    const params = new URLSearchParams({ q: text.trim(), group: groupId })
    timer.current = setTimeout(() => fetcher.load(`/members/search?${params}`), wait)
  }

  const query = typed ?? initial?.query ?? ''
  const results = typed === null ? (initial?.found ?? []) : (fetcher.data?.results ?? [])
  const chosenIds = new Set(chosen.map((member) => member.id))
  const found = results.filter((member) => member.id !== viewerId && !chosenIds.has(member.id))
  const searched = query.trim().length >= memberQueryMinimum && (typed === null || fetcher.data)
  const full = chosen.length >= coauthorChoiceMost

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
      {chosen.length ? (
        <ul aria-label="Invited when you save" className="space-y-1">
          {chosen.map((member) => (
            <Choice
              key={member.id}
              member={member}
              checked
              onChange={() => setChosen(chosen.filter((other) => other.id !== member.id))}
            />
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          id="coauthor-query"
          name="coauthorQuery"
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
      {searched && found.length ? (
        <ul aria-label="Members found" className="space-y-1">
          {found.map((member) => (
            <Choice
              key={member.id}
              member={member}
              checked={false}
              disabled={full}
              onChange={() => setChosen([...chosen, member])}
            />
          ))}
        </ul>
      ) : null}
    </fieldset>
  )
}

function Choice({
  member,
  checked,
  disabled,
  onChange,
}: {
  member: FoundMember
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
        name="coauthor"
        value={JSON.stringify(member)}
        checked={checked}
        disabled={disabled}
        onChange={onChange}
        className="mt-1 size-5 accent-brand-700"
      />
      <label htmlFor={id}>
        <span className="font-semibold">{member.displayName}</span>{' '}
        <span className="text-sm text-stone-700">{describeMember(member)}</span>
      </label>
    </li>
  )
}
