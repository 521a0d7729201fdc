package org.palisade.dsl.conversion;

import java.math.BigDecimal;

import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.INode;
import org.palisade.model.util.Units;

/**
 * Converts the language's data type rules: decimals ("0.25"), times of day ("18:00").
 * Errors become positioned syntax diagnostics, never exceptions escaping the parser.
 */
public class SiteValueConverters extends DefaultTerminalConverters {

	@ValueConverter(rule = "Decimal")
	public IValueConverter<Double> decimal() {
		return decimals(false);
	}

	/** Pan and tilt in degrees, which may be negative ("-12.5"). */
	@ValueConverter(rule = "SignedDecimal")
	public IValueConverter<Double> signedDecimal() {
		return decimals(true);
	}

	private static IValueConverter<Double> decimals(boolean signed) {
		return new IValueConverter<>() {
			@Override
			public Double toValue(String string, INode node) {
				if (string == null || string.isBlank()) {
					throw new ValueConverterException("a number is missing", node, null);
				}
				try {
					return Double.valueOf(string.trim());
				} catch (NumberFormatException e) {
					throw new ValueConverterException("'" + string + "' is not a number", node, e);
				}
			}

			@Override
			public String toString(Double value) {
				if (value == null || value.isNaN() || value.isInfinite() || !signed && value < 0) {
					throw new ValueConverterException("not a serializable decimal: " + value, null, null);
				}
				// "50" rather than "50.0", "0.25" rather than "0.25000000000000001".
				return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
			}
		};
	}

	@ValueConverter(rule = "Time")
	public IValueConverter<Integer> time() {
		return new IValueConverter<>() {
			@Override
			public Integer toValue(String string, INode node) {
				if (string == null) {
					throw new ValueConverterException("a time of day is missing", node, null);
				}
				int minutes;
				try {
					minutes = Units.parseTime(string.trim());
				} catch (IllegalArgumentException e) {
					throw new ValueConverterException(e.getMessage(), node, e);
				}
				if (minutes == Units.MINUTES_PER_DAY && isStart(node)) {
					// 24:00 is the end of a day; as a start it would reach a device as hour 24.
					throw new ValueConverterException("24:00 ends a day and cannot start an interval; start at 00:00 "
							+ "of the next day", node, null);
				}
				return minutes;
			}

			private boolean isStart(INode node) {
				Assignment assignment = node == null ? null : GrammarUtil.containingAssignment(node.getGrammarElement());
				return assignment != null && "start".equals(assignment.getFeature());
			}

			@Override
			public String toString(Integer value) {
				if (value == null || value < 0 || value > Units.MINUTES_PER_DAY) {
					throw new ValueConverterException("not a time of day: " + value, null, null);
				}
				return Units.formatTime(value);
			}
		};
	}
}
