package org.palisade.ui.diagram;

import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.palisade.diagram.Diagram;
import org.palisade.diagram.Diagram.Edge;
import org.palisade.diagram.Diagram.Node;
import org.palisade.diagram.Diagram.Port;
import org.palisade.diagram.Positions;
import org.palisade.ui.diagram.internal.Hits;
import org.palisade.ui.diagram.internal.Painter;

/**
 * A canvas that draws a laid-out {@link Diagram} and lets a person zoom (Ctrl+wheel, + and -),
 * pan (drag the background, wheel), fit (0), see a finding's rule code and message in the
 * tooltip, and edit: drag from a pin or terminal to another to add a wire, drag a wire's end
 * onto another pin or terminal to reconnect it, select a wire and press Delete to remove it.
 * With a {@link Moving} listener, a box dragged elsewhere stays there (the links that touch it
 * drawn straight). Edits are handed to an {@link Editing} listener, which changes the design; the canvas then
 * gets the new diagram through {@link #setDiagram}.
 */
public class DiagramCanvas extends Canvas {

	/** What the person asked for; the canvas changes nothing itself. */
	public interface Editing {
		void connect(Port from, Port to);

		void reconnect(Edge wire, boolean sourceEnd, Port to);

		void delete(Edge wire);
	}

	/** Told when the person has dragged a box somewhere else (the view keeps where). */
	public interface Moving {
		void moved(Node node, Diagram.Point topLeft);
	}

	private final Painter painter;
	private Diagram diagram;
	private Editing editing;
	private Moving moving;
	private java.util.function.Consumer<Object> picking;
	private double scale = 1;
	private double originX;
	private double originY;
	// Once the person zooms or pans, a new diagram keeps their view; until then each is fitted.
	private boolean manual;
	private String selected;

	// The gesture under way: a new wire from a port, a wire end moving, or a pan.
	private Port dragFrom;
	private Hits.EdgeEnd dragEnd;
	private double[] dragAt;
	private int[] panFrom;
	// A box being moved: the diagram as it was, the box, and where in it it was grabbed.
	private Diagram moveBase;
	private Node moveNode;
	private double[] grab;
	private Diagram.Point moveTo;
	private String gesture = "";

	public DiagramCanvas(Composite parent) {
		super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		painter = new Painter(getDisplay());
		setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		addListener(SWT.Paint, this::paint);
		addListener(SWT.MouseDown, this::mouseDown);
		addListener(SWT.MouseMove, this::mouseMove);
		addListener(SWT.MouseUp, this::mouseUp);
		addListener(SWT.MouseVerticalWheel, this::wheel);
		addListener(SWT.KeyDown, this::key);
		addListener(SWT.Resize, e -> {
			if (!manual) {
				fit();
			}
		});
		addListener(SWT.Dispose, e -> painter.dispose());
	}

	public void setEditing(Editing editing) {
		this.editing = editing;
	}

	/** Told what a press picked: a {@link Node}, {@link Port} or {@link Edge} of the diagram, or null. */
	public void setPicking(java.util.function.Consumer<Object> picking) {
		this.picking = picking;
	}

	/** Lets the person drag boxes (not pins or terminals, which start wires) elsewhere. */
	public void setMoving(Moving moving) {
		this.moving = moving;
	}

	/** Shows a new diagram: fitted to the canvas, or at the person's zoom and pan once they chose one. */
	public void setDiagram(Diagram diagram) {
		this.diagram = diagram;
		moveNode = null;
		moveBase = null;
		if (selected != null && diagram.edge(selected).isEmpty()) {
			selected = null;
		}
		if (!manual) {
			fit();
		}
		redraw();
	}

	public Diagram diagram() {
		return diagram;
	}

	public double scale() {
		return scale;
	}

	/** @return what the last press and release did, e.g. "connect pin:2 -> terminal:Siren2.plus" (status line, tests) */
	public String gesture() {
		return gesture;
	}

	/** @return the id of the selected wire, or null */
	public String selection() {
		return selected;
	}

	public void select(String edgeId) {
		selected = edgeId;
		redraw();
	}

	/** Zooms by a factor around a point of the control. */
	public void zoom(double factor, int x, int y) {
		double mx = (x - originX) / scale;
		double my = (y - originY) / scale;
		scale = Math.max(0.1, Math.min(8, scale * factor));
		originX = x - mx * scale;
		originY = y - my * scale;
		manual = true;
		redraw();
	}

	/** Scales and centres the whole diagram in the control, never above 100 %. */
	public void fit() {
		Rectangle area = getClientArea();
		if (diagram == null || area.width <= 0 || area.height <= 0) {
			return;
		}
		scale = Math.min(1, Math.min(area.width / diagram.width(), area.height / diagram.height()));
		originX = (area.width - diagram.width() * scale) / 2;
		originY = (area.height - diagram.height() * scale) / 2;
		manual = false;
		redraw();
	}

	/** @return the control point (pixels) of a diagram point, to aim mouse events at */
	public org.eclipse.swt.graphics.Point toControl(Diagram.Point p) {
		return new org.eclipse.swt.graphics.Point((int) Math.round(originX + p.x() * scale),
				(int) Math.round(originY + p.y() * scale));
	}

	/** @return the diagram point under a control point (pixels), e.g. of a mouse event */
	public Diagram.Point toDiagram(int x, int y) {
		return new Diagram.Point(mx(x), my(y));
	}

	private double mx(int x) {
		return (x - originX) / scale;
	}

	private double my(int y) {
		return (y - originY) / scale;
	}

	private void paint(Event e) {
		GC gc = e.gc;
		gc.setBackground(getBackground());
		gc.fillRectangle(getClientArea());
		if (diagram == null) {
			return;
		}
		Transform t = new Transform(getDisplay());
		try {
			t.translate((float) originX, (float) originY);
			t.scale((float) scale, (float) scale);
			gc.setTransform(t);
			painter.paint(gc, diagram, selected);
			if (dragAt != null) {
				Diagram.Point from = dragFrom != null ? dragFrom.anchor()
						: dragEnd.source() ? last(dragEnd.edge()) : dragEnd.edge().points().get(0);
				painter.rubberBand(gc, from.x(), from.y(), dragAt[0], dragAt[1]);
			}
			gc.setTransform(null);
		} finally {
			t.dispose();
		}
	}

	private static Diagram.Point last(Edge e) {
		return e.points().get(e.points().size() - 1);
	}

	private void mouseDown(Event e) {
		if (diagram == null || e.button != 1) {
			return;
		}
		forceFocus();
		double x = mx(e.x);
		double y = my(e.y);
		Hits.EdgeEnd end = Hits.edgeEnd(diagram, x, y);
		Port port = end == null ? Hits.port(diagram, x, y) : null;
		if (picking != null) {
			Edge edge = end != null ? end.edge() : port == null ? Hits.edge(diagram, x, y) : null;
			picking.accept(port != null ? port : edge != null ? edge : Hits.node(diagram, x, y));
		}
		if (end != null) {
			dragEnd = end;
			selected = end.edge().id();
			gesture = "press on the end of " + end.edge().id();
		} else if (port != null) {
			dragFrom = port;
			gesture = "press on " + port.id();
		} else if (moving != null && Hits.node(diagram, x, y) != null) {
			moveNode = Hits.node(diagram, x, y);
			moveBase = diagram;
			grab = new double[] { x - moveNode.bounds().x(), y - moveNode.bounds().y() };
			gesture = "press on " + moveNode.id();
		} else {
			gesture = "press at " + Math.round(x) + "," + Math.round(y);
			Edge edge = Hits.edge(diagram, x, y);
			selected = edge == null ? null : edge.id();
			if (edge == null) {
				panFrom = new int[] { e.x, e.y };
			}
		}
		redraw();
	}

	private void mouseMove(Event e) {
		if (diagram == null) {
			return;
		}
		if (panFrom != null) {
			originX += e.x - panFrom[0];
			originY += e.y - panFrom[1];
			panFrom = new int[] { e.x, e.y };
			manual = true;
			redraw();
			return;
		}
		if (moveNode != null) {
			moveTo = new Diagram.Point(Math.max(0, mx(e.x) - grab[0]), Math.max(0, my(e.y) - grab[1]));
			diagram = Positions.apply(moveBase, Map.of(moveNode.id(), moveTo));
			redraw();
			return;
		}
		if (dragFrom != null || dragEnd != null) {
			dragAt = new double[] { mx(e.x), my(e.y) };
			redraw();
			return;
		}
		String tip = Hits.tooltip(diagram, mx(e.x), my(e.y));
		if (!java.util.Objects.equals(tip, getToolTipText())) {
			setToolTipText(tip);
		}
	}

	private void mouseUp(Event e) {
		if (moveNode != null) {
			Node node = moveNode;
			Diagram.Point to = moveTo;
			moveNode = null;
			moveBase = null;
			moveTo = null;
			if (to != null && moving != null) {
				gesture = "move " + node.id() + " to " + Math.round(to.x()) + "," + Math.round(to.y());
				moving.moved(node, to);
			}
			redraw();
			return;
		}
		Port from = dragFrom;
		Hits.EdgeEnd end = dragEnd;
		dragFrom = null;
		dragEnd = null;
		dragAt = null;
		panFrom = null;
		redraw();
		if (diagram == null || editing == null || e.button != 1) {
			return;
		}
		Port to = Hits.port(diagram, mx(e.x), my(e.y));
		if (to == null) {
			gesture += ", release on no pin or terminal at " + Math.round(mx(e.x)) + "," + Math.round(my(e.y));
			return;
		}
		if (from != null && !to.id().equals(from.id())) {
			gesture = "connect " + from.id() + " -> " + to.id();
			editing.connect(from, to);
		} else if (end != null) {
			String current = end.source() ? end.edge().source() : end.edge().target();
			if (!current.equals(to.id())) {
				gesture = "reconnect " + end.edge().id() + " " + current + " -> " + to.id();
				editing.reconnect(end.edge(), end.source(), to);
			}
		}
	}

	private void wheel(Event e) {
		if ((e.stateMask & SWT.CTRL) != 0) {
			zoom(e.count > 0 ? 1.2 : 1 / 1.2, e.x, e.y);
		} else {
			originY += e.count * 10;
			manual = true;
			redraw();
		}
	}

	private void key(Event e) {
		Rectangle area = getClientArea();
		switch (e.character) {
		case '+', '=' -> zoom(1.25, area.width / 2, area.height / 2);
		case '-' -> zoom(0.8, area.width / 2, area.height / 2);
		case '0' -> fit();
		default -> {
			if ((e.keyCode == SWT.DEL || e.keyCode == SWT.BS) && selected != null && editing != null) {
				diagram.edge(selected).ifPresent(editing::delete);
			}
		}
		}
	}
}
