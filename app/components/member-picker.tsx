// Find a member by name (a GET form: works without JavaScript) and act on one of the results.
import { Form, useNavigation } from '@remix-run/react'
import { Button } from './ui/button'
import { TextField } from './ui/field'

type Found = { id: string; display_name: string }

export function MemberPicker({
  query,
  results,
  actions,
}: {
  query: string
  results: Found[]
  actions: Array<{ intent: string; label: (name: string) => string }>
}) {
  const navigation = useNavigation()
  return (
    <div className="space-y-4">
      <Form method="get" className="flex flex-wrap items-end gap-3" role="search">
        <TextField
          id="member-query"
          name="q"
          label="Find a member by name"
          defaultValue={query}
          className="min-w-60 flex-1"
          minLength={2}
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </Form>
      {query.trim().length >= 2 ? (
        results.length ? (
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-300 bg-white">
            {results.map((member) => (
              <li key={member.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <span className="font-semibold">{member.display_name}</span>
                <span className="flex flex-wrap gap-2">
                  {actions.map((action) => (
                    <Form method="post" key={action.intent}>
                      <input type="hidden" name="intent" value={action.intent} />
                      <input type="hidden" name="userId" value={member.id} />
                      <Button
                        type="submit"
                        variant="secondary"
                        className="px-3 py-1 text-sm"
                        disabled={navigation.state === 'submitting'}
                      >
                        {action.label(member.display_name)}
                      </Button>
                    </Form>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p role="status" className="text-stone-700">
            No member’s name contains “{query}”.
          </p>
        )
      ) : null}
    </div>
  )
}
