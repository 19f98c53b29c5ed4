// Turns Supabase Auth errors into plain sentences, attached to the field they concern.
import type { AuthError } from '@supabase/supabase-js'
import { isAuthOutage, outageFormMessage } from './outage.server'

export type FieldErrors = { formErrors?: string[]; fieldErrors?: Record<string, string[]> }

export function describeAuthError(error: AuthError): FieldErrors {
  if (isAuthOutage(error)) return { formErrors: [outageFormMessage] }
  switch (error.code) {
    case 'user_already_exists':
    case 'email_exists':
      return {
        fieldErrors: {
          email: [
            'An account with this e-mail address already exists. Sign in, or reset your password.',
          ],
        },
      }
    case 'weak_password':
      return {
        fieldErrors: { password: ['That password is too weak: use at least 8 characters.'] },
      }
    case 'same_password':
      return {
        fieldErrors: { password: ['Your new password must be different from the old one.'] },
      }
    case 'email_address_invalid':
      return { fieldErrors: { email: ['That e-mail address does not look right.'] } }
    case 'invalid_credentials':
      return {
        formErrors: [
          'That e-mail address and password do not match an account. Check them and try again.',
        ],
      }
    case 'email_not_confirmed':
      return {
        formErrors: [
          'Confirm your e-mail address first: follow the link we sent you when you joined.',
        ],
      }
    case 'over_email_send_rate_limit':
    case 'over_request_rate_limit':
      return { formErrors: ['Too many attempts in a short time. Wait a minute, then try again.'] }
    case 'otp_expired':
      return { formErrors: ['This link has expired or has already been used. Ask for a new one.'] }
    default:
      return { formErrors: ['We could not do that just now. Please try again in a moment.'] }
  }
}
