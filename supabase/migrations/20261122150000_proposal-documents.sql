-- The database's own check of a proposal body (a Tiptap JSON document), so that a hostile
-- document cannot be stored even by a client that calls the API directly. It mirrors
-- app/editor/document.ts (which gives members precise messages): the allowed nodes, marks
-- and attributes, links that start with http://, https:// or mailto:, and bounded nesting.

-- functions
create or replace function private.document_mark_is_valid(mark jsonb) returns boolean
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  attrs jsonb;
  href text;
begin
  if jsonb_typeof(mark) <> 'object' then
    return false;
  end if;
  if mark ->> 'type' in ('bold', 'italic') then
    return (select array_agg(k) from jsonb_object_keys(mark) k) <@ array['type'];
  end if;
  if mark ->> 'type' <> 'link' or not (select array_agg(k) from jsonb_object_keys(mark) k) <@ array['type', 'attrs'] then
    return false;
  end if;
  attrs := mark -> 'attrs';
  if jsonb_typeof(attrs) <> 'object'
     or not (select coalesce(array_agg(k), '{}') from jsonb_object_keys(attrs) k) <@ array['href', 'target', 'rel', 'class', 'title']
     or jsonb_typeof(attrs -> 'href') is distinct from 'string' then
    return false;
  end if;
  href := attrs ->> 'href';
  return href ~* '^(https?://|mailto:)'
    and href !~ '[[:cntrl:]]'
    and char_length(href) <= 2000
    and coalesce(jsonb_typeof(attrs -> 'target'), 'null') = 'null'
    and coalesce(jsonb_typeof(attrs -> 'class'), 'null') = 'null'
    and coalesce(jsonb_typeof(attrs -> 'title'), 'null') = 'null'
    and (not attrs ? 'rel' or attrs ->> 'rel' = 'nofollow noopener noreferrer ugc');
end;
$$;

-- kind: 'block', 'inline' or 'item' (a list item); depth counts containers.
create or replace function private.document_node_is_valid(node jsonb, kind text, depth integer) returns boolean
language plpgsql immutable parallel safe
set search_path = ''
as $$
declare
  node_type text;
  keys text[];
  children jsonb;
  child jsonb;
  first boolean := true;
  attrs jsonb;
begin
  if depth > 12 or jsonb_typeof(node) <> 'object' then
    return false;
  end if;
  node_type := node ->> 'type';
  keys := (select coalesce(array_agg(k), '{}') from jsonb_object_keys(node) k);
  children := node -> 'content';
  if children is not null and jsonb_typeof(children) <> 'array' then
    return false;
  end if;
  if node ? 'marks' then
    if node_type not in ('text', 'hardBreak') or jsonb_typeof(node -> 'marks') <> 'array' then
      return false;
    end if;
    if exists (select 1 from jsonb_array_elements(node -> 'marks') m where not private.document_mark_is_valid(m)) then
      return false;
    end if;
  end if;

  if kind = 'inline' then
    if node_type = 'text' then
      return keys <@ array['type', 'text', 'marks']
        and jsonb_typeof(node -> 'text') = 'string' and node ->> 'text' <> '';
    end if;
    return node_type = 'hardBreak' and keys <@ array['type', 'marks'];
  end if;

  if kind = 'item' then
    if node_type <> 'listItem' or not keys <@ array['type', 'content'] or coalesce(jsonb_array_length(children), 0) = 0 then
      return false;
    end if;
    for child in select value from jsonb_array_elements(children) loop
      if first and child ->> 'type' is distinct from 'paragraph' then
        return false;
      end if;
      first := false;
      if not private.document_node_is_valid(child, 'block', depth + 1) then
        return false;
      end if;
    end loop;
    return true;
  end if;

  -- blocks
  if node_type in ('paragraph', 'heading') then
    if node_type = 'paragraph' and not keys <@ array['type', 'content'] then
      return false;
    end if;
    if node_type = 'heading' then
      attrs := node -> 'attrs';
      if not keys <@ array['type', 'attrs', 'content'] or jsonb_typeof(attrs) <> 'object'
         or (select array_agg(k) from jsonb_object_keys(attrs) k) <> array['level']
         or attrs -> 'level' not in ('2'::jsonb, '3'::jsonb) then
        return false;
      end if;
    end if;
    return not exists (
      select 1 from jsonb_array_elements(coalesce(children, '[]')) c
      where not private.document_node_is_valid(c, 'inline', depth + 1)
    );
  end if;
  if node_type in ('bulletList', 'orderedList') then
    if node_type = 'bulletList' and not keys <@ array['type', 'content'] then
      return false;
    end if;
    if node_type = 'orderedList' then
      attrs := node -> 'attrs';
      if not keys <@ array['type', 'attrs', 'content'] then
        return false;
      end if;
      if attrs is not null and (
        jsonb_typeof(attrs) <> 'object'
        or not (select coalesce(array_agg(k), '{}') from jsonb_object_keys(attrs) k) <@ array['start', 'type']
        or jsonb_typeof(attrs -> 'start') is distinct from 'number'
        or (attrs ->> 'start')::numeric < 1 or (attrs ->> 'start')::numeric <> trunc((attrs ->> 'start')::numeric)
        or coalesce(jsonb_typeof(attrs -> 'type'), 'null') <> 'null'
      ) then
        return false;
      end if;
    end if;
    return coalesce(jsonb_array_length(children), 0) > 0 and not exists (
      select 1 from jsonb_array_elements(children) c
      where not private.document_node_is_valid(c, 'item', depth + 1)
    );
  end if;
  if node_type = 'blockquote' then
    return keys <@ array['type', 'content'] and coalesce(jsonb_array_length(children), 0) > 0 and not exists (
      select 1 from jsonb_array_elements(children) c
      where not private.document_node_is_valid(c, 'block', depth + 1)
    );
  end if;
  return false;
end;
$$;

create or replace function private.document_is_valid(doc jsonb) returns boolean
language plpgsql immutable parallel safe
set search_path = ''
as $$
begin
  if jsonb_typeof(doc) <> 'object' or doc ->> 'type' is distinct from 'doc'
     or not (select array_agg(k) from jsonb_object_keys(doc) k) <@ array['type', 'content']
     or jsonb_typeof(doc -> 'content') is distinct from 'array'
     or jsonb_array_length(doc -> 'content') = 0
     -- app/editor/document.ts allows 100 KB of compact JSON; jsonb's text form is roomier.
     or octet_length(doc::text) > 150000 then
    return false;
  end if;
  return not exists (
    select 1 from jsonb_array_elements(doc -> 'content') c
    where not private.document_node_is_valid(c, 'block', 0)
  );
end;
$$;

/** The document's words, for search and the length limit. */
create or replace function private.document_text(doc jsonb) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select coalesce(string_agg(t #>> '{}', ' '), '')
  from jsonb_path_query(doc, 'strict $.**.text') as t
  where jsonb_typeof(t) = 'string'
$$;

-- grants
revoke all on function private.document_mark_is_valid(jsonb), private.document_node_is_valid(jsonb, text, integer),
  private.document_is_valid(jsonb), private.document_text(jsonb) from public;
grant execute on function private.document_mark_is_valid(jsonb), private.document_node_is_valid(jsonb, text, integer),
  private.document_is_valid(jsonb), private.document_text(jsonb) to authenticated, service_role;
