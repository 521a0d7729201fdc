package org.palisade.dsl.ide.hover;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.palisade.model.site.ApplicationType;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.PinEndpoint;
import org.palisade.model.site.PinFunction;
import org.palisade.model.site.PinSpec;
import org.palisade.model.site.PortConfig;
import org.palisade.model.site.Recipient;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.TerminalSpec;

/**
 * What a person hovering over an element of a design wants to read: a device's catalog
 * figures, a pin's role and limits, a port's direction. Plain text, one fact per line, so
 * the Studio's hover, the language server's hover and the Properties view say the same.
 */
public final class SiteDescriptions {

	private SiteDescriptions() {
	}

	/**
	 * What the Studio's hover and the language server's hover say at a place in a design.
	 *
	 * @return a description of what the name at an offset is or refers to (a device and its
	 *         catalog figures, a pin's role), or null when the offset is on nothing named
	 */
	public static String describeAt(XtextResource resource, int offset) {
		if (resource == null || resource.getParseResult() == null) {
			return null;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		if (leaf == null || leaf.isHidden()) {
			return null;
		}
		EObject semantic = NodeModelUtils.findActualSemanticObjectFor(leaf);
		if (semantic instanceof PinEndpoint endpoint) {
			PinSpec pin = pin(EcoreUtil2.getContainerOfType(endpoint, Device.class), endpoint.getPin());
			return pin == null ? "pin " + endpoint.getPin() + ": not a pin of this device's I/O terminal" : describe(pin);
		}
		EObject target = resource.getResourceServiceProvider().get(EObjectAtOffsetHelper.class)
				.resolveCrossReferencedElementAt(resource, offset);
		if (target != null) {
			return target.eIsProxy() ? null : describe(target);
		}
		// A declared name: the leaf, or (a data type rule such as ValidID) its parent.
		for (INode node = leaf; node != null; node = node.getParent()) {
			if (node.getGrammarElement() instanceof RuleCall call && call.eContainer() instanceof Assignment assignment
					&& "name".equals(assignment.getFeature())) {
				return semantic == null ? null : describe(semantic);
			}
			if (node.getGrammarElement() instanceof Assignment || node.getGrammarElement() instanceof ParserRule) {
				break;
			}
		}
		return null;
	}

	/** @return a description of a design element, or null when there is nothing to add */
	public static String describe(EObject element) {
		if (element instanceof Device device) {
			return device(device);
		}
		if (element instanceof DeviceType type) {
			return model(type);
		}
		if (element instanceof PinSpec pin) {
			return pin(pin);
		}
		if (element instanceof PortConfig port) {
			return "port " + port.getPort() + ": " + port.getDirection().getLiteral() + " \"" + port.getName() + "\""
					+ (port.eIsSet(port.eClass().getEStructuralFeature("normalState")) ? ", normally " + port.getNormalState().getLiteral() : "");
		}
		if (element instanceof Schedule schedule) {
			return "schedule " + schedule.getName() + (schedule.getLabel() != null ? " \"" + schedule.getLabel() + "\"" : "")
					+ ": " + schedule.getIntervals().size() + " interval" + (schedule.getIntervals().size() == 1 ? "" : "s");
		}
		if (element instanceof Recipient recipient) {
			if (recipient.getSpeaker() != null && !recipient.getSpeaker().eIsProxy()) {
				return "recipient " + recipient.getName() + ": plays clip " + recipient.getClip() + " on "
						+ recipient.getSpeaker().getName() + (recipient.isSecure() ? " over HTTPS" : " over HTTP");
			}
			return "recipient " + recipient.getName() + (recipient.getUrl() != null ? ": " + recipient.getUrl() : "");
		}
		if (element instanceof TerminalSpec terminal) {
			DeviceType type = EcoreUtil2.getContainerOfType(terminal, DeviceType.class);
			return "terminal " + terminal.getName() + " (" + terminal.getPolarity().getLiteral() + ")"
					+ (type != null ? " of " + type.getName() : "");
		}
		if (element instanceof ApplicationType app) {
			return app.getLabel() + (app.getEvents().isEmpty() ? "" : "\nevents: " + String.join(", ", app.getEvents()))
					+ (app.getCpu() != null ? "\nuses " + app.getCpu() + " % CPU, " + app.getMemory() + " MB" : "");
		}
		return null;
	}

	/** @return the pin of a device's I/O terminal with that number, or null */
	public static PinSpec pin(Device device, int number) {
		DeviceType type = device == null ? null : device.getType();
		if (type == null || type.eIsProxy()) {
			return null;
		}
		for (PinSpec pin : type.getPins()) {
			if (pin.getNumber() == number) {
				return pin;
			}
		}
		return null;
	}

	/** @return a pin's role and limits: "pin 2: 12 V DC out, max 50 mA" */
	public static String pin(PinSpec pin) {
		StringBuilder text = new StringBuilder("pin ").append(pin.getNumber()).append(": ");
		text.append(role(pin));
		return text.toString();
	}

	/** @return what a pin is for, with its figures: "12 V DC out, max 50 mA" */
	public static String role(PinSpec pin) {
		if (pin.getFunction() == PinFunction.GROUND) {
			return "0 V DC (ground)";
		}
		if (pin.getFunction() == PinFunction.DC_OUT) {
			return figure(pin.getVoltage(), "V") + " DC out" + (pin.getMaxCurrent() != null ? ", max " + figure(pin.getMaxCurrent(), "mA") : "");
		}
		List<String> limits = new ArrayList<>();
		if (pin.getMaxVoltage() != null) {
			limits.add("max " + figure(pin.getMaxVoltage(), "V"));
		}
		if (pin.getMaxCurrent() != null) {
			limits.add(figure(pin.getMaxCurrent(), "mA") + " as output");
		}
		return "I/O" + (pin.getPort() != null ? " port " + pin.getPort() : "") + " (input or open-drain output"
				+ (limits.isEmpty() ? "" : ", " + String.join(", ", limits)) + ")";
	}

	private static String device(Device device) {
		StringBuilder text = new StringBuilder();
		text.append(device.getRole().getLiteral()).append(' ').append(device.getName());
		DeviceType type = device.getType();
		if (type != null && !type.eIsProxy()) {
			text.append(": ").append(type.getName());
		}
		if (device.getAddress() != null) {
			text.append(" at ").append(device.getAddress());
		}
		if (type != null && !type.eIsProxy()) {
			text.append('\n').append(model(type));
		}
		return text.toString();
	}

	private static String model(DeviceType type) {
		StringBuilder text = new StringBuilder(type.getName()).append(" (").append(type.getKind().getLiteral()).append(')');
		if (type.getDescription() != null) {
			text.append('\n').append(type.getDescription());
		}
		for (PinSpec pin : type.getPins()) {
			text.append('\n').append(pin(pin));
		}
		if (type.getNominalVoltage() != null) {
			text.append("\noperates at ").append(figure(type.getNominalVoltage(), "V"));
			if (type.getMinVoltage() != null || type.getMaxVoltage() != null) {
				text.append(" (").append(type.getMinVoltage() != null ? figure(type.getMinVoltage(), "V") : "?").append(" to ")
						.append(type.getMaxVoltage() != null ? figure(type.getMaxVoltage(), "V") : "?").append(')');
			}
			if (type.getCurrent() != null) {
				text.append(", draws ").append(figure(type.getCurrent(), "mA"));
			}
		}
		if (type.isInductive()) {
			text.append("\ninductive: needs a diode across it on an output");
		}
		if (type.getWireAreaMin() != null) {
			text.append("\nwire ").append(figure(type.getWireAreaMin(), "mm2")).append(" to ").append(figure(type.getWireAreaMax(), "mm2"));
		}
		if (type.getSupplyMaxPower() != null) {
			text.append("\nsupply at most ").append(figure(type.getSupplyMaxPower(), "W")).append(" or ")
					.append(figure(type.getSupplyMaxCurrent(), "A"));
		}
		if (type.getClipSlots() != null) {
			text.append("\n").append(type.getClipSlots()).append(" clip slots");
		}
		return text.toString();
	}

	/** @return a figure without a trailing ".0": "12 V", "0.25 mm2" */
	static String figure(Double value, String unit) {
		if (value == null) {
			return "? " + unit;
		}
		double v = value;
		String number = v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
		return number + " " + unit;
	}
}
