import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { FlashMessage } from '~/components/flash-message'
import { SiteFooter } from '~/components/site-footer'
import { SiteHeader } from '~/components/site-header'
import { getCampaign } from '~/models/campaign.server'
import { getViewer } from '~/models/viewer.server'
import styles from '~/styles/app.css?url'
import { serverEnv } from '~/utils/env.server'
import { takeFlash } from '~/utils/flash.server'
import { combineHeaders } from '~/utils/http.server'
import { useNonce } from '~/utils/nonce'
import { createSupabaseServerClient } from '~/utils/supabase.server'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const { supabase, headers } = createSupabaseServerClient(request)
  const [campaign, viewer, { flash, clear }] = await Promise.all([
    getCampaign(supabase),
    getViewer(supabase),
    takeFlash(request),
  ])
  return json(
    { campaign, viewer, flash, localOutbox: serverEnv().LOCAL_OUTBOX },
    { headers: combineHeaders(headers, clear ? { 'Set-Cookie': clear } : null) },
  )
}

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang="en-GB" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col bg-stone-50 font-sans text-stone-900">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-brand-800"
        >
          Skip to main content
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  const { campaign, viewer, flash, localOutbox } = useLoaderData<typeof loader>()
  return (
    <Document>
      <SiteHeader campaignName={campaign.name} viewer={viewer} />
      <FlashMessage flash={flash} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
        <Outlet />
      </main>
      <SiteFooter campaignName={campaign.name} localOutbox={localOutbox} />
    </Document>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const data = useRouteLoaderData<typeof loader>('root')
  const notFound = isRouteErrorResponse(error) && error.status === 404
  const title = notFound ? 'We could not find that page' : 'Something went wrong'
  const detail = isRouteErrorResponse(error)
    ? notFound
      ? 'The link may be out of date, or the page may have moved.'
      : typeof error.data === 'string' && error.data.length < 300
        ? error.data
        : `The server answered ${error.status}.`
    : 'Sorry — this is our fault, not yours. Please try again in a moment.'
  return (
    <Document>
      <SiteHeader campaignName={data?.campaign.name ?? 'Policy Forum'} viewer={data?.viewer ?? null} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-12">
        <title>{`${title} · Policy Forum`}</title>
        <h1 className="text-3xl font-bold">{title}</h1>
        <p className="mt-4 text-lg text-stone-700">{detail}</p>
        <p className="mt-6">
          <Link to="/" className="font-semibold text-brand-700 underline">
            Go to the home page
          </Link>
        </p>
      </main>
      <SiteFooter campaignName={data?.campaign.name ?? 'Policy Forum'} localOutbox={data?.localOutbox ?? false} />
    </Document>
  )
}
