// The picture a shared link to a published proposal unfurls with (Open Graph / Twitter
// "summary_large_image", 1200 × 630 PNG): the campaign, the group, the title, its support and
// how that support spreads over the boroughs. Laid out by satori (HTML/CSS to SVG) and drawn
// by resvg; the fonts are Noto Sans from @fontsource. Only what the public page shows goes in:
// borough counts under the privacy threshold stay "fewer than 5".
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { Resvg } from '@resvg/resvg-js'
import satori from 'satori'
import { cardSize } from '~/utils/card-size'

export type CardBorough = { name: string; support: number | null; fewerThan5: boolean }

export type ProposalCard = {
  campaign: string
  group: string
  title: string
  status: string
  support: number
  oppose: number
  boroughs: CardBorough[]
}

const require = createRequire(import.meta.url)
type Font = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }
let fonts: Promise<Font[]> | null = null

function loadFonts() {
  fonts ??= Promise.all(
    (['latin', 'latin-ext'] as const).flatMap((subset) =>
      ([400, 700] as const).map(async (weight) => ({
        name: 'Noto Sans',
        weight,
        style: 'normal' as const,
        data: await readFile(
          require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`),
        ),
      })),
    ),
  ).catch((error) => {
    fonts = null
    throw error
  })
  return fonts
}

const number = new Intl.NumberFormat('en-GB')
const teal = '#0f5b5b'

function clip(text: string, max: number) {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text
}

function Card({ card }: { card: ProposalCard }) {
  const top = Math.max(1, ...card.boroughs.map((b) => b.support ?? 0))
  const backed = card.boroughs.filter((b) => (b.support ?? 0) >= 5).length
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        backgroundColor: '#fafaf9',
        fontFamily: 'Noto Sans',
        color: '#1c1917',
      }}
    >
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          backgroundColor: teal,
          color: 'white',
          padding: '28px 56px',
          fontSize: 30,
        }}
      >
        <span style={{ fontWeight: 700 }}>{clip(card.campaign, 48)}</span>
        <span>{clip(card.group, 30)}</span>
      </div>
      <div style={{ display: 'flex', flex: 1, padding: '40px 56px 48px', gap: 48 }}>
        <div style={{ display: 'flex', flexDirection: 'column', flex: 1 }}>
          <span style={{ fontSize: 26, color: '#57534e' }}>{card.status}</span>
          <span style={{ fontSize: 60, fontWeight: 700, lineHeight: 1.15, marginTop: 12 }}>
            {clip(card.title, 110)}
          </span>
          <span style={{ marginTop: 'auto', fontSize: 32 }}>
            <span style={{ fontWeight: 700 }}>{number.format(card.support)}</span>
            {card.support === 1 ? ' supporter' : ' supporters'} · {number.format(card.oppose)}{' '}
            against
          </span>
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', width: 360, gap: 14 }}>
          <span style={{ fontSize: 24, color: '#57534e' }}>
            Boroughs with 5+ supporters: {backed}
          </span>
          {card.boroughs.map((b) => (
            <div key={b.name} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
              <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 22 }}>
                <span>{b.name}</span>
                <span>{b.fewerThan5 ? 'fewer than 5' : number.format(b.support ?? 0)}</span>
              </div>
              <div style={{ display: 'flex', height: 12, backgroundColor: '#e7e5e4' }}>
                <div
                  style={{
                    width: `${b.fewerThan5 ? 0 : Math.round(((b.support ?? 0) / top) * 100)}%`,
                    backgroundColor: teal,
                  }}
                />
              </div>
            </div>
          ))}
        </div>
      </div>
    </div>
  )
}

/** The card as PNG bytes. */
export async function renderProposalCard(card: ProposalCard): Promise<Buffer> {
  const svg = await satori(<Card card={card} />, { ...cardSize, fonts: await loadFonts() })
  return new Resvg(svg, { fitTo: { mode: 'width', value: cardSize.width } }).render().asPng()
}
