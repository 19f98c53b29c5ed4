-- Admins find members by name (to appoint facilitators, grant roles): a trigram index keeps
-- "name contains …" searches fast as the membership grows.

-- tables
create extension if not exists pg_trgm with schema extensions;

-- indexes
create index profiles_display_name_trgm_idx on public.profiles using gin (display_name extensions.gin_trgm_ops);
