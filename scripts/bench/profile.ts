// Reads the V8 CPU profile the app wrote under `--profile` and prints where its time went:
// by package (or the app's own files) and the hottest functions by self time.
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

type ProfileNode = {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Who a frame belongs to: an npm package, the app's build, Node itself, or V8's own work. */
function owner(url: string, root: string) {
  if (!url) return '(V8: GC, compiler, idle)'
  if (url.startsWith('node:')) return 'node'
  const file = url.replace(/^file:\/\//, '')
  const modules = file.lastIndexOf('/node_modules/')
  if (modules >= 0) {
    const rest = file.slice(modules + '/node_modules/'.length).split('/')
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  return path.relative(root, file) || file
}

export async function summariseProfile(dir: string, root: string): Promise<string[]> {
  const files = (await fsp.readdir(dir).catch(() => [])).filter((f) => f.endsWith('.cpuprofile'))
  if (files.length === 0) return ['No CPU profile was written (did the app stop cleanly?).']
  // Kept after the bench's folder goes, to open in Chrome DevTools (Performance → Load profile).
  const kept = path.join(os.tmpdir(), 'policy-forum-app.cpuprofile')
  await fsp.copyFile(path.join(dir, files[0]), kept)
  const profile = JSON.parse(await fsp.readFile(kept, 'utf8')) as Profile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[i]))
  let total = 0
  let idle = 0
  const byOwner = new Map<string, number>()
  const byFunction = new Map<string, number>()
  for (const [id, micros] of self) {
    const frame = byId.get(id)!.callFrame
    total += micros
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') {
      idle += frame.functionName === '(idle)' ? micros : 0
      if (frame.functionName === '(idle)') continue
    }
    const who = owner(frame.url, root)
    byOwner.set(who, (byOwner.get(who) ?? 0) + micros)
    const name = `${frame.functionName || '(anonymous)'} ${who}:${frame.lineNumber + 1}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros)
  }
  const busy = total - idle
  const share = (micros: number) => `${((100 * micros) / busy).toFixed(1).padStart(5)}%`
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n)
  return [
    `\nThe app's CPU profile (kept in ${kept}): ${(busy / 1e6).toFixed(1)} s busy, ${(idle / 1e6).toFixed(1)} s idle.`,
    'By owner (self time):',
    ...top(byOwner, 15).map(([who, micros]) => `  ${share(micros)}  ${who}`),
    'Hottest functions (self time):',
    ...top(byFunction, 25).map(([name, micros]) => `  ${share(micros)}  ${name}`),
  ]
}
