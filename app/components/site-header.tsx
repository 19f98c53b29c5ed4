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

// On a phone the links make one row that scrolls sideways, so the page's own title stays on
// the first screen; from the small breakpoint up they sit beside the campaign's name.
const navLink = ({ isActive }: { isActive: boolean }) =>
  `shrink-0 whitespace-nowrap rounded-md px-2 py-2 font-medium hover:bg-brand-800 sm:px-3 ${isActive ? 'bg-brand-800 underline underline-offset-4' : ''}`

export function SiteHeader({ campaignName, viewer }: { campaignName: string; viewer: Viewer }) {
  return (
    <header className="bg-brand-700 text-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-col gap-x-6 gap-y-1 px-4 py-2 sm:flex-row sm:flex-wrap sm:items-center sm:justify-between sm:py-3">
        <Link to="/" className="font-bold leading-tight sm:text-lg">
          {campaignName}
          <span className="ml-2 text-sm font-normal text-brand-100 sm:ml-0 sm:block">
            Policy Forum
          </span>
        </Link>
        <nav
          aria-label="Main"
          className="relative -mx-2 flex items-center gap-1 overflow-x-auto text-sm sm:mx-0 sm:flex-wrap sm:overflow-visible sm:text-base"
        >
          <NavLink to="/groups" className={navLink}>
            Get involved
          </NavLink>
          <NavLink to="/answers" className={navLink}>
            Answers
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
                  className="whitespace-nowrap rounded-md px-2 py-2 font-medium hover:bg-brand-800 sm:px-3"
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
                className="shrink-0 rounded-md bg-white px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50"
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
