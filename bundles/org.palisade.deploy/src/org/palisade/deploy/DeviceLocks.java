package org.palisade.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Locks on the devices a run changes, shared by every design on this machine: two sites, or
 * two copies of one design, that address the same camera never change it at once. The site
 * lock keeps two runs of one site apart; these keep apart runs that only share devices.
 * <p>
 * One lock file per device address ({@code host:port}) under a folder of the user's
 * ({@code ~/.palisade/device-locks}), each a {@link SiteLock}: an OS file lock naming its
 * holder, taken over when that holder is dead. Taken in address order, so two runs waiting
 * for each other's devices cannot deadlock.
 */
public final class DeviceLocks implements AutoCloseable {

	private final List<SiteLock> held;

	private DeviceLocks(List<SiteLock> held) {
		this.held = held;
	}

	/** @return the folder of device locks of the user running this process */
	public static Path defaultDirectory() {
		return Path.of(System.getProperty("user.home"), ".palisade", "device-locks");
	}

	/**
	 * Takes the lock of every device of a run.
	 *
	 * @param directory where the lock files are (see {@link #defaultDirectory()})
	 * @param devices   device name to its address ({@code host:port}); devices without an
	 *                  address are not locked
	 * @param operation what the run is, shown to whoever finds a device held
	 * @throws SiteLock.HeldException when a device is held by another run after the timeout;
	 *                                 its message names the device and that run
	 */
	public static DeviceLocks acquire(Path directory, Map<String, String> devices, String operation, Duration timeout)
			throws IOException, InterruptedException {
		TreeMap<String, String> byAddress = new TreeMap<>();
		devices.forEach((device, address) -> {
			if (address != null && !address.isBlank()) {
				byAddress.put(address, device);
			}
		});
		List<SiteLock> taken = new ArrayList<>();
		try {
			for (Map.Entry<String, String> e : byAddress.entrySet()) {
				Path file = directory.resolve(fileName(e.getKey()));
				try {
					taken.add(SiteLock.acquire(file, operation + " of " + e.getValue() + " (" + e.getKey() + ")", timeout));
				} catch (SiteLock.HeldException held) {
					String who = held.holder() == null ? "another run (" + file + ")" : held.holder().describe();
					throw new SiteLock.HeldException("device " + e.getValue() + " (" + e.getKey() + ") is being changed by " + who
							+ ", perhaps from another design that names it; wait for it to finish, or give --lock-timeout",
							held.holder());
				}
			}
			return new DeviceLocks(taken);
		} catch (IOException | InterruptedException | RuntimeException e) {
			taken.forEach(SiteLock::close);
			throw e;
		}
	}

	/** "10.20.0.11:443" becomes "10.20.0.11_443.lock"; an IPv6 address keeps only safe characters. */
	static String fileName(String address) {
		return address.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "_") + ".lock";
	}

	/** @return the device locks taken over from runs that had died */
	public List<SiteLock.Holder> tookOver() {
		List<SiteLock.Holder> result = new ArrayList<>();
		for (SiteLock lock : held) {
			lock.tookOverFrom().ifPresent(result::add);
		}
		return result;
	}

	@Override
	public void close() {
		for (int i = held.size() - 1; i >= 0; i--) {
			held.get(i).close();
		}
	}
}
