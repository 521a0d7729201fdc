package org.palisade.diagram.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.palisade.diagram.Diagram;
import org.palisade.diagram.Styles;

/**
 * The few ELK calls the diagrams need: a flat graph laid out left to right by ELK Layered with
 * orthogonal edges, then read back as absolute geometry.
 * <p>
 * ELK finds its algorithms through {@link java.util.ServiceLoader}, which sees nothing across
 * OSGi bundles; the layered algorithm is therefore registered here by hand, once.
 */
public final class Elk {

	private static boolean registered;

	private Elk() {
	}

	private static synchronized void register() {
		if (!registered) {
			LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
			registered = true;
		}
	}

	/** @return an empty graph with Palisade's layout options */
	public static ElkNode graph(double nodeSpacing, double layerSpacing) {
		ElkNode root = ElkGraphUtil.createGraph();
		root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
		root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
		root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
		root.setProperty(CoreOptions.PADDING, new ElkPadding(24));
		root.setProperty(CoreOptions.SPACING_NODE_NODE, nodeSpacing);
		root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, layerSpacing);
		root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 14.0);
		root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
		root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
		return root;
	}

	/** @return a box of fixed size whose ports are placed by the caller */
	public static ElkNode node(ElkNode root, double width, double height) {
		ElkNode n = ElkGraphUtil.createNode(root);
		n.setDimensions(width, height);
		n.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
		return n;
	}

	/** @return a port at (x, y) relative to its node, on one side */
	public static ElkPort port(ElkNode node, double x, double y, double size, Diagram.Side side) {
		ElkPort p = ElkGraphUtil.createPort(node);
		p.setDimensions(size, size);
		p.setLocation(x, y);
		p.setProperty(CoreOptions.PORT_SIDE, side == Diagram.Side.EAST ? PortSide.EAST : PortSide.WEST);
		return p;
	}

	/** @return an edge with a centred label sized for its text */
	public static ElkEdge edge(org.eclipse.elk.graph.ElkConnectableShape from, org.eclipse.elk.graph.ElkConnectableShape to,
			String label) {
		ElkEdge e = ElkGraphUtil.createSimpleEdge(from, to);
		if (label != null && !label.isEmpty()) {
			ElkLabel l = ElkGraphUtil.createLabel(label, e);
			l.setDimensions(Styles.textWidth(label) + 4, Styles.LINE_HEIGHT);
			l.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
		}
		return e;
	}

	public static void layout(ElkNode root) {
		register();
		new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
	}

	/** @return the edge's route in the root's coordinates (all nodes are children of the root) */
	public static List<Diagram.Point> route(ElkEdge e) {
		List<Diagram.Point> points = new ArrayList<>();
		for (ElkEdgeSection s : e.getSections()) {
			points.add(new Diagram.Point(s.getStartX(), s.getStartY()));
			for (ElkBendPoint b : s.getBendPoints()) {
				points.add(new Diagram.Point(b.getX(), b.getY()));
			}
			points.add(new Diagram.Point(s.getEndX(), s.getEndY()));
		}
		return points;
	}

	/** @return where ELK put the edge's label, or null when it has none */
	public static Diagram.Rect labelBox(ElkEdge e) {
		if (e.getLabels().isEmpty()) {
			return null;
		}
		ElkLabel l = e.getLabels().get(0);
		return new Diagram.Rect(l.getX(), l.getY(), l.getWidth(), l.getHeight());
	}

	public static Diagram.Rect bounds(ElkNode n) {
		return new Diagram.Rect(n.getX(), n.getY(), n.getWidth(), n.getHeight());
	}

	public static Diagram.Rect bounds(ElkPort p) {
		ElkNode n = p.getParent();
		return new Diagram.Rect(n.getX() + p.getX(), n.getY() + p.getY(), p.getWidth(), p.getHeight());
	}
}
