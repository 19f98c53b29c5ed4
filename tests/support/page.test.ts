// The page reader app tests use: text that is only in loader data, scripts, templates or styles
// is not "seen"; rendered text, links, fields and table cells are.
import { describe, expect, it } from 'vitest'
import { parsePage } from './page'

const html = `<!DOCTYPE html><html lang="en-GB"><head>
<title>Free travel | Policy Forum</title>
<style>.note::after { content: "Styled words" }</style>
</head><body>
<a href="#main">Skip to main content</a>
<main id="main">
<h1>Free travel for <!-- -->unpaid carers</h1>
<p role="alert">Choose where you live from the list.</p>
<p><strong>1</strong> support · <strong>0</strong> oppose</p>
<table><tr><th>Halton</th><td>1</td></tr></table>
<p>Bridge &amp; tunnel tolls, A &lt;i&gt;safe&lt;/i&gt; title</p>
<a href="https://example.org/plan" rel="nofollow ugc">https://example.org/plan</a>
<button aria-pressed="true" name="value" value="1">Support</button>
<label for="name">Name to show</label><input id="name" name="displayName" value="Second Try">
<label>Explanation <textarea name="explanation" readonly>My careful words</textarea></label>
<label for="horizon">Horizon</label>
<select id="horizon" name="horizon"><option value="">Any</option>
<option value="long_term" selected>Long-term vision</option></select>
<p hidden>Hidden words</p>
<template><p>Template words</p></template>
</main>
<script>window.__remixContext = {"state":{"loaderData":{"root":{"title":"Loader-only title","heading":"Free travel for unpaid carers","message":"Choose where you live from the list."}}}};</script>
<script type="module">import "/build/entry.js"; console.log("Script words")</script>
</body></html>`

describe('parsePage', () => {
  const page = parsePage(html)

  it('does not see text that is only in loader data, scripts, templates, styles or hidden', () => {
    expect(page.source).toContain('Loader-only title')
    for (const words of [
      'Loader-only title',
      '__remixContext',
      'Script words',
      'Template words',
      'Styled words',
      'Hidden words',
    ])
      expect(page.text).not.toContain(words)
  })

  it('sees rendered text, decoded and with whitespace normalised', () => {
    expect(page.title).toBe('Free travel | Policy Forum')
    expect(page.text).toContain('Free travel for unpaid carers')
    expect(page.text).toContain('1 support · 0 oppose')
    expect(page.text).toContain('Halton 1')
    expect(page.text).toContain('Bridge & tunnel tolls, A <i>safe</i> title')
    expect(page.text).toContain('Skip to main content')
    expect(page.headings(1)).toEqual(['Free travel for unpaid carers'])
    expect(page.alerts()).toEqual(['Choose where you live from the list.'])
    expect(page.rows()).toEqual([['Halton', '1']])
  })

  it('finds links, buttons and fields by what they are called', () => {
    expect(page.link('https://example.org/plan')).toEqual({
      name: 'https://example.org/plan',
      href: 'https://example.org/plan',
      rel: 'nofollow ugc',
    })
    expect(() => page.link('No such link')).toThrow(/found 0/)
    expect(page.buttons()).toEqual([{ name: 'Support', pressed: true, disabled: false }])
    expect(page.field('Name to show')).toMatchObject({ name: 'displayName', value: 'Second Try' })
    expect(page.field('Explanation')).toMatchObject({
      value: 'My careful words',
      readOnly: true,
    })
    expect(page.field('Horizon')).toMatchObject({ value: 'long_term', shown: 'Long-term vision' })
    expect(page.values()).toEqual(['Second Try', 'My careful words', 'Long-term vision'])
    expect(page.text).not.toContain('My careful words')
    expect(() => page.field('Password')).toThrow(/found 0/)
  })

  it('fails where the page no longer renders what the loader sent', () => {
    const withoutHeading = parsePage(html.replace(/<h1>[\s\S]*?<\/h1>/, ''))
    expect(withoutHeading.source).toContain('Free travel for unpaid carers')
    expect(withoutHeading.headings(1)).toEqual([])
    expect(withoutHeading.text).not.toContain('Free travel for unpaid carers')
  })
})
