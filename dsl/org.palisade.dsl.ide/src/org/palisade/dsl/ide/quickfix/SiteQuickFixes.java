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
import org.palisade.dsl.scoping.SiteQualifiedNameProvider;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceRole;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.Endpoint;
import org.palisade.model.site.PortConfig;
import org.palisade.model.site.PortDirection;
import org.palisade.model.site.Recipient;
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
	public static final Set<String> FIXABLE = Set.of("ELEC-WIRE-AREA", "ELEC-INDUCTIVE-DIODE", "ELEC-DIRECTION", "LINK",
			"SEC-PLAINTEXT-SECRET");

	/**
	 * A fix: what it says it does, and the change to make on a copy of the design.
	 *
	 * @param label        what the user picks ("Change the wire to 0.25 mm2")
	 * @param modification changes the copy; returns false if there is nothing to change there
	 * @param secret       a secret the editor must put in secure storage before the text
	 *                     loses it, or null
	 */
	public record Fix(String label, Function<XtextResource, Boolean> modification, SecretMove secret) {

		public Fix(String label, Function<XtextResource, Boolean> modification) {
			this(label, modification, null);
		}
	}

	/**
	 * A password typed into a design, to be kept under a credentials reference instead.
	 *
	 * @param reference the credentials reference the design will name
	 * @param password  the password now in the text
	 */
	public record SecretMove(String reference, String password) {

		@Override
		public String toString() {
			// Never in a log line or an exception message.
			return "SecretMove[" + reference + ", password hidden]";
		}
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
		case "LINK" -> missingReference(resource, offset, fixes);
		case "SEC-PLAINTEXT-SECRET" -> plaintextPassword(element, offset, fixes);
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

	/** A rule names a schedule or recipient that does not exist: create it, to adjust. */
	private static void missingReference(XtextResource resource, int offset, List<Fix> fixes) {
		INode node = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		INode reference = node;
		while (reference != null && !(reference.getGrammarElement() instanceof CrossReference)) {
			reference = reference.getParent();
		}
		if (reference == null) {
			return;
		}
		EReference feature = GrammarUtil.getReference((CrossReference) reference.getGrammarElement());
		String name = NodeModelUtils.getTokenText(reference);
		if (feature != null && feature.getEReferenceType() == SitePackage.Literals.SCHEDULE) {
			fixes.add(new Fix("Create schedule " + name + " (Mon-Fri 18:00-08:00, to adjust)", copy -> {
				Section section = sectionAt(copy, offset);
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
		} else if (feature != null && feature.getEReferenceType() == SitePackage.Literals.RECIPIENT) {
			Device speaker = firstSpeaker(resource);
			String what = speaker != null ? "plays clip 1 on " + speaker.getName() + " over HTTPS" : "calls a URL";
			fixes.add(new Fix("Create recipient " + name + " (" + what + ", to adjust)", copy -> {
				Section section = sectionAt(copy, offset);
				if (section == null) {
					return false;
				}
				Recipient recipient = SiteFactory.eINSTANCE.createRecipient();
				recipient.setName(name);
				Device onCopy = firstSpeaker(copy);
				if (onCopy != null) {
					recipient.setSpeaker(onCopy);
					recipient.setClip(1);
					recipient.setSecure(true);
				} else {
					// A reserved name (RFC 2606) that can never reach anyone until it is adjusted.
					recipient.setUrl("https://recipient.invalid/alarm");
				}
				section.getRecipients().add(recipient);
				return true;
			}));
		}
	}

	private static Section sectionAt(XtextResource copy, int offset) {
		EObject at = elementAt(copy, offset);
		return at == null ? null : EcoreUtil2.getContainerOfType(at, Section.class);
	}

	/** The first speaker of the design or of what it imports, or null. */
	private static Device firstSpeaker(XtextResource resource) {
		for (var r : resource.getResourceSet() == null ? List.of(resource) : List.copyOf(resource.getResourceSet().getResources())) {
			for (var it = r.getAllContents(); it.hasNext();) {
				if (it.next() instanceof Device d && d.getRole() == DeviceRole.SPEAKER && d.getName() != null) {
					return d;
				}
			}
		}
		return null;
	}

	/**
	 * A password after {@code password} on a device or recipient: it goes to secure storage
	 * under a credentials reference, and the design keeps only the reference.
	 */
	private static void plaintextPassword(EObject element, int offset, List<Fix> fixes) {
		EObject owner = secretOwner(element);
		String password = owner instanceof Device d ? d.getPassword() : owner instanceof Recipient r ? r.getPassword() : null;
		if (password == null || password.isEmpty()) {
			return;
		}
		String current = owner instanceof Device d ? d.getCredentials() : ((Recipient) owner).getCredentials();
		String reference = current != null && !current.isBlank() && !current.contains(":") ? current : suggestedReference(owner);
		fixes.add(new Fix("Move the password to secure storage as credentials \"" + reference + "\"", copy -> {
			EObject target = secretOwner(elementAt(copy, offset));
			if (target instanceof Device d) {
				d.setPassword(null);
				d.setCredentials(reference);
				return true;
			}
			if (target instanceof Recipient r) {
				r.setPassword(null);
				r.setCredentials(reference);
				return true;
			}
			return false;
		}, new SecretMove(reference, password)));
	}

	/** @return the device or recipient whose password an element at the finding belongs to, or null */
	private static EObject secretOwner(EObject element) {
		return element instanceof Device || element instanceof Recipient ? element : EcoreUtil2.getContainerOfType(element, Device.class);
	}

	/** "harbour-depot/north1": the site's name and the element's, as the examples name them. */
	static String suggestedReference(EObject owner) {
		Section section = EcoreUtil2.getContainerOfType(owner, Section.class);
		String site = section == null ? null : SiteQualifiedNameProvider.siteName(section);
		String name = owner instanceof Device d ? d.getName() : ((Recipient) owner).getName();
		return slug(site == null ? "site" : site) + "/" + slug(name == null ? "device" : name);
	}

	private static String slug(String text) {
		String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		return slug.isEmpty() ? "x" : slug;
	}

	private static String figure(double value) {
		return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
	}
}
