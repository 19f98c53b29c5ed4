// Find a member by name and act on one of the results. Each result says what tells members
// of one name apart: the borough others see, when they joined, and for admins the e-mail.
// Without JavaScript the search is a GET form the page's loader answers (`q`); with it, the
// results follow the typing (members.search), and the page does not reload.
import { Form, useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import {
  memberQueryMinimum,
  type FoundMember,
  type MemberSearchAnswer,
} from '~/utils/member-finder'
import { longDate } from '~/utils/dates'
import { useBackgroundJson } from '~/utils/use-background-json'
import { Button } from './ui/button'
import { TextField } from './ui/field'

export type PickerAction = { intent: string; label: (name: string) => string }

export function MemberPicker({
  query,
  results,
  actions,
  groupId,
  exclude = [],
  label = 'Find a member by name',
  id = 'member-query',
  hint,
}: {
  query: string
  results: FoundMember[]
  actions: PickerAction[]
  /** Only this group's active members. */
  groupId?: string
  /** Members not to offer (the proposal's authors, say). */
  exclude?: string[]
  label?: string
  id?: string
  hint?: string
}) {
  const navigation = useNavigation()
  const fetcher = useBackgroundJson<MemberSearchAnswer>()
  const [typed, setTyped] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => () => clearTimeout(timer.current), [])

  function search(text: string, wait = 200) {
    setTyped(text)
    clearTimeout(timer.current)
    if (text.trim().length < memberQueryMinimum) return
    const params = new URLSearchParams({ q: text.trim() })
    if (groupId) params.set('group', groupId)
    timer.current = setTimeout(() => fetcher.load(`/members/search?${params}`), wait)
  }

  // What the list shows: the page's own search until the member types, then the latest
  // answer for what they typed (the previous answer stays while the next one loads).
  const shown =
    typed === null
      ? { query, results }
      : typed.trim().length < memberQueryMinimum
        ? { query: '', results: [] }
        : (fetcher.data ?? { query: typed, results: [] })
  const excluded = new Set(exclude)
  const found = shown.results.filter((member) => !excluded.has(member.id))
  const searched = shown.query.trim().length >= memberQueryMinimum

  return (
    <div className="space-y-4">
      <Form
        method="get"
        className="flex flex-wrap items-end gap-3"
        role="search"
        // With JavaScript, Enter searches in place: the page (and anything typed on it) stays.
        onSubmit={(event) => {
          event.preventDefault()
          search(String(new FormData(event.currentTarget).get('q') ?? ''), 0)
        }}
      >
        <TextField
          id={id}
          name="q"
          label={label}
          defaultValue={query}
          className="min-w-60 flex-1"
          hint={hint}
          minLength={memberQueryMinimum}
          autoComplete="off"
          onChange={(event) => search(event.currentTarget.value)}
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </Form>
      <p role="status" className="text-sm text-stone-700">
        {searched
          ? found.length
            ? `${found.length === 1 ? 'One member' : `${found.length} members`} found.`
            : `No member’s name contains “${shown.query.trim()}”.`
          : ''}
      </p>
      {searched && found.length ? (
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white">
          {found.map((member) => (
            <li key={member.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
              <span className="min-w-0">
                <span className="block font-semibold">{member.displayName}</span>
                <span
                  id={`${id}-${member.id}`}
                  className="block text-sm text-stone-700 [overflow-wrap:anywhere]"
                >
                  {describeMember(member)}
                </span>
              </span>
              <span className="flex flex-wrap gap-2">
                {actions.map((action) => (
                  <Form method="post" key={action.intent}>
                    <input type="hidden" name="intent" value={action.intent} />
                    <input type="hidden" name="userId" value={member.id} />
                    <Button
                      type="submit"
                      variant="secondary"
                      className="px-3 py-1 text-sm"
                      aria-describedby={`${id}-${member.id}`}
                      disabled={navigation.state === 'submitting'}
                    >
                      {action.label(member.displayName)}
                    </Button>
                  </Form>
                ))}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** "Wirral · joined 4 Mar 2026 · pat@example.org": what tells two Pat Joneses apart. */
export function describeMember(member: FoundMember) {
  return [
    member.borough ?? 'Borough not shown',
    `joined ${longDate(member.joinedAt)}`,
    member.email,
  ]
    .filter(Boolean)
    .join(' · ')
}
