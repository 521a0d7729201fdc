package org.palisade.ui.tests;

import static org.palisade.ui.tests.Studio.run;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;

/**
 * Mouse gestures on the diagrams' canvases, sent as SWT mouse events in the control's own
 * coordinates. (Display.post would go through the X server, whose idea of where the shell lies
 * differs from SWT's under Xvfb without a window manager.)
 */
final class Mouse {

	private Mouse() {
	}

	/** A press, eight moves along the straight line and a release, as a hand drags. */
	static void drag(Control control, Point a, Point b) {
		event(control, SWT.MouseMove, a, 0, 0);
		event(control, SWT.MouseDown, a, 1, 0);
		for (int i = 1; i <= 8; i++) {
			event(control, SWT.MouseMove, new Point(a.x + (b.x - a.x) * i / 8, a.y + (b.y - a.y) * i / 8), 0, SWT.BUTTON1);
		}
		event(control, SWT.MouseUp, b, 1, SWT.BUTTON1);
	}

	static void doubleClick(Control control, Point at) {
		event(control, SWT.MouseDown, at, 1, 0);
		event(control, SWT.MouseUp, at, 1, SWT.BUTTON1);
		event(control, SWT.MouseDoubleClick, at, 1, 0);
		event(control, SWT.MouseUp, at, 1, SWT.BUTTON1);
	}

	static void event(Control control, int type, Point at, int button, int state) {
		run(() -> {
			Event e = new Event();
			e.type = type;
			e.x = at.x;
			e.y = at.y;
			e.button = button;
			e.stateMask = state;
			e.widget = control;
			e.count = type == SWT.MouseDoubleClick ? 2 : 1;
			control.notifyListeners(type, e);
		});
		Studio.sleep(30);
	}
}
