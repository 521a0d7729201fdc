package org.palisade.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code plan} and {@code deploy} share: which site, which devices, how to reach them. */
final class DeviceOptions {

	@Parameters(paramLabel = "SITE", description = "the site design (a .perimeter file or its folder)")
	Path site;

	@Option(names = "--device", paramLabel = "NAME", description = "only this device (repeatable)")
	List<String> devices = new ArrayList<>();

	@Option(names = "--simulate", description = "talk to the virtual devices of 'palisade simulate'")
	boolean simulate;

	@Option(names = "--map", paramLabel = "FILE", description = "the address map 'palisade simulate --map' wrote (implies --simulate)")
	Path map;

	@Option(names = "--credentials", paramLabel = "FILE", description = {
			"reference=user:password lines, outside the design's folder (repeatable); credentials also come",
			"from PALISADE_CREDENTIALS_<REF> and Equinox secure storage" })
	List<Path> credentials = new ArrayList<>();

	@Option(names = "--parallel", paramLabel = "N", description = "devices at a time (default ${DEFAULT-VALUE})")
	int parallel = 8;

	@Option(names = "--http", description = "plain HTTP instead of HTTPS")
	boolean http;

	@Option(names = "--pin", paramLabel = "SHA256", description = "trust the certificate with this SHA-256 fingerprint")
	String pin;

	@Option(names = "--format", paramLabel = "text|json", description = "text (default) or json")
	Format format = Format.text;
}
