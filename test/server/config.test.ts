// Boot configuration: a bad value stops the server with a message naming the variable.
import { ConfigError, loadConfig } from '../../server/config'
import { ADMIN_TOKEN } from './helpers'

const problemWith = (token: string): ConfigError | null => {
  try {
    loadConfig({ ADMIN_TOKEN: token })
    return null
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
}

describe('ADMIN_TOKEN', () => {
  test.each([
    ['16 × a', 'a'.repeat(16), /至少要 24/],
    ['40 × a', 'a'.repeat(40), /太容易猜到/],
    ['a repeated pattern', 'ab12'.repeat(10), /太容易猜到/],
    ['a trailing space', `${ADMIN_TOKEN} `, /空格/],
    ['a leading newline', `\n${ADMIN_TOKEN}`, /空格/],
    ['an inner space', `${ADMIN_TOKEN.slice(0, 10)} ${ADMIN_TOKEN.slice(10)}`, /空格/],
    ['a non-breaking space', `${ADMIN_TOKEN}\u00a0x`, /空格|ASCII/],
    ['non-ASCII', `${ADMIN_TOKEN}令牌`, /ASCII/],
    ['full-width letters', `${ADMIN_TOKEN}ａｂ`, /ASCII/],
    ['a control character', `${ADMIN_TOKEN}\x7f`, /ASCII/],
  ])('%s is refused at boot, naming ADMIN_TOKEN', (_label, token, message) => {
    const error = problemWith(token)
    expect(error?.variable).toBe('ADMIN_TOKEN')
    expect(error?.message).toMatch(message)
  })

  test('a random token (openssl rand -hex 32 / -base64 24) is accepted; unset or empty turns admin off', () => {
    for (const token of [
      ADMIN_TOKEN,
      'b9f0c3e1a2d47f86e5c0b1a9d3f27e4c6a8b0d1e2f3a4b5c6d7e8f9a0b1c2d3e',
      'q7Zk+3vR/9wLm2XpT8cN4bYh5JfD6sA1',
    ]) {
      expect(problemWith(token)).toBeNull()
      expect(loadConfig({ ADMIN_TOKEN: token }).adminToken).toBe(token)
    }
    expect(loadConfig({}).adminToken).toBeNull()
    expect(loadConfig({ ADMIN_TOKEN: '' }).adminToken).toBeNull()
  })
})
