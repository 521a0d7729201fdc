package org.palisade.deploy.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away self-signed certificate for virtual devices that serve HTTPS ({@code palisade
 * simulate --https}, an HTTPS rehearsal in the Studio), as Axis devices ship with: made by the
 * JDK's own keytool (the JDK has no public API to sign a certificate, and a library for it would
 * be a dependency for a rehearsal tool only), valid for two days, for 127.0.0.1 and ::1.
 */
public final class SelfSignedStore {

	private SelfSignedStore() {
	}

	/**
	 * @param name     the certificate's common name
	 * @param store    where the PKCS#12 store goes (a new file)
	 * @param password the store password (also the key's); the caller wipes it
	 * @return the PKCS#12 store
	 */
	public static Path create(String name, Path store, char[] password) throws IOException, InterruptedException {
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		if (!Files.isExecutable(keytool)) {
			throw new IOException("virtual devices on HTTPS need the JDK's keytool, not found at " + keytool);
		}
		String pw = new String(password);
		// keytool is a JVM of its own: the quick compiler and the serial collector suit its one short
		// job, and several run at once for a factory-new fleet (#17).
		List<String> cmd = List.of(keytool.toString(), "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-genkeypair", "-alias", "device", "-keyalg", "EC", "-groupname",
				"secp256r1", "-dname", "CN=" + name + ", O=Palisade virtual device", "-ext", "SAN=ip:127.0.0.1,ip:::1",
				"-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass:env", "PALISADE_KS",
				"-keypass:env", "PALISADE_KS");
		ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		// The password through the environment of the child, never on its command line (ps shows that).
		pb.environment().put("PALISADE_KS", pw);
		Process p = pb.start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(60, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IOException("keytool did not finish in 60 s");
		}
		if (p.exitValue() != 0) {
			throw new IOException("keytool failed (exit " + p.exitValue() + "): " + output.strip());
		}
		return store;
	}
}
