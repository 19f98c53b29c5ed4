import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useFetcher,
  useLoaderData,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FlashMessage } from '~/components/flash-message'
import { LiveUpdatesProvider, useLiveTopic, useOnceSoon } from '~/components/live-updates'
import { SiteFooter } from '~/components/site-footer'
import { SiteHeader, type Viewer } from '~/components/site-header'
import { getCampaign } from '~/models/campaign.server'
import { getViewer } from '~/models/viewer.server'
import styles from '~/styles/app.css?url'
import { takeFlash } from '~/utils/flash.server'
import { combineHeaders } from '~/utils/http.server'
import { getLiveAccess } from '~/utils/live.server'
import type { loader as unreadLoader } from '~/routes/notifications_.unread'
import { useNonce } from '~/utils/nonce'
import { getRequestContext } from '~/utils/request-context.server'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { supabase, headers } = getRequestContext(request, context)
  const [campaign, viewer, { flash, clear }] = await Promise.all([
    getCampaign(supabase),
    getViewer(supabase),
    takeFlash(request),
  ])
  const live = viewer ? await getLiveAccess(supabase) : null
  return json(
    {
      campaign,
      viewer,
      flash,
      live,
      localOutbox: context.localOutbox === true,
      loadedAt: Date.now(),
    },
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
        {/* Forms validate with zod in the browser too. Building a schema, zod probes for
            `new Function` to compile fast parsers; our Content-Security-Policy refuses it and
            reports a violation on every page with a form. Told before any module runs
            (zod reads this global), it interprets instead, as it would after the refusal. */}
        <script
          nonce={nonce}
          dangerouslySetInnerHTML={{ __html: 'globalThis.__zod_globalConfig={jitless:true}' }}
        />
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

function LiveHeader({
  campaignName,
  viewer,
  loadedAt,
}: {
  campaignName: string
  viewer: Viewer
  loadedAt: number
}) {
  const unread = useLiveUnread(viewer, loadedAt)
  return (
    <SiteHeader
      campaignName={campaignName}
      viewer={viewer && unread !== null ? { ...viewer, unread } : viewer}
    />
  )
}

/** The header's unread count, following the member's notifications as they arrive. */
function useLiveUnread(viewer: { id: string; unread: number } | null, loadedAt: number) {
  const counter = useFetcher<typeof unreadLoader>({ key: 'live:unread' })
  const load = counter.load
  const refetchSoon = useOnceSoon(() => load('/notifications/unread'))
  useLiveTopic(viewer ? `user:${viewer.id}` : null, refetchSoon)
  if (!viewer) return null
  return counter.data && counter.data.at > loadedAt ? counter.data.unread : viewer.unread
}

export default function App() {
  const { campaign, viewer, flash, live, localOutbox, loadedAt } = useLoaderData<typeof loader>()
  return (
    <Document>
      <LiveUpdatesProvider access={live}>
        <LiveHeader campaignName={campaign.name} viewer={viewer} loadedAt={loadedAt} />
        <FlashMessage flash={flash} />
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none"
        >
          <Outlet />
        </main>
        <SiteFooter campaignName={campaign.name} localOutbox={localOutbox} />
      </LiveUpdatesProvider>
    </Document>
  )
}

export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>('root')
  const campaignName = data?.campaign.name ?? 'Policy Forum'
  return (
    <Document>
      <SiteHeader campaignName={campaignName} viewer={data?.viewer ?? null} />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none"
      >
        <GeneralErrorBoundary />
      </main>
      <SiteFooter campaignName={campaignName} localOutbox={data?.localOutbox ?? false} />
    </Document>
  )
}
