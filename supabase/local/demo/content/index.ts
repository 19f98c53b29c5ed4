// The demo's story, group by group, in the order of seed.sql.
import type { GroupStory } from '../story'
import { buses } from './buses'
import { housing } from './housing'
import { schools } from './schools'
import { skills } from './skills'
import { tolls } from './tolls'

export const stories: GroupStory[] = [buses, skills, schools, housing, tolls]
