import { NO_ADDRESS_KEY, clientKey } from '../../server/lib/client-key'

test('the rate-limit key: IPv4 as is, IPv6 by /64, mapped IPv4 as IPv4, no address as one bucket', () => {
  expect(clientKey('203.0.113.9')).toBe('203.0.113.9')
  expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
  expect(clientKey('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64')
  expect(clientKey('::1')).toBe('0:0:0:0::/64')
  expect(clientKey('::ffff:198.51.100.7')).toBe('198.51.100.7')
  expect(clientKey(undefined)).toBe(NO_ADDRESS_KEY)
  expect(clientKey('')).toBe(NO_ADDRESS_KEY)
})
