// Any address no other route matches: a 404 inside the site layout.
import { GeneralErrorBoundary } from '~/components/error-boundary'

export async function loader() {
  throw new Response('The link may be out of date, or the page may have moved.', { status: 404 })
}

export default function NotFound() {
  return null
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
