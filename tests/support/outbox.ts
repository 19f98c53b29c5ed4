// Reads the local outbox, where the local Auth server delivers e-mail.
import { stackInfo } from './clients'

export type Mail = {
  id: number
  to_email: string
  subject: string
  body: string
  link: string | null
  created_at: string
}

export async function latestMail(to: string, waitMs = 3000): Promise<Mail> {
  const { apiUrl, anonKey } = stackInfo()
  const deadline = Date.now() + waitMs
  for (;;) {
    const response = await fetch(`${apiUrl}/outbox/v1/messages`, { headers: { apikey: anonKey } })
    const messages = (await response.json()) as Mail[]
    const mail = messages.find((message) => message.to_email === to.toLowerCase())
    if (mail) return mail
    if (Date.now() > deadline) throw new Error(`No mail to ${to} in the outbox`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
