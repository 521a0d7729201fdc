package org.palisade.validation.internal;

/**
 * IPv4 addresses and networks as 32-bit numbers.
 */
final class Ipv4 {

	private Ipv4() {
	}

	/** @return the address as an unsigned 32-bit value, or -1 if the text is not a dotted quad */
	static long parse(String text) {
		if (text == null) {
			return -1;
		}
		// By hand rather than split("\\."): every device's address is parsed on every validation.
		long value = 0;
		int octets = 0;
		int i = 0;
		int n = text.length();
		while (true) {
			int start = i;
			int octet = 0;
			while (i < n && i - start < 4) {
				char c = text.charAt(i);
				if (c < '0' || c > '9') {
					break;
				}
				octet = octet * 10 + (c - '0');
				i++;
			}
			if (i == start || i - start > 3 || octet > 255) {
				return -1;
			}
			value = value << 8 | octet;
			octets++;
			if (i == n) {
				return octets == 4 ? value : -1;
			}
			if (text.charAt(i) != '.' || octets == 4) {
				return -1;
			}
			i++;
		}
	}

	/** A network: base address and prefix length. */
	record Cidr(long base, int prefix) {
		static Cidr parse(String text) {
			if (text == null || text.indexOf('/') < 0) {
				return null;
			}
			long base = Ipv4.parse(text.substring(0, text.indexOf('/')));
			String p = text.substring(text.indexOf('/') + 1);
			if (base < 0 || p.isEmpty() || p.length() > 2 || !p.chars().allMatch(Character::isDigit)) {
				return null;
			}
			int prefix = Integer.parseInt(p);
			return prefix > 32 ? null : new Cidr(base, prefix);
		}

		long mask() {
			return prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
		}

		boolean contains(long address) {
			return (address & mask()) == (base & mask());
		}

		boolean hasHostBits() {
			return (base & ~mask() & 0xFFFFFFFFL) != 0;
		}
	}
}
