import path from 'node:path'
import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  resolve: { alias: { '~': path.resolve(import.meta.dirname, 'app') } },
  build: {
    target: 'es2022',
    // The Vite manifest (each chunk's imports) is for scripts/bundle-size.ts; Remix moves it
    // to build/.vite/client-manifest.json, outside the public folder.
    manifest: true,
    // Terser: 3% less JavaScript than esbuild's minifier on every page (about 9 kB gzip on
    // the editor's), for a slower build.
    minify: 'terser',
  },
  plugins: [
    tailwindcss(),
    remix({
      ignoredRouteFiles: ['**/*.test.{ts,tsx}', '**/.*'],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        // Off: with 55 routes the whole manifest is one cached 3 kB file, while discovering
        // routes lazily costs every page render a partial manifest, matched against each
        // parent path (about 7 % of the signed-in proposal page's server time, profiled).
        v3_lazyRouteDiscovery: false,
      },
    }),
  ],
})
