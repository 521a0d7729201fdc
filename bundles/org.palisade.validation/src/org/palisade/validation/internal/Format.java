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

	public static String metres(double value) {
		return num(value, 0) + " m";
	}
}
