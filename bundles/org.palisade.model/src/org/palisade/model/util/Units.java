package org.palisade.model.util;

/**
 * Conversions between the units the design text uses and the ones the model stores.
 * Times of day are stored as minutes after midnight so that intervals can be compared
 * and wrapped past midnight with plain arithmetic.
 */
public final class Units {

	/** Minutes in a day: 24 * 60. */
	public static final int MINUTES_PER_DAY = 24 * 60;

	private Units() {
	}

	/**
	 * @param minutes minutes after midnight, 0..1440 (1440 is the end of the day, "24:00")
	 * @return the time as {@code HH:MM}
	 */
	public static String formatTime(int minutes) {
		return String.format("%02d:%02d", minutes / 60, minutes % 60);
	}

	/**
	 * @param text a time of day {@code H:MM} or {@code HH:MM}, 00:00 to 24:00
	 * @return minutes after midnight
	 * @throws IllegalArgumentException if the text is not a time of day
	 */
	public static int parseTime(String text) {
		int colon = text.indexOf(':');
		if (colon < 1 || colon > 2 || text.length() != colon + 3) {
			throw new IllegalArgumentException("'" + text + "' is not a time of day (HH:MM)");
		}
		int hours;
		int minutes;
		try {
			hours = Integer.parseInt(text.substring(0, colon));
			minutes = Integer.parseInt(text.substring(colon + 1));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("'" + text + "' is not a time of day (HH:MM)", e);
		}
		if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) {
			throw new IllegalArgumentException("'" + text + "' is not a time of day: hours 0-24, minutes 0-59");
		}
		return hours * 60 + minutes;
	}
}
