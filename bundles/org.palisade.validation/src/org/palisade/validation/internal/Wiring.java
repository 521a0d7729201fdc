package org.palisade.validation.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.palisade.model.site.Device;
import org.palisade.model.site.Endpoint;
import org.palisade.model.site.PinEndpoint;
import org.palisade.model.site.TerminalEndpoint;
import org.palisade.model.site.TerminalSpec;
import org.palisade.model.site.Wire;

/**
 * The wiring of one camera's I/O terminal as a graph: nodes are terminal pins and
 * peripheral terminals, edges are wires. Nets are its connected components.
 */
final class Wiring {

	/** A place a wire end lands on: a pin of the camera's terminal or a peripheral's terminal. */
	record Node(Integer pin, Device device, TerminalSpec terminal) {
		static Node of(Endpoint e) {
			if (e instanceof PinEndpoint p) {
				return new Node(p.getPin(), null, null);
			}
			if (e instanceof TerminalEndpoint t && t.getDevice() != null && !t.getDevice().eIsProxy()
					&& t.getTerminal() != null && !t.getTerminal().eIsProxy()) {
				return new Node(null, t.getDevice(), t.getTerminal());
			}
			return null;
		}

		boolean isPin() {
			return pin != null;
		}

		@Override
		public boolean equals(Object o) {
			// Identity of model objects, not their (generated) equals.
			return o instanceof Node n && Objects.equals(pin, n.pin) && device == n.device && terminal == n.terminal;
		}

		@Override
		public int hashCode() {
			// Without Objects.hash: no boxing and no varargs array, for every lookup of every wire end.
			return (31 * (pin == null ? 0 : pin) + System.identityHashCode(device)) * 31 + System.identityHashCode(terminal);
		}

		String label() {
			return isPin() ? "pin " + pin : device.getName() + "." + terminal.getName();
		}
	}

	/** A wire and the node at its other end. */
	record Edge(Wire wire, Node to) {
	}

	private final Map<Node, List<Edge>> adjacency = new LinkedHashMap<>();

	Wiring(List<Wire> wires) {
		for (Wire wire : wires) {
			Node a = Node.of(wire.getFrom());
			Node b = Node.of(wire.getTo());
			if (a == null || b == null || a.equals(b)) {
				continue;
			}
			adjacency.computeIfAbsent(a, k -> new ArrayList<>()).add(new Edge(wire, b));
			adjacency.computeIfAbsent(b, k -> new ArrayList<>()).add(new Edge(wire, a));
		}
	}

	/** @return every node some wire lands on */
	Set<Node> nodes() {
		return adjacency.keySet();
	}

	/** @return the nodes connected to {@code start} (itself included) */
	Set<Node> net(Node start) {
		Set<Node> seen = new LinkedHashSet<>();
		if (!adjacency.containsKey(start)) {
			return seen;
		}
		Deque<Node> todo = new ArrayDeque<>();
		todo.add(start);
		seen.add(start);
		while (!todo.isEmpty()) {
			for (Edge e : adjacency.get(todo.poll())) {
				if (seen.add(e.to())) {
					todo.add(e.to());
				}
			}
		}
		return seen;
	}

	/** @return the node of a peripheral's terminal, if a wire lands on it */
	Node terminalNode(Device device, TerminalSpec terminal) {
		Node n = new Node(null, device, terminal);
		return adjacency.containsKey(n) ? n : null;
	}

	/**
	 * The wires from {@code root} to {@code target} along a shortest path (nets are trees
	 * in practice; a loop is walked once).
	 */
	List<Wire> path(Node root, Node target) {
		Map<Node, Edge> via = new HashMap<>();
		Set<Node> seen = new HashSet<>();
		Deque<Node> todo = new ArrayDeque<>();
		todo.add(root);
		seen.add(root);
		while (!todo.isEmpty()) {
			Node n = todo.poll();
			if (n.equals(target)) {
				break;
			}
			for (Edge e : adjacency.getOrDefault(n, List.of())) {
				if (seen.add(e.to())) {
					via.put(e.to(), new Edge(e.wire(), n));
					todo.add(e.to());
				}
			}
		}
		List<Wire> wires = new ArrayList<>();
		Node n = target;
		while (!n.equals(root)) {
			Edge e = via.get(n);
			if (e == null) {
				return List.of();
			}
			wires.add(0, e.wire());
			n = e.to();
		}
		return wires;
	}
}
