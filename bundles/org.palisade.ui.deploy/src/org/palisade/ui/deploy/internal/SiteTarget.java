package org.palisade.ui.deploy.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.palisade.deploy.Credential;
import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.SiteState;
import org.palisade.deploy.internal.SecureStorageSource;
import org.palisade.deploy.site.Rehearsal;
import org.palisade.deploy.site.SiteDesign;
import org.palisade.deploy.site.SiteJobs;
import org.palisade.dsl.load.DesignInputException;
import org.palisade.dsl.load.DesignSet;
import org.palisade.generator.DeviceConfiguration;
import org.palisade.simulator.FaultSpec;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * A site as the Studio plans or deploys it: its design file, loaded from disk and validated the
 * way {@code palisade plan} does ({@link SiteDesign}), and whether the run goes to the real
 * devices or is rehearsed on virtual ones. Real devices are reached at the design's addresses over
 * HTTPS with each device's pin, with credentials from the environment, those entered for this run,
 * and Equinox secure storage; a rehearsal reaches the site's virtual devices ({@link Rehearsals})
 * and keeps its journal and lock apart, as {@code palisade simulate} runs do.
 */
public final class SiteTarget {

	private final IFile file;
	private final boolean rehearse;
	private final SiteDesign design;
	private final CredentialStore entered;
	private final Map<String, Credential> enteredCredentials = new java.util.LinkedHashMap<>();
	private boolean https;
	private boolean factoryNew;
	/** Taken while the file exists: the view still names a site whose project was deleted since. */
	private final String key;

	private SiteTarget(IFile file, boolean rehearse, SiteDesign design) {
		this.file = file;
		this.rehearse = rehearse;
		this.design = design;
		this.key = file.getLocation().toOSString();
		this.entered = CredentialStore.empty().add("entered in the Studio", CredentialStore.of(enteredCredentials));
	}

	/**
	 * Loads the site of a design file: the file's project when it holds one sound site (a site
	 * split into areas in other files), else the file alone.
	 *
	 * @throws DesignInputException     when a file cannot be read
	 * @throws SiteDesign.Invalid       when the design has errors (each names file, line and rule)
	 * @throws IllegalArgumentException when the file holds no site
	 */
	public static SiteTarget load(IFile file, boolean rehearse) throws DesignInputException, SiteDesign.Invalid {
		Path path = file.getLocation().toFile().toPath();
		SiteDesign design;
		try {
			design = SiteDesign.load(designSet(), file.getProject().getLocation().toFile().toPath());
		} catch (IllegalArgumentException | SiteDesign.Invalid | DesignInputException e) {
			// Not one sound site in the project (several sites, a scratch file with errors): the file alone.
			design = SiteDesign.load(designSet(), path);
		}
		return new SiteTarget(file, rehearse, design);
	}

	private static DesignSet designSet() {
		return PalisadeWorkspace.injector().getInstance(DesignSet.class);
	}

	/** @return the same site, reloaded from its file (the design may have changed since) */
	public SiteTarget reload() throws DesignInputException, SiteDesign.Invalid {
		SiteTarget t = load(file, rehearse);
		t.enteredCredentials.putAll(enteredCredentials);
		t.https = https;
		t.factoryNew = factoryNew;
		return t;
	}

	/** A rehearsal's virtual devices serve HTTPS with a self-signed certificate, as Axis devices ship. */
	public SiteTarget https(boolean value) {
		this.https = value;
		return this;
	}

	/** A rehearsal's virtual devices start factory-new, to rehearse commissioning (#17). */
	public SiteTarget factoryNew(boolean value) {
		this.factoryNew = value;
		return this;
	}

	public IFile file() {
		return file;
	}

	public boolean rehearse() {
		return rehearse;
	}

	public SiteDesign design() {
		return design;
	}

	public String site() {
		return design.config().site();
	}

	/** @return the key of the site's records and rehearsal: the design file's location */
	public String key() {
		return key;
	}

	/** @return where the site's journal, lock and pins are */
	public SiteState state() {
		return new SiteState(design.designDir(), site(), rehearse);
	}

	/** @return the networked devices of the site */
	public List<DeviceConfiguration> devices() {
		return design.config().devices();
	}

	/**
	 * @return where a device is reached: its virtual device's address in a rehearsal, else the
	 *         design's (over HTTPS)
	 * @throws IllegalArgumentException when it cannot be reached
	 */
	public URI uri(DeviceConfiguration d) {
		Rehearsal r = rehearse ? Rehearsals.running(key()) : null;
		return new SiteJobs(design.config(), state(), CredentialStore.empty()).virtual(r == null ? Map.of() : r.uris())
				.uri(d);
	}

	/** @return the address a device is shown with: its virtual device's, or the design's */
	public String address(DeviceConfiguration d) {
		Rehearsal r = rehearse ? Rehearsals.running(key()) : null;
		if (r != null && r.uris().containsKey(d.name())) {
			URI u = r.uris().get(d.name());
			return u.getHost() + ":" + u.getPort() + " (virtual)";
		}
		return d.address() == null ? "(no address)" : d.address();
	}

	/** Keeps a credential entered by the user for this target's runs (in memory only). */
	public void enter(String ref, Credential c) {
		enteredCredentials.put(ref, c);
	}

	/**
	 * @return the credentials references of the given devices that no source knows, for a run on
	 *         real devices (a rehearsal's virtual devices bring their own)
	 * @throws IOException when secure storage cannot be read (the message names the reference)
	 */
	public List<String> missingCredentials(List<String> only) throws IOException {
		List<String> missing = new ArrayList<>();
		if (rehearse) {
			return missing;
		}
		CredentialStore store = credentials();
		for (DeviceConfiguration d : new SiteJobs(design.config(), state(), store).devices(only)) {
			String ref = d.credentials();
			if (ref != null && !missing.contains(ref) && store.resolve(ref).isEmpty()) {
				missing.add(ref);
			}
		}
		return missing;
	}

	private CredentialStore credentials() {
		return CredentialStore.empty().add("environment", CredentialStore.environment(System::getenv))
				.add("entered in the Studio", ref -> entered.resolve(ref).orElse(null))
				.add("secure storage", new SecureStorageSource());
	}

	/**
	 * @param only   the devices of the run, or none for all
	 * @param faults armed on a rehearsal's virtual devices (ignored for real devices)
	 * @return the engine's jobs; a rehearsal starts the site's virtual devices first
	 */
	public List<DeployEngine.Job> jobs(List<String> only, List<FaultSpec> faults)
			throws IOException, GeneralSecurityException {
		if (rehearse) {
			Rehearsal r = Rehearsals.start(key(), design.site(), devices(), faults, https, factoryNew);
			return new SiteJobs(design.config(), state(), r.credentials()).virtual(r.uris())
					.trustCommand(this::trustHint).jobs(only);
		}
		return new SiteJobs(design.config(), state(), credentials()).trustCommand(this::trustHint).jobs(only);
	}

	/**
	 * @return the devices of a plan that failed before anything changed and say they need setup
	 *         (the Systemready API, as {@code palisade plan} asks it): they are commissioned first
	 */
	public List<String> factoryNewDevices(List<org.palisade.deploy.DeviceResult> results) {
		List<String> out = new ArrayList<>();
		Rehearsal r = rehearse ? Rehearsals.running(key()) : null;
		for (org.palisade.deploy.DeviceResult result : results) {
			if (result.outcome() != org.palisade.deploy.DeviceResult.Outcome.FAILED_UNCHANGED) {
				continue;
			}
			DeviceConfiguration d = design.config().device(result.device());
			URI http = r != null ? r.plainUris().get(result.device())
					: d == null || d.address() == null ? null : URI.create("http://" + d.address());
			if (http != null && org.palisade.deploy.site.FactoryNew.check(result.device(), http,
					java.time.Duration.ofSeconds(3))) {
				out.add(result.device());
			}
		}
		return out;
	}

	/**
	 * @return a commissioner for this site's devices: a rehearsal's passwords go to its private
	 *         file and its virtual devices are reached on loopback; real devices at their factory
	 *         address, passwords to secure storage
	 */
	public org.palisade.deploy.vapix.driver.Commissioner commissioner() throws IOException, GeneralSecurityException {
		Rehearsal r = rehearse ? Rehearsals.running(key()) : null;
		if (r != null) {
			Map<String, URI> secure = new java.util.LinkedHashMap<>();
			r.fleet().devices().forEach(v -> secure.put(v.name(), v.httpsUri()));
			return org.palisade.deploy.site.SiteCommissioning.commissioner(state(), r.vault(),
					org.palisade.deploy.site.SiteCommissioning.reach(r.plainUris(), secure));
		}
		return org.palisade.deploy.site.SiteCommissioning.commissioner(state(),
				org.palisade.deploy.vapix.driver.PasswordVault.secureStorage(),
				org.palisade.deploy.vapix.driver.Commissioner.Reach.direct());
	}

	/** @return what commissioning gives the devices, in the design's terms */
	public List<org.palisade.deploy.vapix.driver.Commissioner.Target> commissioningTargets(List<String> only) {
		return org.palisade.deploy.site.SiteCommissioning.targets(design.site(), design.config(), only, Map.of());
	}

	private String trustHint(String device) {
		return "Trust Certificate... for " + device + " in the Deploy view (or: palisade trust " + key
				+ " --device " + device + ")";
	}
}
