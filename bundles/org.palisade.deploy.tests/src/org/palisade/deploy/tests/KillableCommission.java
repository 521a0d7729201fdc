package org.palisade.deploy.tests;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

import org.palisade.deploy.DeviceIdentity;
import org.palisade.deploy.vapix.HttpConnector;
import org.palisade.deploy.vapix.RetryPolicy;
import org.palisade.deploy.vapix.TlsOptions;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.driver.Commissioner;

/**
 * A commissioning run in a process of its own that kills itself (Runtime.halt, like SIGKILL) right
 * after its step number {@code killAfter} (0: before the first).
 * <p>
 * Usage: {@code KillableCommission <credentials file> <base URI> <device> <credentials ref> <time zone>
 * <model> <serial> <killAfter>}. Prints each step's name and the result, never the password.
 */
public final class KillableCommission {

	private KillableCommission() {
	}

	public static void main(String[] args) throws Exception {
		int killAfter = Integer.parseInt(args[7]);
		if (killAfter == 0) {
			Runtime.getRuntime().halt(KillableDeploy.KILLED);
		}
		HttpConnector http = VapixClient.newConnector(TlsOptions.systemDefault(), Duration.ofSeconds(2));
		int[] steps = { 0 };
		Commissioner c = new Commissioner(http, new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(40), 2.0, 0.5),
				Duration.ofSeconds(5), Path.of(args[0]), KillableCommission::password).listener((d, s) -> {
					System.out.println(d + ": " + s);
					System.out.flush();
					if (++steps[0] == killAfter) {
						Runtime.getRuntime().halt(KillableDeploy.KILLED);
					}
				});
		Commissioner.Result r = c.commission(args[2], URI.create(args[1]), new DeviceIdentity(args[5], args[6], null),
				"192.168.0.90", args[3], args[4]);
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
