// Limits of a suggested change's words, shared by its form (browser) and the server.
// Postgres holds the same limits (public.amendments check constraints).
export const REASON_MAX_LENGTH = 1000
