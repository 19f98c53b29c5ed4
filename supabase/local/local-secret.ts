/** The Supabase CLI's well-known local JWT secret: the local stack signs with it by default, and
 * production refuses keys signed with it (anyone can forge those). */
export const localJwtSecret = 'super-secret-jwt-token-with-at-least-32-characters-long'
