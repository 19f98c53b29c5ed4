-- Mail settings are written by members like every other public table, so a session that was
-- signed out or ended (a deleted or suspended account) cannot change them either.
create trigger refuse_ended_sessions
  before insert or update or delete on public.mail_preferences
  for each statement execute function private.refuse_ended_sessions();

create trigger refuse_ended_sessions
  before insert or update or delete on public.group_mail
  for each statement execute function private.refuse_ended_sessions();
