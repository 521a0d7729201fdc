package org.palisade.deploy.tests;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.palisade.deploy.CredentialStore;
import org.palisade.deploy.DeployEngine;
import org.palisade.deploy.DeviceDriver;
import org.palisade.deploy.DeviceException;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.Journal;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.vapix.HttpConnector;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.driver.VapixTargets;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

/**
 * A deploy run in a process of its own that kills itself (Runtime.halt: no shutdown hooks, no
 * finally blocks, like SIGKILL) before its device operation number {@code killAfter + 1}.
 * <p>
 * Usage: {@code KillableDeploy <journal dir> <desired.json> <device> <base URI> <credentials ref> <killAfter>
 * [<failAtChange>]}; with {@code failAtChange} the change step of that number (1-based) fails, so
 * the engine restores the device, and a kill then lands in the restore. The credentials come from
 * the environment ({@code PALISADE_CREDENTIALS_<REF>}).
 */
public final class KillableDeploy {

	/** The site's devices, {@code address=name=baseUri;...}: whom a door token is asked of (#19). */
	public static final String PEERS = "PALISADE_TEST_PEERS";

	/** Exit status of a run that killed itself. */
	public static final int KILLED = 137;

	private KillableDeploy() {
	}

	public static void main(String[] args) throws Exception {
		Path journal = Path.of(args[0]);
		List<ManagedObject> desired = new Gson().fromJson(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8),
				new TypeToken<List<ManagedObject>>() { }.getType());
		int killAfter = Integer.parseInt(args[5]);
		int failAtChange = args.length > 6 ? Integer.parseInt(args[6]) : -1;
		CredentialStore store = CredentialStore.empty().add("environment", CredentialStore.environment(System::getenv));
		HttpConnector http = VapixClient.newConnector(TlsOptions.systemDefault(), Duration.ofSeconds(2));
		VapixTargets targets = new VapixTargets(store, http,
				new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(40), 2.0, 0.5), Duration.ofSeconds(5));
		String peerList = System.getenv(PEERS);
		if (peerList != null) {
			java.util.Map<String, VapixTargets.Peer> peers = new java.util.HashMap<>();
			for (String entry : peerList.split(";")) {
				String[] p = entry.split("=", 3);
				if (p.length == 3) {
					peers.put(p[0], new VapixTargets.Peer(p[1], URI.create(p[2])));
				}
			}
			targets.peers(peers).checkLogins(false);
		}
		DeployEngine.Job job = targets.job(args[2], desired, URI.create(args[3]), args[4]);
		int[] calls = { 0 };
		DeployEngine.Job killable = new DeployEngine.Job(job.device(), job.desired(),
				() -> new Killing(job.driver().open(), calls, killAfter, failAtChange));
		List<DeviceResult> r = new DeployEngine(new Journal(journal), 1, (d, m) -> System.out.println(d + ": " + m))
				.deploy(List.of(killable));
		System.out.println("result: " + r.get(0).outcome());
		System.exit(0);
	}

	/** A driver that halts the process before operation {@code killAfter + 1}. */
	private static final class Killing implements DeviceDriver {
		private final DeviceDriver inner;
		private final int[] calls;
		private final int killAfter;
		private final int failAtChange;
		private int changes;

		Killing(DeviceDriver inner, int[] calls, int killAfter, int failAtChange) {
			this.inner = inner;
			this.calls = calls;
			this.killAfter = killAfter;
			this.failAtChange = failAtChange;
		}

		/** The injected failure: the device refuses one change, before it is made. */
		private void change() throws DeviceException {
			if (++changes == failAtChange) {
				throw new DeviceException("injected failure of change " + changes, null);
			}
		}

		private void tick() {
			if (calls[0]++ >= killAfter) {
				System.out.flush();
				Runtime.getRuntime().halt(KILLED);
			}
		}

		@Override
		public List<String> kindOrder() {
			return inner.kindOrder();
		}

		@Override
		public List<ManagedObject> read(Collection<ManagedObject> settings) throws DeviceException {
			tick();
			return inner.read(settings);
		}

		@Override
		public void set(ManagedObject setting) throws DeviceException {
			tick();
			change();
			inner.set(setting);
		}

		@Override
		public void create(ManagedObject item) throws DeviceException {
			tick();
			change();
			inner.create(item);
		}

		@Override
		public void delete(ManagedObject item) throws DeviceException {
			tick();
			change();
			inner.delete(item);
		}

		@Override
		public void close() {
			inner.close();
		}
	}
}
