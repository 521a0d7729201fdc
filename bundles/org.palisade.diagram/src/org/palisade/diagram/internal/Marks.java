package org.palisade.diagram.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.palisade.diagram.Diagram.Mark;
import org.palisade.model.site.PinEndpoint;
import org.palisade.model.site.Wire;
import org.palisade.validation.Codes;
import org.palisade.validation.Finding;

/**
 * Findings indexed by the model element they are about, and the pins they concern.
 * <p>
 * The electrical checks report a pin's overload or misuse on the wire at that pin (so the
 * Problems view points at a line of text); a drawing shows the pin itself too. The codes below
 * are about the pin a wire lands on, not about the wire.
 */
public final class Marks {

	private static final Set<String> PIN_CODES = Set.of(Codes.ELEC_DCOUT_CURRENT, Codes.ELEC_DCOUT_ROLE,
			Codes.ELEC_GROUND_ROLE, Codes.ELEC_OUT_CURRENT, Codes.ELEC_IO_VOLTAGE, Codes.ELEC_DIRECTION,
			Codes.ELEC_PIN_SHARED, Codes.ELEC_PIN_UNKNOWN);

	private final Map<EObject, Set<Mark>> byElement = new LinkedHashMap<>();
	private final Map<Integer, Set<Mark>> byPin = new LinkedHashMap<>();

	public Marks(List<Finding> findings) {
		for (Finding f : findings) {
			if (f.target() == null) {
				continue;
			}
			Mark m = new Mark(f.code(), f.severity(), f.message());
			byElement.computeIfAbsent(f.target(), k -> new LinkedHashSet<>()).add(m);
			if (f.target() instanceof PinEndpoint p) {
				pin(p.getPin(), m);
			} else if (f.target() instanceof Wire w && PIN_CODES.contains(f.code())) {
				for (Object end : new Object[] { w.getFrom(), w.getTo() }) {
					if (end instanceof PinEndpoint p) {
						pin(p.getPin(), m);
					}
				}
			}
		}
	}

	private void pin(int pin, Mark m) {
		byPin.computeIfAbsent(pin, k -> new LinkedHashSet<>()).add(m);
	}

	/** @return the findings about that element, each code and message once */
	public List<Mark> of(EObject element) {
		Set<Mark> s = byElement.get(element);
		return s == null ? List.of() : new ArrayList<>(s);
	}

	/** @return the findings about a pin of the camera this index was built for */
	public List<Mark> ofPin(int pin) {
		Set<Mark> s = byPin.get(pin);
		return s == null ? List.of() : new ArrayList<>(s);
	}
}
