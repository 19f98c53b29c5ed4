// Sign-up, sign-in and password forms: one schema each, shared by the browser (instant
// feedback) and the server (the check that counts).
import { z } from 'zod'

const email = z
  .string({ error: 'Enter your e-mail address.' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter an e-mail address like name@example.com.' }))

const newPassword = z
  .string({ error: 'Choose a password.' })
  .min(8, { error: 'Your password needs at least 8 characters.' })
  .max(72, { error: 'Your password can have at most 72 characters.' })

export const redirectToField = z.string().optional()

export const signUpSchema = z.object({
  email,
  password: newPassword,
  displayName: z
    .string({ error: 'Tell us the name to show with your posts.' })
    .trim()
    .min(1, { error: 'Tell us the name to show with your posts.' })
    .max(80, { error: 'Your name can have at most 80 characters.' }),
  region: z.string({ error: 'Choose where you live.' }).min(1, { error: 'Choose where you live.' }),
  privacyConsent: z.literal('yes', {
    error: 'Tick the box to agree: we cannot keep an account without your consent.',
  }),
  redirectTo: redirectToField,
})

export const signInSchema = z.object({
  email,
  password: z.string({ error: 'Enter your password.' }),
  redirectTo: redirectToField,
})

export const forgotPasswordSchema = z.object({ email })

export const resetPasswordSchema = z
  .object({
    password: newPassword,
    confirmPassword: z.string({ error: 'Type the new password again.' }),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ['confirmPassword'],
    error: 'The two passwords are not the same.',
  })
