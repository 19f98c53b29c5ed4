// The per-request CSP nonce, handed from server.ts through the load context to every
// <script> Remix renders.
import { createContext, useContext } from 'react'

export const NonceContext = createContext<string>('')
export const NonceProvider = NonceContext.Provider

export function useNonce() {
  return useContext(NonceContext)
}
