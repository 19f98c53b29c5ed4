// The privacy notice shown at sign-up. Its version is sent with the sign-up and recorded as
// the member's explicit consent (privacy_consents); Postgres only accepts the current one
// (private.current_privacy_notice), so change both together when the notice changes.
export const PRIVACY_NOTICE_VERSION = '2026-12-06'
