package org.palisade.validation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.PinFunction;
import org.palisade.model.site.PinSpec;
import org.palisade.model.site.TerminalPolarity;
import org.palisade.model.site.Wire;
import org.palisade.validation.LoadVoltage;
import org.palisade.validation.internal.Wiring.Node;

/**
 * Computes {@link LoadVoltage}s: the same wiring graph and copper figures as
 * {@link ElectricalCheck}, for reports rather than findings.
 */
public final class LoadSupplies {

	private LoadSupplies() {
	}

	public static List<LoadVoltage> of(Device camera) {
		DeviceType type = Devices.type(camera);
		List<LoadVoltage> out = new ArrayList<>();
		if (type == null) {
			return out;
		}
		Wiring wiring = new Wiring(camera.getWires());
		Map<Device, Node> pluses = new LinkedHashMap<>();
		for (Node n : wiring.nodes()) {
			if (!n.isPin() && n.terminal().getPolarity() == TerminalPolarity.POSITIVE && Devices.isLoad(n.device())) {
				pluses.putIfAbsent(n.device(), n);
			}
		}
		for (Map.Entry<Device, Node> e : pluses.entrySet()) {
			Device load = e.getKey();
			DeviceType loadType = Devices.type(load);
			Node plus = e.getValue();
			Node minus = wiring.terminalNode(load, Devices.terminal(loadType, TerminalPolarity.NEGATIVE));
			Node source = null;
			double volts = Double.NaN;
			for (Node n : wiring.net(plus)) {
				if (n.isPin()) {
					PinSpec pin = Devices.pin(type, n.pin());
					if (pin != null && pin.getFunction() == PinFunction.DC_OUT && pin.getVoltage() != null) {
						source = n;
						volts = pin.getVoltage();
					}
				} else if (Devices.isSupply(n.device()) && n.terminal().getPolarity() == TerminalPolarity.POSITIVE) {
					DeviceType st = Devices.type(n.device());
					if (st != null && st.getNominalVoltage() != null) {
						source = n;
						volts = st.getNominalVoltage();
					}
				}
			}
			Node sink = null;
			if (minus != null) {
				for (Node n : wiring.net(minus)) {
					PinSpec pin = n.isPin() ? Devices.pin(type, n.pin()) : null;
					if (pin != null && pin.getFunction() != PinFunction.DC_OUT) {
						sink = n;
					}
				}
			}
			List<Wire> wires = new ArrayList<>();
			if (source != null) {
				wires.addAll(wiring.path(source, plus));
			}
			if (sink != null) {
				wiring.path(minus, sink).stream().filter(w -> !wires.contains(w)).forEach(wires::add);
			}
			double current = loadType.getCurrent();
			double drop = 0;
			for (Wire w : wires) {
				if (w.getArea() > 0) {
					drop += ElectricalCheck.COPPER_RESISTIVITY * w.getLength() / w.getArea() * current / 1000.0;
				}
			}
			boolean complete = source != null && sink != null;
			out.add(new LoadVoltage(load, current, complete ? volts : Double.NaN, complete ? drop : Double.NaN,
					complete ? volts - drop : Double.NaN, loadType.getMinVoltage(), wires));
		}
		return out;
	}
}
