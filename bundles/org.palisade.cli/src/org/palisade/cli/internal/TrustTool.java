package org.palisade.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.palisade.cli.Palisade;
import org.palisade.deploy.SiteLock;
import org.palisade.deploy.vapix.Pins;
import org.palisade.generator.DeviceConfiguration;

/**
 * {@code palisade trust <site> [--device NAME]... [--expect SHA256]}: trust on first use, done in
 * the open. Reads each device's certificate (a TLS handshake, nothing sent), shows its subject,
 * issuer, validity and SHA-256 fingerprint, and records the fingerprint as the device's pin in
 * the pins file beside the design (not secret: commit it). {@code --expect} records only a
 * certificate with that fingerprint, for scripts that got it from the device's label or web page.
 */
final class TrustTool {

	private final SiteSession session;
	private final PrintStream out;
	private final PrintStream err;

	TrustTool(SiteSession session, PrintStream out, PrintStream err) {
		this.session = session;
		this.out = out;
		this.err = err;
	}

	int run(List<String> devices, String expect, Duration lockTimeout) throws IOException, InterruptedException {
		String wanted = expect == null ? null : normalise(expect);
		try (SiteLock lock = session.lock("trust", lockTimeout, err)) {
			if (lock == null) {
				return Palisade.ERRORS;
			}
			Pins pins = Pins.load(session.state.pinsFile());
			int pinned = 0;
			int failed = 0;
			for (DeviceConfiguration d : session.devices(devices)) {
				URI uri = session.uri(d);
				if (!"https".equalsIgnoreCase(uri.getScheme())) {
					out.println(d.name() + " (" + uri + "): plain HTTP, no certificate to pin");
					continue;
				}
				X509Certificate c;
				try {
					c = Pins.fetch(uri, Duration.ofSeconds(10));
				} catch (IOException e) {
					err.println("palisade trust: " + d.name() + ": cannot read its certificate: " + e.getMessage());
					failed++;
					continue;
				}
				String fp = Pins.fingerprint(c);
				out.println(d.name() + " (" + uri + "):");
				out.println("  subject: " + c.getSubjectX500Principal().getName());
				out.println("  issuer:  " + c.getIssuerX500Principal().getName()
						+ (c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) ? " (self-signed)" : ""));
				out.println("  valid:   " + c.getNotBefore().toInstant() + " to " + c.getNotAfter().toInstant());
				out.println("  SHA-256: " + fp);
				if (wanted != null && !normalise(fp).equals(wanted)) {
					err.println("palisade trust: " + d.name() + ": its certificate is not the one expected (--expect "
							+ expect + "); not pinned");
					failed++;
					continue;
				}
				String old = pins.of(d.name());
				if (old != null && normalise(old).equals(normalise(fp))) {
					out.println("  already pinned");
				} else {
					pins.put(d.name(), fp);
					out.println(old == null ? "  pinned" : "  pinned, replacing " + old);
				}
				pinned++;
			}
			out.println(pinned + " device(s) pinned in " + pins.file() + (failed == 0 ? "" : "; " + failed + " failed"));
			return failed == 0 ? Palisade.OK : Palisade.ERRORS;
		}
	}

	private static String normalise(String fp) {
		return fp.replaceAll("[:\\s]", "").toLowerCase(Locale.ROOT);
	}
}
