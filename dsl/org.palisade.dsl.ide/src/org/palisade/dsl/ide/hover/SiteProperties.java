package org.palisade.dsl.ide.hover;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.PinSpec;

/**
 * A design element's fields as the Properties view lists them: what is written in the
 * design (attributes, the names it refers to, how many of each child it has) and, under
 * "Catalog", the figures {@link SiteDescriptions} gives for it (a camera's model, power
 * and pins; a pin's role and limits).
 */
public final class SiteProperties {

	/**
	 * One line of the view.
	 *
	 * @param category "Design" or "Catalog"
	 * @param name     the field, in words ("max current")
	 * @param value    its value as text
	 */
	public record Property(String category, String name, String value) {
	}

	private SiteProperties() {
	}

	/** @return the element's properties, design fields first */
	public static List<Property> of(EObject element) {
		List<Property> result = new ArrayList<>();
		INode node = NodeModelUtils.getNode(element);
		if (node != null) {
			result.add(new Property("Design", "line", String.valueOf(node.getStartLine())));
		}
		for (EStructuralFeature feature : element.eClass().getEAllStructuralFeatures()) {
			if (feature.isDerived() || feature.isTransient() || !element.eIsSet(feature)) {
				continue;
			}
			String value = value(element, feature);
			if (value != null) {
				result.add(new Property("Design", words(feature.getName()), value));
			}
		}
		DeviceType type = element instanceof Device device ? device.getType() : element instanceof DeviceType t ? t : null;
		if (type != null && !type.eIsProxy()) {
			catalog(type, result);
		} else {
			String description = SiteDescriptions.describe(element);
			if (description != null) {
				String[] lines = description.split("\n");
				for (int i = 0; i < lines.length; i++) {
					// Numbered so that the view, which sorts by name, keeps the description's order.
					result.add(new Property("Catalog", i == 0 ? "summary" : String.format(Locale.ROOT, "detail %02d", i), lines[i]));
				}
			}
		}
		return result;
	}

	/** A catalog model's figures, one per line: what the hover says, in fields. */
	private static void catalog(DeviceType type, List<Property> result) {
		result.add(new Property("Catalog", "model", type.getName() + " (" + type.getKind().getLiteral() + ")"));
		if (type.getDescription() != null) {
			result.add(new Property("Catalog", "description", type.getDescription()));
		}
		for (PinSpec pin : type.getPins()) {
			result.add(new Property("Catalog", "pin " + pin.getNumber(), SiteDescriptions.role(pin)));
		}
		if (type.getNominalVoltage() != null) {
			String range = type.getMinVoltage() != null || type.getMaxVoltage() != null
					? " (" + SiteDescriptions.figure(type.getMinVoltage(), "V") + " to " + SiteDescriptions.figure(type.getMaxVoltage(), "V") + ")"
					: "";
			result.add(new Property("Catalog", "operating voltage", SiteDescriptions.figure(type.getNominalVoltage(), "V") + range));
		}
		if (type.getCurrent() != null) {
			result.add(new Property("Catalog", "current draw", SiteDescriptions.figure(type.getCurrent(), "mA")));
		}
		if (type.isInductive()) {
			result.add(new Property("Catalog", "inductive", "yes: needs a diode across it on an output"));
		}
		if (type.getWireAreaMin() != null) {
			result.add(new Property("Catalog", "wire area", SiteDescriptions.figure(type.getWireAreaMin(), "mm2") + " to "
					+ SiteDescriptions.figure(type.getWireAreaMax(), "mm2")));
		}
		if (type.getSupplyMaxPower() != null) {
			result.add(new Property("Catalog", "supply limit", SiteDescriptions.figure(type.getSupplyMaxPower(), "W") + " or "
					+ SiteDescriptions.figure(type.getSupplyMaxCurrent(), "A")));
		}
		if (type.getClipSlots() != null) {
			result.add(new Property("Catalog", "clip slots", String.valueOf(type.getClipSlots())));
		}
	}

	private static String value(EObject element, EStructuralFeature feature) {
		if ("password".equals(feature.getName())) {
			// Never shown, not even here: the finding SEC-PLAINTEXT-SECRET says what to do.
			return "(typed into the design: move it to the secret store, SEC-PLAINTEXT-SECRET)";
		}
		Object value = element.eGet(feature, true);
		if (feature instanceof EReference reference) {
			if (reference.isContainment()) {
				if (value instanceof List<?> list) {
					return list.isEmpty() ? null : String.valueOf(list.size());
				}
				return value == null ? null : "yes";
			}
			if (value instanceof List<?> list) {
				List<String> names = new ArrayList<>();
				for (Object o : list) {
					names.add(name(o));
				}
				return String.join(", ", names);
			}
			return name(value);
		}
		if (value instanceof List<?> list) {
			return list.isEmpty() ? null : list.toString();
		}
		return text(value);
	}

	private static String name(Object referenced) {
		if (referenced instanceof EObject o) {
			if (o.eIsProxy()) {
				return "(unresolved)";
			}
			EStructuralFeature name = o.eClass().getEStructuralFeature("name");
			Object text = name == null ? null : o.eGet(name);
			return text == null ? o.eClass().getName() : String.valueOf(text);
		}
		return String.valueOf(referenced);
	}

	private static String text(Object value) {
		if (value instanceof Enumerator e) {
			return e.getLiteral();
		}
		if (value instanceof Double d) {
			return new BigDecimal(d.toString()).stripTrailingZeros().toPlainString();
		}
		if (value instanceof Boolean b) {
			return b ? "yes" : "no";
		}
		return value == null ? null : String.valueOf(value);
	}

	/** "maxCurrent" becomes "max current". */
	static String words(String name) {
		StringBuilder words = new StringBuilder();
		for (char c : name.toCharArray()) {
			if (Character.isUpperCase(c)) {
				words.append(' ').append(Character.toLowerCase(c));
			} else {
				words.append(c);
			}
		}
		return words.toString().toLowerCase(Locale.ROOT);
	}
}
