import { beforeAll, it } from 'vitest'

beforeAll(() => {
  throw new Error('a hook that fails on purpose')
})

it('never runs', () => undefined)
