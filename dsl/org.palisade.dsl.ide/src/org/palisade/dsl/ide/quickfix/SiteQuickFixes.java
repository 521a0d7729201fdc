package org.palisade.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.Endpoint;
import org.palisade.model.site.PortConfig;
import org.palisade.model.site.PortDirection;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.Section;
import org.palisade.model.site.SiteFactory;
import org.palisade.model.site.SitePackage;
import org.palisade.model.site.TerminalEndpoint;
import org.palisade.model.site.Weekday;
import org.palisade.model.site.Wire;

/**
 * The fixes a finding has when the right change is clear. A fix is computed from the design
 * as the user sees it and applied, later, to a fresh copy of the same text: it finds its
 * element again by offset. Platform-neutral: the Studio applies a fix through its one
 * model-change path (Xtext's change serializer, minimal text edits); a language server can
 * send the same edits as a code action.
 */
public final class SiteQuickFixes {

	/** The codes some fix exists for. */
	public static final Set<String> FIXABLE = Set.of("ELEC-WIRE-AREA", "ELEC-INDUCTIVE-DIODE", "ELEC-DIRECTION", "LINK");

	/**
	 * A fix: what it says it does, and the change to make on a copy of the design.
	 *
	 * @param label        what the user picks ("Change the wire to 0.25 mm2")
	 * @param modification changes the copy; returns false if there is nothing to change there
	 */
	public record Fix(String label, Function<XtextResource, Boolean> modification) {
	}

	private static final Pattern ADD_PORT = Pattern.compile("add: port (\\d+) (input|output) \"([^\"]*)\"");

	private SiteQuickFixes() {
	}

	/**
	 * @param offset  where the finding starts in the design's text
	 * @param code    its rule code
	 * @param message its message (some carry the exact change, e.g. "add: port 2 input ...")
	 * @return the fixes for the finding, none when no change is clearly right
	 */
	public static List<Fix> fixes(XtextResource resource, int offset, String code, String message) {
		List<Fix> fixes = new ArrayList<>();
		EObject element = elementAt(resource, offset);
		if (element == null) {
			return fixes;
		}
		switch (code) {
		case "ELEC-WIRE-AREA" -> wireArea(element, offset, fixes);
		case "ELEC-INDUCTIVE-DIODE" -> diode(element, offset, fixes);
		case "ELEC-DIRECTION" -> direction(element, offset, message, fixes);
		case "LINK" -> missingSchedule(resource, offset, fixes);
		default -> {
			// no clear fix
		}
		}
		return fixes;
	}

	/** @return the innermost element whose text holds an offset */
	public static EObject elementAt(XtextResource resource, int offset) {
		if (resource == null || resource.getParseResult() == null) {
			return null;
		}
		ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		return leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
	}

	private static void wireArea(EObject element, int offset, List<Fix> fixes) {
		Wire wire = EcoreUtil2.getContainerOfType(element, Wire.class);
		Device camera = wire == null ? null : EcoreUtil2.getContainerOfType(wire, Device.class);
		DeviceType type = camera == null ? null : camera.getType();
		if (type == null || type.eIsProxy() || type.getWireAreaMin() == null || type.getWireAreaMax() == null) {
			return;
		}
		double area = Math.min(type.getWireAreaMax(), Math.max(type.getWireAreaMin(), wire.getArea()));
		fixes.add(new Fix("Change the wire to " + figure(area) + " mm2 (the I/O terminal takes " + figure(type.getWireAreaMin())
				+ " to " + figure(type.getWireAreaMax()) + " mm2)", copy -> {
					Wire w = EcoreUtil2.getContainerOfType(elementAt(copy, offset), Wire.class);
					if (w == null) {
						return false;
					}
					w.setArea(area);
					return true;
				}));
	}

	private static void diode(EObject element, int offset, List<Fix> fixes) {
		Wire wire = EcoreUtil2.getContainerOfType(element, Wire.class);
		Device load = wire == null ? null : inductiveLoad(wire);
		if (load == null) {
			return;
		}
		String name = load.getName();
		fixes.add(new Fix("Mark " + name + " 'with-diode' (fit a diode across it, cathode to +)", copy -> {
			Wire w = EcoreUtil2.getContainerOfType(elementAt(copy, offset), Wire.class);
			Device d = w == null ? null : inductiveLoad(w);
			if (d == null) {
				return false;
			}
			d.setDiode(true);
			return true;
		}));
	}

	private static Device inductiveLoad(Wire wire) {
		for (Endpoint end : List.of(wire.getFrom(), wire.getTo())) {
			if (end instanceof TerminalEndpoint t && t.getDevice() != null && !t.getDevice().eIsProxy()
					&& t.getDevice().getType() != null && !t.getDevice().getType().eIsProxy() && t.getDevice().getType().isInductive()) {
				return t.getDevice();
			}
		}
		return null;
	}

	private static void direction(EObject element, int offset, String message, List<Fix> fixes) {
		if (element instanceof PortConfig port) {
			PortDirection wanted = port.getDirection() == PortDirection.INPUT ? PortDirection.OUTPUT : PortDirection.INPUT;
			if (message == null || !message.contains("must be an " + wanted.getLiteral())) {
				return; // a rule waits on an output: which side is wrong is the user's call
			}
			fixes.add(new Fix("Make port " + port.getPort() + " an " + wanted.getLiteral(), copy -> {
				if (!(elementAt(copy, offset) instanceof PortConfig p)) {
					return false;
				}
				p.setDirection(wanted);
				return true;
			}));
			return;
		}
		Matcher add = message == null ? null : ADD_PORT.matcher(message);
		Device camera = EcoreUtil2.getContainerOfType(element, Device.class);
		if (add != null && add.find() && camera != null) {
			int number = Integer.parseInt(add.group(1));
			PortDirection direction = PortDirection.get(add.group(2));
			String name = add.group(3);
			fixes.add(new Fix("Add port " + number + " " + direction.getLiteral() + " \"" + name + "\"", copy -> {
				Device c = EcoreUtil2.getContainerOfType(elementAt(copy, offset), Device.class);
				if (c == null) {
					return false;
				}
				PortConfig port = SiteFactory.eINSTANCE.createPortConfig();
				port.setPort(number);
				port.setDirection(direction);
				port.setName(name);
				c.getPorts().add(port);
				return true;
			}));
		}
	}

	private static void missingSchedule(XtextResource resource, int offset, List<Fix> fixes) {
		INode node = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		INode reference = node;
		while (reference != null && !(reference.getGrammarElement() instanceof CrossReference)) {
			reference = reference.getParent();
		}
		if (reference == null) {
			return;
		}
		EReference feature = GrammarUtil.getReference((CrossReference) reference.getGrammarElement());
		if (feature == null || feature.getEReferenceType() != SitePackage.Literals.SCHEDULE) {
			return;
		}
		String name = NodeModelUtils.getTokenText(reference);
		fixes.add(new Fix("Create schedule " + name + " (Mon-Fri 18:00-08:00, to adjust)", copy -> {
			EObject at = elementAt(copy, offset);
			Section section = at == null ? null : EcoreUtil2.getContainerOfType(at, Section.class);
			if (section == null) {
				return false;
			}
			Schedule schedule = SiteFactory.eINSTANCE.createSchedule();
			schedule.setName(name);
			var interval = SiteFactory.eINSTANCE.createInterval();
			var days = SiteFactory.eINSTANCE.createDayRange();
			days.setFirst(Weekday.MON);
			days.setLast(Weekday.FRI);
			interval.getDays().add(days);
			interval.setStart(18 * 60);
			interval.setEnd(8 * 60);
			schedule.getIntervals().add(interval);
			section.getSchedules().add(schedule);
			return true;
		}));
	}

	private static String figure(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
	}
}
