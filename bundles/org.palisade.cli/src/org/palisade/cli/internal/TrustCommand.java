package org.palisade.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.palisade.cli.Palisade;
import org.palisade.deploy.vapix.TlsOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code palisade trust <site> [--device NAME]... [--expect SHA256]}: shows each device's
 * certificate and pins its SHA-256 in the pins file beside the design (see {@link TrustTool}).
 */
@Command(name = "trust", description = { "Show each device's certificate (subject, issuer, validity, SHA-256) and pin",
		"it in <site>.pins beside the design; plan and deploy then trust exactly that certificate." })
public class TrustCommand extends CliCommand {

	@Mixin
	SiteReachOptions site;

	@Option(names = "--device", paramLabel = "NAME", description = "only this device (repeatable)")
	List<String> devices = new ArrayList<>();

	@Option(names = "--expect", paramLabel = "SHA256", description = "pin only a certificate with this fingerprint")
	String expect;

	@Override
	int run() throws Exception {
		atLeast("--lock-timeout", site.lockTimeout, 0);
		if (expect != null) {
			try {
				TlsOptions.pinnedSha256(expect);
			} catch (IllegalArgumentException e) {
				throw usage("--expect: " + e.getMessage());
			}
		}
		SiteSession session = SiteSession.open(this, site.site, site.simulate, site.map);
		if (session == null) {
			return Palisade.ERRORS;
		}
		session.checkDevices(devices);
		return new TrustTool(session, out, err).run(devices, expect, Duration.ofSeconds(site.lockTimeout));
	}
}
