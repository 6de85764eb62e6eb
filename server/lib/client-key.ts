// The rate limiter's key for a request: the client's address, with IPv6 clients grouped by their
// /64 (one household or phone gets a whole /64 and could otherwise rotate through it). A request
// whose socket is already gone (the client sent garbage after it, or more body than its
// Content-Length, and Node closed the connection) has no address at all: it shares one bucket,
// since no answer can reach it anyway, instead of making the limiter throw.
import { isIPv4, isIPv6 } from 'node:net'
import { captured } from '../../src/domain/captured'

export const NO_ADDRESS_KEY = 'no-address'

type Groups = [number, number, number, number, number, number, number, number]
const isEight = (groups: number[]): groups is Groups => groups.length === 8

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(address: string): Groups | null {
  if (!isIPv6(address)) return null
  // split always yields at least one part
  const [withoutZone = ''] = address.split('%')
  let text = withoutZone.toLowerCase()
  // an embedded IPv4 tail (::ffff:1.2.3.4) becomes two groups
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (v4) {
    const quad = captured(v4, 1)
    // the pattern has four dotted parts
    const [a = 0, b = 0, c = 0, d = 0] = quad.split('.').map(Number)
    text = `${text.slice(0, -quad.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null]
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const fill = tail === null ? [] : new Array<string>(8 - left.length - right.length).fill('0')
  const groups = [...left, ...fill, ...right].map((g) => parseInt(g, 16))
  return isEight(groups) && groups.every((g) => Number.isInteger(g)) ? groups : null
}

export function clientKey(ip: string | undefined): string {
  if (typeof ip !== 'string' || ip === '') return NO_ADDRESS_KEY
  if (isIPv4(ip)) return ip
  const groups = ipv6Groups(ip)
  if (!groups) return ip.toLowerCase()
  // an IPv4 client seen through a dual-stack socket (::ffff:a.b.c.d) is that IPv4 client
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.')
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`
}
