package org.palisade.ui.deploy.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceLocks;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.SiteLock;
import org.palisade.simulator.FaultSpec;

/**
 * One plan or deploy of a site's devices with the engine, as {@code palisade plan} and {@code
 * deploy} run it: a plan takes no lock; a deploy holds the site's lock and the devices' locks, so
 * that it and a CLI deploy of the same site or devices never run at once. Each device's progress
 * and outcome go to {@link DeployRecords} as they happen.
 */
public final class SiteRun {

	/** What a run found: the devices' results and the journal entries it did not take care of. */
	public record Outcome(List<DeviceResult> results, List<String> notes) {
	}

	/** The site or a device is held by another deploy (the message names the holder). */
	public static final class Locked extends Exception {
		private static final long serialVersionUID = 1L;

		Locked(String message) {
			super(message);
		}
	}

	private final SiteTarget target;
	private final List<String> only;
	private final List<FaultSpec> faults;
	private final int parallel;
	private java.util.function.Consumer<DeviceResult> finished = r -> { };

	/**
	 * @param only     the devices of the run, or none for all
	 * @param faults   armed on a rehearsal's virtual devices
	 * @param parallel devices at a time
	 */
	public SiteRun(SiteTarget target, List<String> only, List<FaultSpec> faults, int parallel) {
		this.target = target;
		this.only = List.copyOf(only);
		this.faults = List.copyOf(faults);
		this.parallel = parallel;
	}

	/** Hears each device's result as it ends (for progress). */
	public SiteRun onFinished(java.util.function.Consumer<DeviceResult> value) {
		this.finished = value;
		return this;
	}

	private DeployEngine engine(DeployRecords.State working, BooleanSupplier cancelled, DeployEngine.Progress also) {
		DeployRecords records = DeployRecords.get();
		return new DeployEngine(target.state().journal(), parallel, (device, message) -> {
			records.progress(target, device, working, message);
			also.report(device, message);
		}).designLabel(target.key()).cancelWhen(cancelled)
				.onFinished(r -> {
					records.result(target, r);
					finished.accept(r);
				});
	}

	/** Reads the devices and plans; changes nothing. */
	public Outcome plan(BooleanSupplier cancelled, DeployEngine.Progress progress)
			throws IOException, GeneralSecurityException {
		List<DeployEngine.Job> jobs = target.jobs(only, faults);
		DeployRecords.get().show(target);
		DeployEngine engine = engine(DeployRecords.State.READING, cancelled, progress);
		List<String> notes = notes(engine);
		return new Outcome(engine.plan(jobs), notes);
	}

	/** Deploys under the site's and the devices' locks. */
	public Outcome deploy(BooleanSupplier cancelled, DeployEngine.Progress progress)
			throws IOException, GeneralSecurityException, Locked, InterruptedException {
		List<DeployEngine.Job> jobs = target.jobs(only, faults);
		DeployRecords.get().show(target);
		try (SiteLock lock = target.state().lock("deploy (Palisade Studio)", Duration.ZERO)) {
			Map<String, String> addresses = new LinkedHashMap<>();
			jobs.forEach(j -> addresses.put(j.device(), j.identity()));
			try (DeviceLocks devices = DeviceLocks.acquire(DeviceLocks.defaultDirectory(), addresses,
					"deploy (Palisade Studio)", Duration.ZERO)) {
				DeployEngine engine = engine(DeployRecords.State.DEPLOYING, cancelled, progress);
				List<String> notes = notes(engine);
				return new Outcome(engine.deploy(jobs), notes);
			}
		} catch (SiteLock.HeldException e) {
			throw new Locked(target.site() + ": " + e.getMessage());
		}
	}

	private List<String> notes(DeployEngine engine) throws IOException {
		Set<String> inDesign = new HashSet<>();
		target.devices().forEach(d -> inDesign.add(d.name()));
		Set<String> inRun = new HashSet<>();
		target.devices().stream().filter(d -> only.isEmpty() || only.contains(d.name()))
				.forEach(d -> inRun.add(d.name()));
		return new ArrayList<>(engine.journalNotes(inDesign, inRun));
	}
}
