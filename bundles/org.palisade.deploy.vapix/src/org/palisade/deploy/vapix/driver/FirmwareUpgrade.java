package org.palisade.deploy.vapix.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.palisade.deploy.DeviceException;
import org.palisade.deploy.ManagedObject;
import org.palisade.deploy.vapix.FirmwareManagement;
import org.palisade.deploy.vapix.VapixClient;
import org.palisade.deploy.vapix.VapixException;
import org.palisade.deploy.vapix.driver.DeviceObjects.Firmware;

/**
 * Takes a device to the design's firmware (#17): uploads the file, waits for the restart (bounded),
 * and checks the version the device runs afterwards. A device that comes back on its previous
 * firmware fell back, as the manual says it does when an upgrade fails ("the device reloads the
 * previous firmware"; most often the file is for another model): that is a failure, with nothing else
 * of the plan applied yet, since the firmware goes first.
 * <p>
 * Restart: the device stops answering soon after it accepted the file. A status that answers with
 * the old version before the device was seen down is not yet the verdict (the restart may not have
 * begun); one that answers after it was down, or with another version, is.
 */
final class FirmwareUpgrade {

	/** Real upgrades take minutes: flash, restart, and first start of the new system. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
	static final Duration DEFAULT_POLL = Duration.ofSeconds(5);

	private FirmwareUpgrade() {
	}

	/** The running firmware as the design's setting reads it: a matching release reads as the design's. */
	static ManagedObject read(String running, Firmware wanted) {
		Firmware read = Firmware.matches(running, wanted.version()) ? wanted
				: new Firmware(running == null ? "" : running, null);
		return new ManagedObject(Conventions.FIRMWARE, Firmware.KEY, ManagedObject.Nature.SETTING,
				ManagedObject.Origin.FACTORY, read.attributes(), java.util.List.of(), null);
	}

	/**
	 * @param running the version the device runs now
	 * @return the version the device runs afterwards (the wanted one)
	 */
	static String apply(VapixClient client, String running, Firmware wanted, Duration timeout, Duration poll)
			throws DeviceException {
		String device = client.device();
		if (Firmware.matches(running, wanted.version())) {
			return running;
		}
		if (wanted.file() == null) {
			throw new DeviceException(device + " runs firmware " + running + ", the design wants " + wanted.version()
					+ "; nothing was changed on it: name the firmware file to upgrade with (firmware lts \""
					+ wanted.version() + "\" file \"...bin\"), or correct the design's version", null);
		}
		Path file = Path.of(wanted.file());
		if (!Files.isReadable(file)) {
			throw new DeviceException(device + ": firmware file " + file + " cannot be read; nothing was changed", null);
		}
		try {
			client.firmware().upgrade(file);
		} catch (VapixException e) {
			throw new DeviceException("upgrade firmware to " + wanted.version() + " with " + file.getFileName() + ": "
					+ e.getMessage(), e, e.kind() == VapixException.Kind.AUTHENTICATION);
		} catch (IOException e) {
			throw new DeviceException(device + ": firmware file " + file + ": " + e.getMessage(), e);
		}
		String after = awaitRestart(client, running, timeout, poll);
		if (Firmware.matches(after, wanted.version())) {
			return after;
		}
		if (after.equals(running)) {
			throw new DeviceException(device + ": firmware upgrade to " + wanted.version() + " failed: the device fell"
					+ " back to its previous firmware " + running + " (it reloads the previous firmware when an upgrade"
					+ " fails; the most common cause is a file for another model: check that " + file.getFileName()
					+ " is this model's); nothing else of the plan was applied", null);
		}
		throw new DeviceException(device + ": after the upgrade with " + file.getFileName() + " the device runs "
				+ after + ", not " + wanted.version() + ": the file holds another version than the design says", null);
	}

	/** @return the active version once the device restarted */
	private static String awaitRestart(VapixClient client, String before, Duration timeout, Duration poll)
			throws DeviceException {
		long deadline = System.nanoTime() + timeout.toNanos();
		boolean down = false;
		String last = before;
		String why = null;
		while (System.nanoTime() < deadline) {
			try {
				FirmwareManagement.Status s = client.firmware().status();
				if (s.active() != null) {
					last = s.active();
					if (down || !last.equals(before)) {
						return last;
					}
				}
			} catch (VapixException e) {
				// Restarting: refused connections, dropped ones, 503. Authentication is not a restart.
				if (e.kind() == VapixException.Kind.AUTHENTICATION) {
					throw new DeviceException("firmware status after the upgrade: " + e.getMessage(), e, true);
				}
				down = true;
				why = e.getMessage();
			}
			sleep(poll);
		}
		if (down) {
			throw new DeviceException(client.device() + ": did not come back within " + timeout.toSeconds()
					+ " s of the firmware upgrade (last: " + why + "); check it on site before deploying again", null);
		}
		throw new DeviceException(client.device() + ": still runs firmware " + last + " " + timeout.toSeconds()
				+ " s after it accepted the upgrade: it did not restart, or fell back to its previous firmware;"
				+ " nothing else of the plan was applied", null);
	}

	private static void sleep(Duration d) throws DeviceException {
		try {
			Thread.sleep(Math.max(1, d.toMillis()));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DeviceException("interrupted while the device restarts after a firmware upgrade", e);
		}
	}
}
