-- A notification kind of its own for co-author invitations (they carry accept / decline).
-- Alone in its migration: a new enum value cannot be used in the transaction that adds it.

-- tables
alter type public.notification_kind add value if not exists 'coauthor_invitation';
