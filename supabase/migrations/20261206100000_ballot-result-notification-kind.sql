-- A notification kind for members who ranked in a priority ballot: its result is counted (its
-- own migration: a new enum value cannot be used in the transaction that adds it).
alter type public.notification_kind add value if not exists 'ballot_result';
