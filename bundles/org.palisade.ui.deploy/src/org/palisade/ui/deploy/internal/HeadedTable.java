package org.palisade.ui.deploy.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * The body of the Deploy and Rehearsal views: a one-line summary over a full-width table with
 * headed columns.
 *
 * @param header the summary line
 * @param table  the rows
 */
record HeadedTable(Label header, Table table) {

	/** @param columns name and width in pixels of each column */
	static HeadedTable create(Composite parent, int headerStyle, Object[][] columns) {
		Composite c = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginHeight = 2;
		c.setLayout(layout);
		Label header = new Label(c, headerStyle);
		header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Table table = new Table(c, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		for (Object[] col : columns) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText((String) col[0]);
			column.setWidth((Integer) col[1]);
		}
		return new HeadedTable(header, table);
	}
}
