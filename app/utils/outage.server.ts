// When PostgREST, Auth or Postgres is down, pages say so with a 503 and Retry-After instead of
// a 500 that blames us, and forms come back with what the member typed.
//
// Every Supabase request of the app goes through outageAwareFetch. It notes an outage on the
// request being served when the API cannot be reached, when PostgREST answers 502–504 (its
// own 503s and 504s mean Postgres is unreachable), or when Auth answers any 5xx. Loaders and
// actions run inside withOutageHandling: a loader whose request met an outage throws a 503,
// whatever it would have shown (an empty list, a redirect to sign in); an action's answer is
// kept — the form with what was typed and a sentence — but its status becomes 503. When a
// form's page cannot be shown at all (its loaders need the database too), the 503 page itself
// shows the member what they had typed, so they can copy it and send it again later.
import { AsyncLocalStorage } from 'node:async_hooks'
import { isAuthRetryableFetchError, type AuthError } from '@supabase/supabase-js'
import type { ServerBuild } from '@remix-run/node'

export const retryAfterSeconds = 10
export const outageMessage =
  'The forum is briefly unavailable: one of the services behind it is not answering. ' +
  'Please try again in a minute.'
export const outageFormMessage =
  'The forum is briefly unavailable, so this was not saved. What you typed is still here: ' +
  'please try again in a minute.'
/** The PostgREST error code of a request that met an outage (ours; PostgREST's are PGRSTnnn). */
export const outageCode = 'PF503'

type Scope = { outage: boolean }

/** A form field a member wrote in, as the 503 page gives it back to them. */
export type KeptText = { label: string; text: string }

// What members type, by form field name (the rest — choices, ids, passwords — is not kept).
const typedFields: Record<string, string> = {
  title: 'Title',
  summary: 'Summary',
  body: 'Text',
  bodyText: 'Text',
  explanation: 'Explanation',
  description: 'Description',
  note: 'Note',
  reason: 'Reason',
  bio: 'About you',
  displayName: 'Your name',
  name: 'Name',
  email: 'E-mail address',
}
const keptKey = Symbol.for('policy-forum.kept-text')
type WithKept = { [keptKey]?: KeptText[] }

// server.ts and the app build each bundle a copy of this module; they must share one scope.
const key = Symbol.for('policy-forum.outage-scope')
const scopes = ((globalThis as Record<symbol, unknown>)[key] ??=
  new AsyncLocalStorage<Scope>()) as AsyncLocalStorage<Scope>

export function outageAwareFetch(input: RequestInfo | URL, init?: RequestInit) {
  const url = new URL(input instanceof Request ? input.url : String(input))
  const isAuth = url.pathname.startsWith('/auth/')
  const noteOutage = () => {
    const scope = scopes.getStore()
    if (scope) scope.outage = true
  }
  return fetch(input, init).then(
    (response) => {
      if ((isAuth && response.status >= 500) || [502, 503, 504].includes(response.status)) {
        noteOutage()
        return isAuth ? response : outageResponse(response.status)
      }
      return response
    },
    (error: unknown) => {
      if (init?.signal?.aborted) throw error
      noteOutage()
      if (isAuth) throw error
      return outageResponse(503)
    },
  )
}

/** What supabase-js reads as a PostgREST error with code PF503 and a sentence to show. */
function outageResponse(status: number) {
  return new Response(JSON.stringify({ code: outageCode, message: outageFormMessage }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

export function isAuthOutage(error: AuthError) {
  return isAuthRetryableFetchError(error) || (error.status ?? 0) >= 500
}

/** The 503 a loader or action throws; `kept` is the member's typed text, when there is some. */
export function serviceUnavailable(kept: KeptText[] = []) {
  return new Response(JSON.stringify({ message: outageMessage, kept }), {
    status: 503,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Retry-After': String(retryAfterSeconds),
      'Cache-Control': 'no-store',
    },
  })
}

type RouteFunction = (args: { request: Request; context: unknown }) => unknown

/** The build with every loader and action run inside an outage scope (see above). */
export function withOutageHandling(build: ServerBuild): ServerBuild {
  const routes: ServerBuild['routes'] = {}
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue
    const module = { ...route.module }
    if (module.loader) module.loader = guardLoader(module.loader as RouteFunction) as never
    if (module.action) module.action = guardAction(module.action as RouteFunction) as never
    routes[id] = { ...route, module }
  }
  return { ...build, routes }
}

function guardLoader(loader: RouteFunction): RouteFunction {
  return async (args) => {
    const scope: Scope = { outage: false }
    let result: unknown
    try {
      result = await scopes.run(scope, () => loader(args))
    } catch (thrown) {
      if (scope.outage) throw serviceUnavailable(keptOf(args.context))
      throw thrown
    }
    if (scope.outage) throw serviceUnavailable(keptOf(args.context))
    return result
  }
}

// The loaders that run after an action share its load context: that is how a loader's 503
// page knows what the member had typed into the form the action could not save.
function keptOf(context: unknown) {
  return (context as WithKept | undefined)?.[keptKey] ?? []
}

async function keepTypedText(request: Request, context: unknown) {
  const form = await request.formData().catch(() => null)
  if (!form || !context || typeof context !== 'object') return []
  const kept: KeptText[] = []
  for (const [name, value] of form) {
    const label = typedFields[name]
    if (!label || typeof value !== 'string') continue
    const text = name === 'body' && value.startsWith('{') ? documentText(value) : value.trim()
    if (text && !kept.some((k) => k.label === label && k.text === text)) kept.push({ label, text })
  }
  ;(context as WithKept)[keptKey] = kept
  return kept
}

/** The words of an editor document (JSON), paragraph by paragraph. */
function documentText(json: string) {
  const blocks: string[] = []
  const walk = (node: unknown): string => {
    if (!node || typeof node !== 'object') return ''
    const { text, content, type } = node as { text?: unknown; content?: unknown; type?: unknown }
    const own = typeof text === 'string' ? text : ''
    const inner = Array.isArray(content) ? content.map(walk).join('') : ''
    if (type === 'paragraph' || type === 'heading') {
      blocks.push(own + inner)
      return ''
    }
    return own + inner
  }
  try {
    walk(JSON.parse(json))
  } catch {
    return json.trim()
  }
  return blocks.filter((block) => block.trim()).join('\n\n')
}

function guardAction(action: RouteFunction): RouteFunction {
  return async (args) => {
    const scope: Scope = { outage: false }
    // Read only if the action met an outage; the action consumes the original body.
    const copy = args.request.clone()
    let result: unknown
    try {
      result = await scopes.run(scope, () => action(args))
    } catch (thrown) {
      if (scope.outage) throw serviceUnavailable(await keepTypedText(copy, args.context))
      throw thrown
    }
    if (!scope.outage) return result
    await keepTypedText(copy, args.context)
    // A redirect means the action got what it needed done; the next page tells the rest.
    if (result instanceof Response && result.status >= 300 && result.status < 400) return result
    const headers = new Headers(result instanceof Response ? result.headers : undefined)
    headers.set('Retry-After', String(retryAfterSeconds))
    headers.set('Cache-Control', 'no-store')
    if (result instanceof Response)
      return new Response(result.body, { status: 503, statusText: 'Service Unavailable', headers })
    headers.set('Content-Type', 'application/json; charset=utf-8')
    return new Response(JSON.stringify(result ?? null), { status: 503, headers })
  }
}
