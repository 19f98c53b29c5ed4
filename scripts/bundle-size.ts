// `npx tsx scripts/bundle-size.ts`: the JavaScript each page makes the browser load, in kB
// gzip (each file compressed on its own, as the server sends it). Builds the app (or, with
// --no-build, reads the last build), then follows each route's chunks in the Vite manifest:
// "initial" is what the page's HTML preloads (static imports), "total" adds what it imports
// later (dynamic imports: the editor, and the Realtime client a signed-in page opens). Not a
// test: issue 12's target is the editor page's total ≤ 200 kB.
//
//   npx tsx scripts/bundle-size.ts [--no-build] [--chunks]   (--chunks: the editor page's files)
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

type Chunk = { file: string; imports?: string[]; dynamicImports?: string[] }
type Manifest = Record<string, Chunk>

const clientDir = 'build/client'
const manifestPath = 'build/.vite/client-manifest.json'

// Each page: the Remix routes it matches, outermost first (root and entry.client always).
const pages: Record<string, string[]> = {
  home: ['routes/_index.tsx'],
  group: ['routes/groups.$slug.tsx', 'routes/groups.$slug._index.tsx'],
  proposal: ['routes/groups.$slug.tsx', 'routes/groups.$slug.proposals.$id.tsx'],
  'editor (new proposal)': ['routes/groups.$slug.tsx', 'routes/groups.$slug.proposals.new.tsx'],
  'editor (edit proposal)': [
    'routes/groups.$slug.tsx',
    'routes/groups.$slug.proposals.$id_.edit.tsx',
  ],
  console: ['routes/groups.$slug.tsx', 'routes/groups.$slug.console.tsx'],
}

if (!process.argv.includes('--no-build') || !fs.existsSync(manifestPath)) {
  // The whole build: Remix's alone would empty build/ of the server the app tests start.
  execFileSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })
}
const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest

const gzipSizes = new Map<string, number>()
function gzipBytes(file: string) {
  let size = gzipSizes.get(file)
  if (size === undefined) {
    size = gzipSync(fs.readFileSync(path.join(clientDir, file))).length
    gzipSizes.set(file, size)
  }
  return size
}

/** Every chunk file the keys reach through static imports (and dynamic ones if asked). */
function reach(keys: string[], withDynamic: boolean) {
  const seen = new Set<string>()
  const files = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    if (!chunk) throw new Error(`${key} is not in the Vite manifest`)
    if (chunk.file.endsWith('.js')) files.add(chunk.file)
    for (const next of chunk.imports ?? []) visit(next)
    if (withDynamic) for (const next of chunk.dynamicImports ?? []) visit(next)
  }
  keys.forEach(visit)
  return files
}

/** Manifest keys of a page's scripts: the client entry, then root and the matched routes. */
function pageKeys(routes: string[]) {
  const route = (file: string) => `app/${file}?__remix-build-client-route`
  return ['app/entry.client.tsx', route('root.tsx'), ...routes.map(route)]
}

const kB = (bytes: number) => (bytes / 1000).toFixed(1)
const sum = (files: Set<string>) => [...files].reduce((total, file) => total + gzipBytes(file), 0)

const rows = Object.entries(pages).map(([page, routes]) => {
  const keys = pageKeys(routes)
  const initial = reach(keys, false)
  const total = reach(keys, true)
  return { page, files: total.size, initial: kB(sum(initial)), total: kB(sum(total)) }
})
console.log('kB gzip per page (initial: preloaded by the HTML; total: with dynamic imports)')
console.table(rows)
if (process.argv.includes('--chunks')) {
  const editor = reach(pageKeys(pages['editor (new proposal)'] ?? []), true)
  console.table(
    [...editor]
      .map((file) => ({ file, kB: kB(gzipBytes(file)) }))
      .sort((a, b) => Number(b.kB) - Number(a.kB)),
  )
}
