import { it } from 'vitest'

throw new Error('a file that fails to load on purpose')

it('never runs', () => undefined)
