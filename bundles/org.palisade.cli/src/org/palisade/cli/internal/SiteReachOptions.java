package org.palisade.cli.internal;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The site and, for its virtual devices, the simulation: what {@code trust} and {@code journal} share. */
final class SiteReachOptions {

	@Parameters(paramLabel = "SITE", description = "the site design (a .perimeter file or its folder)")
	Path site;

	@Option(names = "--simulate", description = "the virtual devices of 'palisade simulate' (their own pins and journal)")
	boolean simulate;

	@Option(names = "--map", paramLabel = "FILE", description = "the address map 'palisade simulate --map' wrote (implies --simulate)")
	Path map;

	@Option(names = "--lock-timeout", paramLabel = "SECONDS", description = "wait this long for the site's lock (default 0: refuse at once)")
	long lockTimeout;
}
