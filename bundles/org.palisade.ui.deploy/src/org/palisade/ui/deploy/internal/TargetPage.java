package org.palisade.ui.deploy.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.palisade.deploy.site.SiteDesign;
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignInputException;
import org.palisade.generator.DeviceConfiguration;
import org.palisade.simulator.FaultSpec;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * The first page of the deploy wizard: which site (a design file of the workspace), which of its
 * devices, and where: the real devices, or a rehearsal on the site's virtual devices, optionally
 * with faults of a bad day ({@code latency=200}, as {@code palisade simulate --fault} takes them).
 * A design with errors is refused here, its errors listed by file, line and rule.
 */
final class TargetPage extends WizardPage {

	private final IFile initial;
	private final List<String> initialDevices;
	private final List<IFile> files = new ArrayList<>();
	private Combo design;
	private Label siteLabel;
	private Table devices;
	private Button real;
	private Button rehearse;
	private Text faults;
	private Button https;
	private Button factoryNew;
	private Spinner parallel;
	private SiteTarget target;
	private List<FaultSpec> parsedFaults = List.of();

	TargetPage(IFile initial, List<String> initialDevices) {
		super("target", "Deploy a Site", null);
		this.initial = initial;
		this.initialDevices = initialDevices;
		setDescription("Choose the site, its devices, and whether to deploy to them or rehearse on virtual devices.");
	}

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		new Label(c, SWT.NONE).setText("Site design:");
		design = new Combo(c, SWT.READ_ONLY);
		design.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		for (IProject p : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			try {
				if (p.isOpen()) {
					files.addAll(PalisadeWorkspace.designFiles(p));
				}
			} catch (CoreException e) {
				// an unreadable project offers no designs
			}
		}
		files.forEach(f -> design.add(f.getFullPath().makeRelative().toString()));
		design.addListener(SWT.Selection, e -> load());
		siteLabel = new Label(c, SWT.WRAP);
		siteLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

		Label devicesLabel = new Label(c, SWT.NONE);
		devicesLabel.setText("Devices:");
		devicesLabel.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
		devices = new Table(c, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION);
		devices.setHeaderVisible(true);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
		tableData.heightHint = 110;
		devices.setLayoutData(tableData);
		for (String[] col : new String[][] { { "Device", "110" }, { "Kind", "200" }, { "Address", "120" },
				{ "Credentials", "170" } }) {
			TableColumn column = new TableColumn(devices, SWT.LEFT);
			column.setText(col[0]);
			column.setWidth(Integer.parseInt(col[1]));
		}
		devices.addListener(SWT.Selection, e -> validate());

		Group where = new Group(c, SWT.NONE);
		where.setText("Where");
		where.setLayout(new GridLayout(2, false));
		where.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		real = new Button(where, SWT.RADIO);
		real.setText("Real devices (at the design's addresses, over HTTPS, certificates verified)");
		real.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		real.setSelection(true);
		rehearse = new Button(where, SWT.RADIO);
		rehearse.setText("Rehearse on virtual devices (started for you on this machine, loopback only)");
		rehearse.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		real.addListener(SWT.Selection, e -> modeChanged());
		rehearse.addListener(SWT.Selection, e -> modeChanged());
		https = new Button(where, SWT.CHECK);
		https.setText("Virtual devices serve HTTPS with self-signed certificates, as Axis devices ship");
		https.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		https.setEnabled(false);
		factoryNew = new Button(where, SWT.CHECK);
		factoryNew.setText("Virtual devices start factory-new (no password, plain HTTP): rehearse commissioning");
		factoryNew.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		factoryNew.setEnabled(false);
		new Label(where, SWT.NONE).setText("Faults to rehearse:");
		faults = new Text(where, SWT.BORDER);
		faults.setMessage("none; e.g. latency=200; North1:fail-after=5 (as palisade simulate --fault)");
		faults.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		faults.setEnabled(false);
		faults.addListener(SWT.Modify, e -> validate());

		new Label(c, SWT.NONE).setText("Devices at a time:");
		parallel = new Spinner(c, SWT.BORDER);
		parallel.setValues(8, 1, 64, 0, 1, 4);
		setControl(c);
		int at = initial == null ? -1 : files.indexOf(initial);
		if (at >= 0) {
			design.select(at);
			load();
		} else {
			validate();
		}
	}

	private void modeChanged() {
		faults.setEnabled(rehearse.getSelection());
		https.setEnabled(rehearse.getSelection());
		factoryNew.setEnabled(rehearse.getSelection());
		if (target != null && target.rehearse() != rehearse.getSelection()) {
			load();
		}
	}

	private void load() {
		target = null;
		devices.removeAll();
		int at = design.getSelectionIndex();
		if (at < 0) {
			validate();
			return;
		}
		IFile file = files.get(at);
		boolean virtual = rehearse.getSelection();
		String[] problem = new String[1];
		BusyIndicator.showWhile(getShell().getDisplay(), () -> {
			try {
				target = SiteTarget.load(file, virtual);
			} catch (SiteDesign.Invalid e) {
				StringBuilder b = new StringBuilder(e.getMessage());
				e.errors().stream().limit(3).map(DesignDiagnostic::format).forEach(l -> b.append("\n").append(l));
				problem[0] = b.toString();
			} catch (DesignInputException | IllegalArgumentException e) {
				problem[0] = e.getMessage();
			}
		});
		if (target == null) {
			siteLabel.setText(problem[0]);
			setErrorMessage(problem[0].lines().findFirst().orElse(problem[0]) + (problem[0].contains("\n") ? " (below)" : ""));
			setPageComplete(false);
			getControl().getParent().layout(true, true);
			return;
		}
		siteLabel.setText("Site \"" + target.site() + "\": " + target.devices().size() + " networked device(s); journal, lock"
				+ " and pins in " + target.state().designDir());
		for (DeviceConfiguration d : target.devices()) {
			TableItem item = new TableItem(devices, SWT.NONE);
			item.setText(new String[] { d.name(), d.role() + ", " + d.model(), d.address() == null ? "" : d.address(),
					d.credentials() == null ? "(none)" : d.credentials() });
			item.setChecked(initialDevices.isEmpty() || initialDevices.contains(d.name()));
		}
		validate();
	}

	private void validate() {
		String problem = null;
		parsedFaults = new ArrayList<>();
		if (design.getSelectionIndex() < 0) {
			problem = "Choose the design of the site.";
		} else if (target == null) {
			return; // the design's errors are shown
		} else if (selectedDevices().isEmpty()) {
			problem = "Choose at least one device.";
		} else if (rehearse.getSelection()) {
			for (String spec : faults.getText().split(";")) {
				if (spec.isBlank()) {
					continue;
				}
				try {
					FaultSpec f = FaultSpec.parse(spec);
					if (f.device() != null && target.design().config().device(f.device()) == null) {
						problem = "Faults: no device named '" + f.device() + "' in " + target.site() + ".";
					}
					parsedFaults.add(f);
				} catch (IllegalArgumentException e) {
					problem = "Faults: " + e.getMessage();
				}
			}
		}
		setErrorMessage(problem);
		setPageComplete(problem == null);
	}

	/** @return the site chosen (loaded), or {@code null} */
	SiteTarget target() {
		return target == null ? null : target.https(rehearse.getSelection() && https.getSelection())
				.factoryNew(rehearse.getSelection() && factoryNew.getSelection());
	}

	/** @return the devices checked; all of them means the whole site */
	List<String> selectedDevices() {
		List<String> out = new ArrayList<>();
		for (TableItem item : devices.getItems()) {
			if (item.getChecked()) {
				out.add(item.getText(0));
			}
		}
		return out;
	}

	List<FaultSpec> faults() {
		return List.copyOf(parsedFaults);
	}

	int parallel() {
		return parallel.getSelection();
	}
}
