package org.palisade.validation;

import java.util.List;

import org.palisade.model.site.Device;
import org.palisade.model.site.Wire;
import org.palisade.validation.internal.LoadSupplies;

/**
 * The voltage that reaches a load (beacon, siren, relay) wired to a camera's I/O terminal, after
 * the drop in its supply and return wires (annealed copper, 0.01724 ohm*mm2/m at 20 C), as the
 * ELEC-WIRE-DROP rule computes it; for wiring sheets and reports.
 *
 * @param load         the peripheral
 * @param milliamps    the current it draws
 * @param sourceVolts  the supply voltage (pin 2 or an external supply); NaN if the load is not
 *                     wired to both a supply and a switching pin
 * @param dropVolts    the drop over {@code wires}; NaN as above
 * @param volts        the voltage at the load; NaN as above
 * @param minVolts     the load's minimum operating voltage, or {@code null}
 * @param wires        the supply and return wires, in path order
 */
public record LoadVoltage(Device load, double milliamps, double sourceVolts, double dropVolts, double volts,
		Double minVolts, List<Wire> wires) {

	public LoadVoltage {
		wires = List.copyOf(wires);
	}

	/** @return the loads wired to the camera's I/O terminal, in wiring order */
	public static List<LoadVoltage> of(Device camera) {
		return LoadSupplies.of(camera);
	}

	/** @return whether the voltage is known and at least the minimum */
	public boolean sufficient() {
		return !Double.isNaN(volts) && (minVolts == null || volts >= minVolts);
	}
}
