// The admin's setting of a group's support threshold for the shortlist.
import { Form } from '@remix-run/react'
import { Button } from '~/components/ui/button'
import { TextField } from '~/components/ui/field'

export function ThresholdForm({
  supporters,
  boroughs,
}: {
  supporters: number | null
  boroughs: number
}) {
  return (
    <section aria-labelledby="threshold-heading">
      <h2 id="threshold-heading" className="text-xl font-bold">
        Support threshold for the shortlist
      </h2>
      <p className="mt-1 text-stone-700">
        Open proposals that reach it go to the facilitators’ “ready for the shortlist” queue, and
        their authors are told.
      </p>
      <Form method="post" className="mt-3 space-y-4">
        <input type="hidden" name="intent" value="threshold" />
        <TextField
          id="supporters"
          name="supporters"
          label="Supporters needed"
          hint="Leave empty for no threshold."
          inputMode="numeric"
          defaultValue={supporters ?? ''}
        />
        <TextField
          id="boroughs"
          name="boroughs"
          label="Boroughs with at least 5 supporters each"
          hint="0 when the spread over boroughs does not matter."
          inputMode="numeric"
          defaultValue={boroughs}
        />
        <Button type="submit" variant="secondary">
          Save the threshold
        </Button>
      </Form>
    </section>
  )
}
