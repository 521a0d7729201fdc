package org.palisade.deploy.tests;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.palisade.deploy.DeviceIdentity;
import org.palisade.deploy.vapix.HttpConnector;
import org.palisade.deploy.vapix.Pins;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.driver.CommissionJournal;
import org.palisade.deploy.vapix.driver.Commissioner;
import org.palisade.deploy.vapix.driver.PasswordVault;

/**
 * A commissioning run in a process of its own that kills itself (Runtime.halt, like SIGKILL) right
 * after its step number {@code killAfter} (0: before the first; -1: never).
 * <p>
 * Usage: {@code KillableCommission <credentials file> <journal file> <pins file> <http URI> <https URI>
 * <killAfter>}; the device is North1 of {@link CommissionerTest#target}. Prints each step's name
 * and the result, never the password.
 */
public final class KillableCommission {

	private KillableCommission() {
	}

	public static void main(String[] args) throws Exception {
		int killAfter = Integer.parseInt(args[5]);
		if (killAfter == 0) {
			Runtime.getRuntime().halt(KillableDeploy.KILLED);
		}
		HttpConnector http = VapixClient.newConnector(TlsOptions.systemDefault(), Duration.ofSeconds(2));
		Map<String, URI> plain = Map.of("North1", URI.create(args[3]));
		Map<String, URI> tls = Map.of("North1", URI.create(args[4]));
		Commissioner.Reach reach = new Commissioner.Reach() {
			@Override
			public URI http(String device, String address) {
				return plain.get(device);
			}

			@Override
			public URI https(String device, String address) {
				return tls.get(device);
			}
		};
		int[] steps = { 0 };
		Commissioner c = new Commissioner(http, new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(40), 2.0, 0.5),
				Duration.ofSeconds(5), PasswordVault.file(Path.of(args[0])), KillableCommission::password,
				new CommissionJournal(Path.of(args[1])), Pins.load(Path.of(args[2])), reach).listener((d, s) -> {
					System.out.println(d + ": " + s);
					System.out.flush();
					if (++steps[0] == killAfter) {
						Runtime.getRuntime().halt(KillableDeploy.KILLED);
					}
				});
		Commissioner.Result r = c.commission(new Commissioner.Target("North1",
				new DeviceIdentity("AXIS Q1961-TE", CommissionerTest.SERIAL, null), CommissionerTest.REF, "192.168.0.90",
				"10.20.0.11", 24, "10.20.0.1", List.of("10.20.0.1"), "Europe/Stockholm", List.of("10.20.0.1")));
		System.out.println("result: " + (r.failure() == null ? "commissioned" : "FAILED " + r.failure()));
		System.exit(r.failure() == null ? 0 : 1);
	}

	/** 20 printable ASCII characters (the CLI uses PasswordPolicy; this process has no validation bundle). */
	private static char[] password() {
		SecureRandom r = new SecureRandom();
		char[] pw = new char[20];
		for (int i = 0; i < pw.length; i++) {
			pw[i] = (char) (33 + r.nextInt(94));
		}
		return pw;
	}
}
