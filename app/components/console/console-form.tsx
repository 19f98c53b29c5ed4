// A console form that carries the listing's place (sort, status, search, page) in a `back`
// field, so the act returns the facilitator to the same place in the list.
import { Form, useLocation, type FormProps } from '@remix-run/react'

export function ConsoleForm({ children, ...props }: FormProps) {
  const { search } = useLocation()
  return (
    <Form method="post" {...props}>
      <input type="hidden" name="back" value={search} />
      {children}
    </Form>
  )
}
