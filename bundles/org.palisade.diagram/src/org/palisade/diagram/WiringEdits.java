package org.palisade.diagram;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.resource.Resource;
import org.palisade.diagram.Diagram.Port;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceKind;
import org.palisade.model.site.DeviceRole;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.PinFunction;
import org.palisade.model.site.Endpoint;
import org.palisade.model.site.PinEndpoint;
import org.palisade.model.site.PinSpec;
import org.palisade.model.site.Section;
import org.palisade.model.site.SiteFactory;
import org.palisade.model.site.TerminalEndpoint;
import org.palisade.model.site.TerminalSpec;
import org.palisade.model.site.Wire;

/**
 * The wiring diagram's edits as modifications of a design's model, to hand to the one edit path
 * (the Studio's {@code DesignChanges.apply}, {@code DesignEdits.edits} headless): that path runs
 * them on the design's model as parsed from the current text (the editor's, or a copy) and turns
 * the change into minimal text edits, so elements are found again by name and index, never
 * carried over from the drawing. Headless, so the CLI's benchmark and the tests run the same edits.
 */
public final class WiringEdits {

	/** Length given to a new wire until the installer measures it; the text is there to change. */
	public static final double NEW_WIRE_LENGTH = 10;

	private WiringEdits() {
	}

	/**
	 * The elements a wiring edit is confined to, for the edit path's slice of a large design: the
	 * camera and the devices of the ports it wires to.
	 */
	public static Set<String> scope(String camera, Port... ports) {
		Set<String> scope = new HashSet<>();
		scope.add(camera);
		for (Port p : ports) {
			if (p.device() != null) {
				scope.add(p.device());
			}
		}
		return scope;
	}

	/** A new wire from one port to another, the camera's pin (if any) first. */
	public static Function<Resource, Boolean> connect(String camera, Port from, Port to) {
		return resource -> {
			Device cam = device(resource, camera, true);
			if (cam == null) {
				return false;
			}
			Port first = from.pin() == null && to.pin() != null ? to : from;
			Port second = first == from ? to : from;
			Endpoint a = endpoint(resource, first);
			Endpoint b = endpoint(resource, second);
			if (a == null || b == null) {
				return false;
			}
			Wire w = SiteFactory.eINSTANCE.createWire();
			w.setColour(colour(cam, first));
			Double min = cam.getType() == null ? null : cam.getType().getWireAreaMin();
			w.setArea(min == null ? 0.25 : min);
			w.setLength(NEW_WIRE_LENGTH);
			w.setFrom(a);
			w.setTo(b);
			cam.getWires().add(w);
			return true;
		};
	}

	/** Moves one end of a wire, the end now at port {@code oldEnd}, to port {@code to}. */
	public static Function<Resource, Boolean> reconnect(String camera, int wire, String oldEnd, Port to) {
		return resource -> {
			Wire w = wire(resource, camera, wire);
			Endpoint end = endpoint(resource, to);
			if (w == null || end == null) {
				return false;
			}
			if (oldEnd.equals(id(w.getFrom()))) {
				w.setFrom(end);
			} else if (oldEnd.equals(id(w.getTo()))) {
				w.setTo(end);
			} else {
				return false;
			}
			return true;
		};
	}

	public static Function<Resource, Boolean> delete(String camera, int wire) {
		return resource -> {
			Wire w = wire(resource, camera, wire);
			if (w == null) {
				return false;
			}
			EcoreUtil.remove(w);
			return true;
		};
	}

	/**
	 * A new peripheral of a catalog model, declared after the camera, wired the usual way: its
	 * positive terminal to the camera's 12 V output, its negative or signal terminal to a free I/O
	 * pin, its common to 0 V (a supply of its own gets no wires). Named after its kind, the first
	 * free number ({@code Siren2}).
	 */
	public static Function<Resource, Boolean> addPeripheral(String camera, String model) {
		return resource -> {
			Device cam = device(resource, camera, true);
			DeviceType type = peripheralTypes(resource).stream().filter(t -> model.equals(t.getName())).findFirst()
					.orElse(null);
			if (cam == null || type == null || !(cam.eContainer() instanceof Section section)) {
				return false;
			}
			Device d = SiteFactory.eINSTANCE.createDevice();
			d.setRole(role(type.getKind()));
			d.setName(freeName(resource, d.getRole().getLiteral()));
			d.setType(type);
			section.getDevices().add(section.getDevices().indexOf(cam) + 1, d);
			if (d.getRole() == DeviceRole.SUPPLY || cam.getType() == null) {
				return true;
			}
			Set<Integer> used = new HashSet<>();
			for (Wire w : cam.getWires()) {
				for (Endpoint e : new Endpoint[] { w.getFrom(), w.getTo() }) {
					if (e instanceof PinEndpoint p) {
						used.add(p.getPin());
					}
				}
			}
			for (TerminalSpec t : type.getTerminals()) {
				if (t.getPolarity() == null) {
					continue;
				}
				PinFunction f = switch (t.getPolarity()) {
				case POSITIVE -> PinFunction.DC_OUT;
				case COMMON -> PinFunction.GROUND;
				case NEGATIVE, SIGNAL -> PinFunction.CONFIGURABLE;
				};
				PinSpec pin = cam.getType().getPins().stream().filter(x -> x.getFunction() == f)
						.filter(x -> f != PinFunction.CONFIGURABLE || !used.contains(x.getNumber())).findFirst().orElse(null);
				if (pin == null) {
					continue;
				}
				used.add(pin.getNumber());
				Port from = new Port(WiringDiagrams.pinId(pin.getNumber()), pin.getNumber(), null, null, "", "", null, null,
						java.util.List.of());
				Wire w = SiteFactory.eINSTANCE.createWire();
				w.setColour(colour(cam, from));
				Double min = cam.getType().getWireAreaMin();
				w.setArea(min == null ? 0.25 : min);
				w.setLength(NEW_WIRE_LENGTH);
				PinEndpoint a = SiteFactory.eINSTANCE.createPinEndpoint();
				a.setPin(pin.getNumber());
				TerminalEndpoint b = SiteFactory.eINSTANCE.createTerminalEndpoint();
				b.setDevice(d);
				b.setTerminal(t);
				w.setFrom(a);
				w.setTo(b);
				cam.getWires().add(w);
			}
			return true;
		};
	}

	/** @return the catalog models a camera's I/O terminal can take, as loaded with the design (sorted by name) */
	public static java.util.List<DeviceType> peripheralTypes(Resource resource) {
		java.util.Map<String, DeviceType> types = new java.util.TreeMap<>();
		var resources = resource.getResourceSet() == null ? java.util.List.of(resource) : resource.getResourceSet().getResources();
		for (Resource r : java.util.List.copyOf(resources)) {
			for (Iterator<EObject> it = r.getAllContents(); it.hasNext();) {
				if (it.next() instanceof DeviceType t && t.getName() != null && role(t.getKind()) != null) {
					types.putIfAbsent(t.getName(), t);
				}
			}
		}
		return java.util.List.copyOf(types.values());
	}

	private static DeviceRole role(DeviceKind kind) {
		return kind == null ? null : switch (kind) {
		case BEACON -> DeviceRole.BEACON;
		case SIREN -> DeviceRole.SIREN;
		case RELAY -> DeviceRole.RELAY;
		case LOCK -> DeviceRole.LOCK;
		case PIR, DOOR_CONTACT, GLASS_BREAK -> DeviceRole.SENSOR;
		case POWER_SUPPLY -> DeviceRole.SUPPLY;
		default -> null;
		};
	}

	private static String freeName(Resource resource, String literal) {
		String base = Character.toUpperCase(literal.charAt(0)) + literal.substring(1);
		Set<String> names = new HashSet<>();
		for (Iterator<EObject> it = resource.getAllContents(); it.hasNext();) {
			if (it.next() instanceof Device d && d.getName() != null) {
				names.add(d.getName());
			}
		}
		int n = 1;
		while (names.contains(base + n)) {
			n++;
		}
		return base + n;
	}

	/** @return the index of a wire from its diagram id ({@code wire:3}) */
	public static int index(String edgeId) {
		return Integer.parseInt(edgeId.substring(edgeId.indexOf(':') + 1));
	}

	private static Wire wire(Resource resource, String camera, int index) {
		Device cam = device(resource, camera, true);
		return cam == null || index < 0 || index >= cam.getWires().size() ? null : cam.getWires().get(index);
	}

	private static String id(Endpoint e) {
		if (e instanceof PinEndpoint p) {
			return WiringDiagrams.pinId(p.getPin());
		}
		if (e instanceof TerminalEndpoint t && t.getDevice() != null && t.getTerminal() != null) {
			return WiringDiagrams.terminalId(t.getDevice().getName(), t.getTerminal().getName());
		}
		return null;
	}

	private static Endpoint endpoint(Resource resource, Port port) {
		if (port.pin() != null) {
			PinEndpoint p = SiteFactory.eINSTANCE.createPinEndpoint();
			p.setPin(port.pin());
			return p;
		}
		Device d = device(resource, port.device(), false);
		if (d == null || d.getType() == null) {
			return null;
		}
		for (TerminalSpec t : d.getType().getTerminals()) {
			if (t.getName().equals(port.terminal())) {
				TerminalEndpoint e = SiteFactory.eINSTANCE.createTerminalEndpoint();
				e.setDevice(d);
				e.setTerminal(t);
				return e;
			}
		}
		return null;
	}

	/** Red for the 12 V supply, black for 0 V, blue for an I/O port: the usual installer's code. */
	private static String colour(Device camera, Port first) {
		if (first.pin() == null || camera.getType() == null) {
			return "grey";
		}
		for (PinSpec p : camera.getType().getPins()) {
			if (p.getNumber() == first.pin()) {
				return switch (p.getFunction()) {
				case GROUND -> "black";
				case DC_OUT -> "red";
				case CONFIGURABLE -> "blue";
				};
			}
		}
		return "grey";
	}

	private static Device device(Resource resource, String name, boolean camera) {
		for (Iterator<EObject> it = resource.getAllContents(); it.hasNext();) {
			if (it.next() instanceof Device d && name.equals(d.getName()) && (!camera || d.getRole() == DeviceRole.CAMERA)) {
				return d;
			}
		}
		return null;
	}
}
