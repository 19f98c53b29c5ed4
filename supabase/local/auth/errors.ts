// Errors in the shapes Supabase Auth (GoTrue) sends, so supabase-js raises the same AuthErrors.
export class AuthHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

export const apiVersion = '2024-01-01'

/** GoTrue answers clients that send X-Supabase-Api-Version >= 2024-01-01 with {code, message};
 * older clients get the legacy {code: <status>, error_code, msg}. */
export function errorBody(error: AuthHttpError, requestApiVersion: string | undefined) {
  if (requestApiVersion && requestApiVersion >= apiVersion) {
    return { code: error.code, message: error.message, ...error.extra }
  }
  return { code: error.status, error_code: error.code, msg: error.message, ...error.extra }
}

export const badRequest = (code: string, message: string) => new AuthHttpError(400, code, message)
export const unprocessable = (code: string, message: string) =>
  new AuthHttpError(422, code, message)
export const forbidden = (code: string, message: string) => new AuthHttpError(403, code, message)
export const notFound = (code: string, message: string) => new AuthHttpError(404, code, message)
export const unauthorized = (code: string, message: string) => new AuthHttpError(401, code, message)
export const tooManyRequests = (code: string, message: string) =>
  new AuthHttpError(429, code, message)

export const minPasswordLength = 8

export function checkPassword(password: unknown): string {
  if (typeof password !== 'string' || password === '') {
    throw unprocessable('validation_failed', 'Password is required')
  }
  if (password.length < minPasswordLength) {
    return rejectWeak(`Password should be at least ${minPasswordLength} characters.`)
  }
  if (new TextEncoder().encode(password).length > 72) {
    throw unprocessable('validation_failed', 'Password cannot be longer than 72 characters')
  }
  return password
}

function rejectWeak(message: string): never {
  throw new AuthHttpError(422, 'weak_password', message, { weak_password: { reasons: ['length'] } })
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function checkEmail(email: unknown): string {
  if (typeof email !== 'string' || email.trim() === '') {
    throw badRequest('validation_failed', 'An email address is required')
  }
  const normalised = email.trim().toLowerCase()
  if (normalised.length > 255 || !emailPattern.test(normalised)) {
    throw badRequest('email_address_invalid', 'Unable to validate email address: invalid format')
  }
  return normalised
}
