package org.palisade.validation.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers in messages as an integrator writes them: "50 mA", "2.8 V", "0.25 mm2".
 */
public final class Format {

	private Format() {
	}

	/** @return the value rounded to at most {@code decimals} places, without trailing zeros */
	public static String num(double value, int decimals) {
		return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	public static String mA(double value) {
		return num(value, 1) + " mA";
	}

	public static String volts(double value) {
		return num(value, 1) + " V";
	}

	public static String mm2(double value) {
		return num(value, 3) + " mm2";
	}

	/**
	 * @return the fewest decimals (at least 1, at most 4) at which {@code value} and
	 *         {@code limit} print differently: a reader must see which side of a limit a figure
	 *         is on, never "leaves 10.8 V, below its 10.8 V minimum"
	 */
	public static int decimalsToShow(double value, double limit) {
		return decimalsToShow(value, limit, 1);
	}

	/** As {@link #decimalsToShow(double, double)}, from {@code min} decimals up. */
	public static int decimalsToShow(double value, double limit, int min) {
		for (int d = min; d < 4; d++) {
			if (!num(value, d).equals(num(limit, d))) {
				return d;
			}
		}
		return 4;
	}

	/** @return "1 day", "30 days", "0 days" */
	public static String count(long n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

	public static String metres(double value) {
		return num(value, 0) + " m";
	}
}
