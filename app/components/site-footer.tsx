import { Link } from '@remix-run/react'

export function SiteFooter({
  campaignName,
  localOutbox,
}: {
  campaignName: string
  localOutbox: boolean
}) {
  return (
    <footer className="mt-16 border-t border-stone-300 bg-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-4 px-4 py-6 text-sm text-stone-700">
        <p>{campaignName} · Policy Forum: where members shape the campaign&apos;s policies.</p>
        {localOutbox ? (
          <Link to="/outbox" className="underline">
            Local outbox (development only)
          </Link>
        ) : null}
      </div>
    </footer>
  )
}
