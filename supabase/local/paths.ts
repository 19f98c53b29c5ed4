// Where the project's supabase/ folder is, whether this code runs from source (tsx, vitest)
// or bundled into build/ by the production build.
import fs from 'node:fs'
import path from 'node:path'

function findProjectRoot(start: string): string {
  let dir = start
  for (;;) {
    if (fs.existsSync(path.join(dir, 'supabase', 'migrations'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`No supabase/migrations folder above ${start}`)
    dir = parent
  }
}

export const projectRoot = findProjectRoot(import.meta.dirname)
export const supabaseDir = path.join(projectRoot, 'supabase')
/** The git-ignored folder where `npm run dev` and `npm run db:start` keep their data. */
export const defaultDataDir = path.join(projectRoot, '.local-stack')
