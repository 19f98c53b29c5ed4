// A member's ranking. Without JavaScript: a place (1, 2, 3… or not ranked) chosen per option.
// With it: an ordered list moved with buttons (up, down, remove, add), which sends the same
// place fields, so the server reads one form. Changes are announced for screen readers.
import { Form, useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { Button, buttonClass } from '~/components/ui/button'
import { ErrorList } from '~/components/ui/field'
import { placeField } from '~/utils/ballot-form'
import { useHydrated } from '~/utils/use-hydrated'

type Option = { proposalId: string; title: string }

const small = buttonClass('secondary', 'px-2 py-1 text-sm')

export function RankingForm({
  options,
  ranking,
  error,
}: {
  options: Option[]
  ranking: string[]
  error?: string | null
}) {
  const hydrated = useHydrated()
  const pending = useNavigation().state === 'submitting'
  return (
    <Form
      method="post"
      className="space-y-4"
      aria-describedby={error ? 'ranking-errors' : undefined}
    >
      <input type="hidden" name="intent" value="rank" />
      {hydrated ? (
        <OrderedRanking options={options} initial={ranking} />
      ) : (
        <PlacePerOption options={options} ranking={ranking} />
      )}
      <ErrorList id="ranking-errors" errors={error ? [error] : null} />
      <Button type="submit" pending={pending}>
        {ranking.length ? 'Save my new ranking' : 'Cast my ballot'}
      </Button>
    </Form>
  )
}

function PlacePerOption({ options, ranking }: { options: Option[]; ranking: string[] }) {
  return (
    <fieldset>
      <legend className="font-semibold">
        Give your first choice 1, your second 2, and so on. Leave the rest not ranked.
      </legend>
      <ul className="mt-3 space-y-2">
        {options.map((option) => {
          const place = ranking.indexOf(option.proposalId) + 1
          const id = placeField(option.proposalId)
          return (
            <li key={option.proposalId} className="flex flex-wrap items-center gap-3">
              <select
                id={id}
                name={id}
                defaultValue={place ? String(place) : ''}
                className="rounded-md border border-stone-400 bg-white px-2 py-1"
              >
                <option value="">Not ranked</option>
                {options.map((_, i) => (
                  <option key={i} value={i + 1}>
                    {i + 1}
                  </option>
                ))}
              </select>
              <label htmlFor={id}>{option.title}</label>
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}

function OrderedRanking({ options, initial }: { options: Option[]; initial: string[] }) {
  const [order, setOrder] = useState(initial)
  const [announcement, setAnnouncement] = useState('')
  const [focus, setFocus] = useState<string | null>(null)
  const buttons = useRef(new Map<string, HTMLButtonElement | null>())
  useEffect(() => {
    if (!focus) return
    const wanted = buttons.current.get(focus)
    // A button that has just been disabled (moved to the top or bottom) hands focus on.
    if (wanted && !wanted.disabled) wanted.focus()
    else buttons.current.get(`remove-${focus.replace(/^[a-z]+-/, '')}`)?.focus()
  }, [focus, order])
  const title = (id: string) => options.find((o) => o.proposalId === id)?.title ?? ''
  const unranked = options.filter((o) => !order.includes(o.proposalId))

  function move(id: string, by: number, key: string) {
    const from = order.indexOf(id)
    const to = from + by
    if (to < 0 || to >= order.length) return
    const next = [...order]
    next.splice(from, 1)
    next.splice(to, 0, id)
    setOrder(next)
    setFocus(`${key}-${id}`)
    setAnnouncement(`“${title(id)}” is now number ${to + 1}.`)
  }
  function remove(id: string) {
    const next = order.filter((x) => x !== id)
    setOrder(next)
    setFocus(`add-${id}`)
    setAnnouncement(`“${title(id)}” is no longer ranked.`)
  }
  function add(id: string) {
    setOrder([...order, id])
    setFocus(`up-${id}`)
    setAnnouncement(`“${title(id)}” is number ${order.length + 1}.`)
  }
  const keep = (key: string) => (element: HTMLButtonElement | null) => {
    buttons.current.set(key, element)
  }

  return (
    <div className="space-y-4">
      {order.map((id, i) => (
        <input key={id} type="hidden" name={placeField(id)} value={i + 1} />
      ))}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <section aria-labelledby="my-ranking-heading">
        <h3 id="my-ranking-heading" className="font-semibold">
          Your ranking, first choice first
        </h3>
        {order.length === 0 ? (
          <p className="mt-2 text-stone-700">
            Nothing ranked yet: add options from the list below.
          </p>
        ) : (
          <ol className="mt-2 space-y-2" aria-label="Your ranking">
            {order.map((id, i) => (
              <li
                key={id}
                className="flex flex-wrap items-center gap-2 rounded-md border border-stone-300 bg-white p-2"
              >
                <span className="w-6 text-right font-bold tabular-nums" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="min-w-0 flex-1">{title(id)}</span>
                <button
                  type="button"
                  className={small}
                  ref={keep(`up-${id}`)}
                  disabled={i === 0}
                  onClick={() => move(id, -1, 'up')}
                >
                  Up<span className="sr-only">: move “{title(id)}” higher</span>
                </button>
                <button
                  type="button"
                  className={small}
                  ref={keep(`down-${id}`)}
                  disabled={i === order.length - 1}
                  onClick={() => move(id, 1, 'down')}
                >
                  Down<span className="sr-only">: move “{title(id)}” lower</span>
                </button>
                <button
                  type="button"
                  className={small}
                  ref={keep(`remove-${id}`)}
                  onClick={() => remove(id)}
                >
                  Remove<span className="sr-only"> “{title(id)}” from my ranking</span>
                </button>
              </li>
            ))}
          </ol>
        )}
      </section>
      {unranked.length ? (
        <section aria-labelledby="unranked-heading">
          <h3 id="unranked-heading" className="font-semibold">
            Not ranked
          </h3>
          <ul className="mt-2 space-y-2">
            {unranked.map((option) => (
              <li key={option.proposalId} className="flex flex-wrap items-center gap-2">
                <button
                  type="button"
                  className={small}
                  ref={keep(`add-${option.proposalId}`)}
                  onClick={() => add(option.proposalId)}
                >
                  Add<span className="sr-only"> “{option.title}” to my ranking</span>
                </button>
                <span className="min-w-0 flex-1">{option.title}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
