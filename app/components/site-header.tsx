// The header on every page: the campaign, the main navigation, and who is signed in.
import { Form, Link, NavLink } from '@remix-run/react'
import { unreadShownUpTo } from '~/utils/unread'

export type Viewer = {
  id: string
  displayName: string
  isAdmin: boolean
  isCandidate: boolean
  unread: number
} | null

const navLink = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-2 font-medium hover:bg-brand-800 ${isActive ? 'bg-brand-800 underline underline-offset-4' : ''}`

export function SiteHeader({ campaignName, viewer }: { campaignName: string; viewer: Viewer }) {
  return (
    <header className="bg-brand-700 text-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link to="/" className="text-lg font-bold leading-tight">
          {campaignName}
          <span className="block text-sm font-normal text-brand-100">Policy Forum</span>
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1">
          <NavLink to="/groups" className={navLink}>
            Get involved
          </NavLink>
          <NavLink to="/search" className={navLink}>
            Search
          </NavLink>
          {viewer ? (
            <>
              <NavLink to="/notifications" className={navLink}>
                Notifications
                {viewer.unread ? (
                  <span className="ml-1.5 rounded-full bg-amber-400 px-2 py-0.5 text-xs font-bold text-stone-950">
                    {viewer.unread > unreadShownUpTo ? (
                      <>
                        {unreadShownUpTo}+
                        <span className="sr-only"> (more than {unreadShownUpTo} unread)</span>
                      </>
                    ) : (
                      <>
                        {viewer.unread}
                        <span className="sr-only"> unread</span>
                      </>
                    )}
                  </span>
                ) : null}
              </NavLink>
              {viewer.isCandidate || viewer.isAdmin ? (
                <NavLink to="/review" className={navLink}>
                  Review
                </NavLink>
              ) : null}
              {viewer.isAdmin ? (
                <NavLink to="/admin" className={navLink}>
                  Admin
                </NavLink>
              ) : null}
              <NavLink to={`/members/${viewer.id}`} className={navLink}>
                <span className="sr-only">Signed in as </span>
                {viewer.displayName}
              </NavLink>
              <Form method="post" action="/signout">
                <button
                  type="submit"
                  className="rounded-md px-3 py-2 font-medium hover:bg-brand-800"
                >
                  Sign out
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/signin" className={navLink}>
                Sign in
              </NavLink>
              <Link
                to="/signup"
                className="rounded-md bg-white px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50"
              >
                Join
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  )
}
