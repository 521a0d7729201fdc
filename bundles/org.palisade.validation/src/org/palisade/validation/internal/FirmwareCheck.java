package org.palisade.validation.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.URI;
import org.palisade.model.site.Device;
import org.palisade.model.site.SitePackage;
import org.palisade.validation.Codes;
import org.palisade.validation.Findings;

/**
 * A device's firmware version and file (issue #17): plan compares the device's version with the
 * design's, and deploy uploads the file and checks the version the device runs afterwards.
 */
final class FirmwareCheck {

	private static final SitePackage P = SitePackage.eINSTANCE;
	/** AXIS OS versions as release notes and basic device info give them: 11.11, 11.11.73, 10.12.213.1. */
	static final Pattern VERSION = Pattern.compile("\\d{1,4}(\\.\\d{1,4}){1,3}");

	private FirmwareCheck() {
	}

	static void check(Device d, Findings findings) {
		String version = d.getFirmwareVersion();
		if (version != null && !VERSION.matcher(version).matches()) {
			findings.error(Codes.FW_VERSION, d, P.getDevice_FirmwareVersion(), d.getName() + ": firmware version \""
					+ version + "\" is not a version; write 2 to 4 dotted numbers, as \"11.11\" or \"11.11.73\"");
		}
		String file = d.getFirmwareFile();
		if (file == null) {
			return;
		}
		if (version == null) {
			findings.error(Codes.FW_VERSION, d, P.getDevice_FirmwareFile(), d.getName() + ": firmware file \"" + file
					+ "\" without the version it holds; deploy checks that version after the upgrade (a device that "
					+ "falls back to its previous firmware is only recognised so)");
		}
		if (!file.toLowerCase(Locale.ROOT).endsWith(".bin")) {
			findings.error(Codes.FW_FILE, d, P.getDevice_FirmwareFile(), d.getName() + ": firmware file \"" + file
					+ "\" is not a .bin file, as Axis firmware files are");
			return;
		}
		Path dir = designFolder(d);
		if (dir == null) {
			return; // a design held in memory only: nothing to look beside
		}
		Path p = dir.resolve(file).normalize();
		if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
			findings.error(Codes.FW_FILE, d, P.getDevice_FirmwareFile(), d.getName() + ": firmware file \"" + file
					+ "\" is not a readable file (looked for " + p + ")");
		}
	}

	/** @return the folder of the design file holding the device, or {@code null} if it has none on disk */
	static Path designFolder(Device d) {
		URI uri = d.eResource() == null ? null : d.eResource().getURI();
		if (uri == null || !uri.isFile()) {
			return null;
		}
		Path design = Path.of(uri.toFileString()).toAbsolutePath();
		return design.getParent();
	}
}
