package org.palisade.ui.deploy.internal;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.palisade.deploy.DeviceResult;
import org.palisade.simulator.FaultSpec;
import org.palisade.ui.deploy.DeployUi;

/**
 * A plan or deploy of a site as a workbench job: one unit of progress per device, the latest
 * device event as the sub-task, in the Progress view. Cancel (there or in the job's dialog) stops
 * starting devices; a device already started finishes or is restored, as the engine guarantees, so
 * that no device is left half-configured. The Deploy view shows each device's outcome as it ends.
 */
public final class RunJob extends Job {

	private final SiteTarget target;
	private final List<String> only;
	private final List<FaultSpec> faults;
	private final int parallel;
	private final boolean deploy;
	private volatile SiteRun.Outcome outcome;
	private static volatile RunJob latest;

	public RunJob(SiteTarget target, List<String> only, List<FaultSpec> faults, int parallel, boolean deploy) {
		super((deploy ? "Deploy " : "Plan ") + target.site() + (target.rehearse() ? " (rehearsal on virtual devices)" : ""));
		this.target = target;
		this.only = only;
		this.faults = faults;
		this.parallel = parallel;
		this.deploy = deploy;
		setUser(deploy);
		latest = this;
	}

	/** @return the plan or deploy job made last (tests wait for it) */
	public static RunJob latest() {
		return latest;
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == DeployUi.JOB_FAMILY;
	}

	/** @return what the run found, once it ended ({@code null} before, or when it could not run) */
	public SiteRun.Outcome outcome() {
		return outcome;
	}

	public SiteTarget target() {
		return target;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		int devices = only.isEmpty() ? target.devices().size() : only.size();
		monitor.beginTask(getName(), devices);
		SiteRun run = new SiteRun(target, only, faults, parallel).onFinished(r -> {
			synchronized (monitor) {
				monitor.worked(1);
			}
		});
		try {
			outcome = deploy ? run.deploy(monitor::isCanceled, (d, m) -> subTask(monitor, d, m))
					: run.plan(monitor::isCanceled, (d, m) -> subTask(monitor, d, m));
		} catch (SiteRun.Locked e) {
			return Status.warning(e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Status.CANCEL_STATUS;
		} catch (Exception e) {
			// The messages of the engine and drivers carry no secret.
			return Status.error(target.site() + ": " + e.getMessage(), e);
		} finally {
			monitor.done();
		}
		offerTrust(outcome.results());
		long failed = outcome.results().stream().filter(r -> r.outcome().isFailure()
				&& r.outcome() != DeviceResult.Outcome.NOT_STARTED).count();
		if (monitor.isCanceled()) {
			return Status.CANCEL_STATUS;
		}
		return failed == 0 ? Status.OK_STATUS
				: Status.warning(failed + " device(s) of " + target.site() + " failed; see the Deploy view");
	}

	private static void subTask(IProgressMonitor monitor, String device, String message) {
		synchronized (monitor) {
			monitor.subTask(device + ": " + message);
		}
	}

	/** A device refused for its certificate gets the trust dialog, one after the other. */
	private void offerTrust(List<DeviceResult> results) {
		List<String> untrusted = results.stream().filter(r -> TrustDialog.isTrustFailure(r.error()))
				.map(DeviceResult::device).toList();
		if (untrusted.isEmpty() || !PlatformUI.isWorkbenchRunning()) {
			return;
		}
		Display.getDefault().asyncExec(() -> {
			for (String device : untrusted) {
				TrustDialog.offer(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), target, device);
			}
		});
	}
}
