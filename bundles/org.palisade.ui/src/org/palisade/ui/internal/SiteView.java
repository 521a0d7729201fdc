package org.palisade.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

/**
 * The open site: devices, wiring, schedules and rules. Until a design is opened it says
 * how to open one, rather than showing an empty tree.
 */
public class SiteView extends ViewPart {

	private Composite root;

	@Override
	public void createPartControl(Composite parent) {
		root = new Composite(parent, SWT.NONE);
		root.setLayout(new GridLayout(1, false));
		Label title = new Label(root, SWT.WRAP);
		title.setText("No site open");
		title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		Label hint = new Label(root, SWT.WRAP);
		hint.setText("Open a .perimeter design to see its devices, wiring, schedules and rules.");
		hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
	}

	@Override
	public void setFocus() {
		root.setFocus();
	}
}
