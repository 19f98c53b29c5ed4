// Generates the `Database` type for supabase-js from the schema itself, in the shape that
// `supabase gen types typescript` writes (that command needs Docker, which we do without).
import pg from 'pg'

type Column = {
  table: string
  name: string
  type: string
  category: string
  element: string | null
  kind: string
  nullable: boolean
  has_default: boolean
  identity: string
  generated: string
}

type Relation = { name: string; kind: string }
type ForeignKey = {
  name: string
  table: string
  columns: string[]
  target: string
  target_columns: string[]
  one_to_one: boolean
}
type Func = {
  name: string
  arg_names: string[] | null
  arg_types: string[]
  arg_modes: string[] | null
  returns: string
  returns_set: boolean
  return_relation: string | null
  has_defaults: number
}

const scalar: Record<string, string> = {
  bool: 'boolean',
  int2: 'number',
  int4: 'number',
  int8: 'number',
  float4: 'number',
  float8: 'number',
  numeric: 'number',
  oid: 'number',
  text: 'string',
  varchar: 'string',
  bpchar: 'string',
  uuid: 'string',
  date: 'string',
  time: 'string',
  timetz: 'string',
  timestamp: 'string',
  timestamptz: 'string',
  interval: 'string',
  citext: 'string',
  inet: 'string',
  bytea: 'string',
  name: 'string',
  json: 'Json',
  jsonb: 'Json',
  void: 'undefined',
}

function tsType(
  type: string,
  kind: string,
  element: string | null,
  elementKind: string | null,
): string {
  if (element) return `${tsType(element, elementKind ?? 'b', null, null)}[]`
  if (kind === 'e') return `Database["public"]["Enums"]["${type}"]`
  return scalar[type] ?? 'unknown'
}

export async function generateDatabaseTypes(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const relations = (
      await client.query<Relation>(`
        select c.relname as name, c.relkind as kind from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
        order by c.relname`)
    ).rows
    const columns = (
      await client.query<Column & { element_kind: string | null }>(`
        select c.relname as table, a.attname as name, t.typname as type, t.typcategory as category,
               e.typname as element, t.typtype as kind, e.typtype as element_kind,
               not a.attnotnull as nullable, a.atthasdef as has_default,
               a.attidentity as identity, a.attgenerated as generated
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_type t on t.oid = a.atttypid
        left join pg_type e on e.oid = t.typelem and t.typcategory = 'A'
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
          and a.attnum > 0 and not a.attisdropped
        order by c.relname, a.attname`)
    ).rows
    const enums = (
      await client.query<{ name: string; labels: string[] }>(`
        select t.typname as name, array_agg(e.enumlabel order by e.enumsortorder)::text[] as labels
        from pg_type t join pg_enum e on e.enumtypid = t.oid
        where t.typnamespace = 'public'::regnamespace
        group by t.typname order by t.typname`)
    ).rows
    const foreignKeys = (
      await client.query<ForeignKey>(`
        select con.conname as name, src.relname as table, dst.relname as target,
          array(select attname::text from unnest(con.conkey) with ordinality k(n, i)
                join pg_attribute on attrelid = con.conrelid and attnum = k.n order by k.i) as columns,
          array(select attname::text from unnest(con.confkey) with ordinality k(n, i)
                join pg_attribute on attrelid = con.confrelid and attnum = k.n order by k.i) as target_columns,
          exists (select 1 from pg_constraint u where u.conrelid = con.conrelid and u.contype in ('p', 'u')
                  and (select array_agg(x order by x) from unnest(u.conkey) x) = (select array_agg(x order by x) from unnest(con.conkey) x)) as one_to_one
        from pg_constraint con
        join pg_class src on src.oid = con.conrelid
        join pg_class dst on dst.oid = con.confrelid
        where con.contype = 'f' and src.relnamespace = 'public'::regnamespace and dst.relnamespace = 'public'::regnamespace
        order by src.relname, con.conname`)
    ).rows
    const functions = (
      await client.query<Func>(`
        select p.proname as name, p.proargnames as arg_names,
          array(select format_type(x, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(x, i) order by i) as arg_types,
          p.proargmodes::text[] as arg_modes, rt.typname as returns, p.proretset as returns_set,
          case when rt.typrelid <> 0 then (select relname from pg_class where oid = rt.typrelid) end as return_relation,
          p.pronargdefaults as has_defaults
        from pg_proc p join pg_type rt on rt.oid = p.prorettype
        where p.pronamespace = 'public'::regnamespace and rt.typname <> 'trigger' and p.prokind = 'f'
        order by p.proname`)
    ).rows
    const enumNames = new Set(enums.map((e) => e.name))
    return render(relations, columns, enums, foreignKeys, functions, enumNames)
  } finally {
    await client.end()
  }
}

function render(
  relations: Relation[],
  columns: Array<Column & { element_kind: string | null }>,
  enums: Array<{ name: string; labels: string[] }>,
  foreignKeys: ForeignKey[],
  functions: Func[],
  enumNames: Set<string>,
) {
  const out: string[] = []
  out.push('// Generated from the database schema by `npm run db:types`. Do not edit by hand.')
  out.push(
    'export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]',
  )
  out.push('')
  // PostgREST computed fields: a function of one table row (select=col,fn on that table).
  // Typed as supabase gen types does: a Row field, and Args { "": Row } on the function.
  const rowTypeOf = (f: Func) =>
    f.arg_types.length === 1 && !f.returns_set
      ? relations.find((r) => r.name === f.arg_types[0].replace(/^public\./, ''))
      : undefined
  const computedFields = functions.flatMap((f) => {
    const relation = rowTypeOf(f)
    return relation ? [{ table: relation.name, name: f.name, ts: scalar[f.returns] ?? 'Json' }] : []
  })
  out.push('export type Database = {')
  out.push('  public: {')
  for (const [label, kinds] of [
    ['Tables', ['r', 'p']],
    ['Views', ['v', 'm']],
  ] as const) {
    out.push(`    ${label}: {`)
    for (const relation of relations.filter((r) => (kinds as readonly string[]).includes(r.kind))) {
      const cols = columns.filter((c) => c.table === relation.name)
      const typeOf = (c: (typeof cols)[number]) => tsType(c.type, c.kind, c.element, c.element_kind)
      out.push(`      ${relation.name}: {`)
      out.push('        Row: {')
      for (const c of cols)
        out.push(`          ${c.name}: ${typeOf(c)}${c.nullable ? ' | null' : ''}`)
      for (const c of computedFields.filter((c) => c.table === relation.name))
        out.push(`          ${c.name}: ${c.ts} | null`)
      out.push('        }')
      if (label === 'Tables') {
        out.push('        Insert: {')
        for (const c of cols) {
          if (c.generated === 's' || c.identity === 'a') out.push(`          ${c.name}?: never`)
          else
            out.push(
              `          ${c.name}${c.nullable || c.has_default || c.identity ? '?' : ''}: ${typeOf(c)}${c.nullable ? ' | null' : ''}`,
            )
        }
        out.push('        }')
        out.push('        Update: {')
        for (const c of cols) {
          if (c.generated === 's' || c.identity === 'a') out.push(`          ${c.name}?: never`)
          else out.push(`          ${c.name}?: ${typeOf(c)}${c.nullable ? ' | null' : ''}`)
        }
        out.push('        }')
      }
      const fks = foreignKeys.filter((f) => f.table === relation.name)
      if (fks.length === 0) out.push('        Relationships: []')
      else {
        out.push('        Relationships: [')
        for (const f of fks) {
          out.push('          {')
          out.push(`            foreignKeyName: "${f.name}"`)
          out.push(`            columns: [${f.columns.map((c) => `"${c}"`).join(', ')}]`)
          out.push(`            isOneToOne: ${f.one_to_one}`)
          out.push(`            referencedRelation: "${f.target}"`)
          out.push(
            `            referencedColumns: [${f.target_columns.map((c) => `"${c}"`).join(', ')}]`,
          )
          out.push('          },')
        }
        out.push('        ]')
      }
      out.push('      }')
    }
    out.push('    }')
  }
  out.push('    Functions: {')
  for (const f of functions) {
    const modes = f.arg_modes ?? f.arg_types.map(() => 'i')
    const names = f.arg_names ?? []
    const inputs = f.arg_types.map((type, i) => ({
      type,
      name: names[i] ?? `arg${i}`,
      mode: modes[i],
    }))
    const tsOf = (type: string) => {
      const base = type.replace(/\[\]$/, '').replace(/^public\./, '')
      const ts = enumNames.has(base)
        ? `Database["public"]["Enums"]["${base}"]`
        : scalarForFormatted(base)
      return `${ts}${type.endsWith('[]') ? '[]' : ''}`
    }
    out.push(`      ${f.name}: {`)
    const args = inputs.filter((a) => a.mode === 'i' || a.mode === 'b')
    const firstDefault = args.length - f.has_defaults
    const rowRelation = rowTypeOf(f)
    if (rowRelation) {
      const kind = ['v', 'm'].includes(rowRelation.kind) ? 'Views' : 'Tables'
      out.push(`        Args: { "": Database["public"]["${kind}"]["${rowRelation.name}"]["Row"] }`)
    } else if (args.length === 0) out.push('        Args: never')
    else {
      out.push('        Args: {')
      args.forEach((a, i) => {
        out.push(`          ${a.name}${i >= firstDefault ? '?' : ''}: ${tsOf(a.type)}`)
      })
      out.push('        }')
    }
    const columns = inputs.filter((a) => a.mode === 't' || a.mode === 'o')
    let returns = columns.length
      ? `{ ${columns.map((c) => `${c.name}: ${tsOf(c.type)}`).join('; ')} }`
      : f.return_relation
        ? `Database["public"]["Tables"]["${f.return_relation}"]["Row"]`
        : enumNames.has(f.returns)
          ? `Database["public"]["Enums"]["${f.returns}"]`
          : (scalar[f.returns] ?? 'Json')
    if (f.returns_set) returns += '[]'
    out.push(`        Returns: ${returns}`)
    out.push('      }')
  }
  out.push('    }')
  out.push('    Enums: {')
  for (const e of enums) out.push(`      ${e.name}: ${e.labels.map((l) => `"${l}"`).join(' | ')}`)
  out.push('    }')
  out.push('    CompositeTypes: {')
  out.push('      [_ in never]: never')
  out.push('    }')
  out.push('  }')
  out.push('}')
  out.push('')
  out.push('type PublicSchema = Database["public"]')
  out.push(
    'export type Tables<T extends keyof PublicSchema["Tables"]> = PublicSchema["Tables"][T]["Row"]',
  )
  out.push(
    'export type TablesInsert<T extends keyof PublicSchema["Tables"]> = PublicSchema["Tables"][T]["Insert"]',
  )
  out.push(
    'export type TablesUpdate<T extends keyof PublicSchema["Tables"]> = PublicSchema["Tables"][T]["Update"]',
  )
  out.push('export type Enums<T extends keyof PublicSchema["Enums"]> = PublicSchema["Enums"][T]')
  out.push('')
  return out.join('\n')
}

const formatted: Record<string, string> = {
  boolean: 'boolean',
  smallint: 'number',
  integer: 'number',
  bigint: 'number',
  real: 'number',
  'double precision': 'number',
  numeric: 'number',
  text: 'string',
  uuid: 'string',
  'character varying': 'string',
  'timestamp with time zone': 'string',
  date: 'string',
  json: 'Json',
  jsonb: 'Json',
  interval: 'string',
}

function scalarForFormatted(type: string) {
  return formatted[type] ?? 'unknown'
}
