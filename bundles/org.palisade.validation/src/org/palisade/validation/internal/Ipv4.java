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
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			return -1;
		}
		long value = 0;
		for (String p : parts) {
			if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
				return -1;
			}
			int octet = Integer.parseInt(p);
			if (octet > 255) {
				return -1;
			}
			value = value << 8 | octet;
		}
		return value;
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
