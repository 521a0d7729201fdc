package org.palisade.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A virtual camera's edge storage (issue #19 item 3, #17 item 4): its SD card ({@code SD_DISK}), the
 * network shares added to it (at most one bound, as disk {@code NetworkShare}), the test jobs of
 * shares, and the recordings its rules made. A share's test succeeds only when its host is an
 * address of the fleet's address map ({@link #reachable}): nothing is ever contacted, a host the map
 * does not hold answers error 760 (cannot connect), as a real camera would for a host it cannot reach.
 * Error codes as the Edge storage API documents them (catalog doc surveillance-center.md section 2.1).
 * Thread-safe; stamped with the fleet's clock.
 */
public final class EdgeStorage {

	/** The SD card's disk id and the bound share's (recorded on P3245-LVE and D4200-VE). */
	public static final String SD_DISK = "SD_DISK";
	public static final String NETWORK_SHARE = "NetworkShare";

	/** A share as list.cgi shows it. */
	public record Share(String shareId, String niceName, String address, String share, String user, boolean bound,
			boolean mounted) {
	}

	/** One recording a rule made: the stream, the disk, from {@code pre} before the trigger to {@code post} after it. */
	public record Recording(Instant trigger, String rule, String stream, String diskId, long preMs, long postMs) {

		public Instant start() {
			return trigger.minusMillis(preMs);
		}

		public Instant stop() {
			return trigger.plusMillis(postMs);
		}
	}

	/** A failure as the API reports it: its code and description. */
	public record Error(int code, String description) {
	}

	private final Map<String, Share> shares = new LinkedHashMap<>();
	private final Map<String, Error> jobs = new LinkedHashMap<>();
	private final List<Recording> recordings = new ArrayList<>();
	private final long sdCardKb;
	private volatile Predicate<String> reachable = host -> false;
	private volatile Clock clock = Clock.systemUTC();
	private int nextJob = 1;

	/** @param sdCardGb the SD card's size in GB, or 0 for no card */
	public EdgeStorage(int sdCardGb) {
		this.sdCardKb = sdCardGb * 1_000_000_000L / 1024;
	}

	/** Which share hosts the camera reaches: the fleet's address map, set when the fleet is mapped. */
	public void reachable(Predicate<String> hosts) {
		this.reachable = hosts;
	}

	public void clock(Clock value) {
		this.clock = value;
	}

	public long sdCardKb() {
		return sdCardKb;
	}

	public synchronized List<Share> shares() {
		return List.copyOf(shares.values());
	}

	public synchronized List<Recording> recordings() {
		return List.copyOf(recordings);
	}

	/** @return an error, or {@code null} when added */
	public synchronized Error add(String shareId, String niceName, String address, String share, String user) {
		if (shareId == null || !shareId.matches("[A-Za-z0-9-]+")) {
			return new Error(200, "Invalid ShareId");
		}
		if (shares.containsKey(shareId)) {
			return new Error(210, "ShareId not unique");
		}
		if (niceName != null && shares.values().stream().anyMatch(s -> niceName.equals(s.niceName()))) {
			return new Error(220, "NiceName not unique");
		}
		if (address == null || address.isBlank() || share == null || share.isBlank()) {
			return new Error(20, "Invalid request");
		}
		shares.put(shareId, new Share(shareId, niceName, address, share, user == null ? "" : user, false, false));
		return null;
	}

	/** Starts a test job; its outcome is known at once (the host is in the address map or not). */
	public synchronized String test(String shareId) {
		Share s = shares.get(shareId);
		String id = Integer.toString(nextJob++);
		jobs.put(id, s == null ? new Error(200, "Invalid ShareId")
				: reachable.test(s.address()) ? null : new Error(760, "Cannot connect to " + s.address()));
		return id;
	}

	/** @return the job's error, {@code null} for success */
	public synchronized Error job(String jobId) {
		if (!jobs.containsKey(jobId)) {
			return new Error(20, "No such job");
		}
		return jobs.get(jobId);
	}

	/** @return an error, or {@code null} when bound (and mounted) */
	public synchronized Error bind(String shareId) {
		Share s = shares.get(shareId);
		if (s == null) {
			return new Error(200, "Invalid ShareId");
		}
		if (s.bound()) {
			return new Error(310, "Already bound");
		}
		if (shares.values().stream().anyMatch(Share::bound)) {
			return new Error(300, "No free disk");
		}
		if (!reachable.test(s.address())) {
			return new Error(760, "Cannot connect to " + s.address());
		}
		shares.put(shareId, new Share(s.shareId(), s.niceName(), s.address(), s.share(), s.user(), true, true));
		return null;
	}

	/** Unmounts the disk: the share stays bound. @return whether that disk was mounted */
	public synchronized boolean unmount(String diskId) {
		if (!NETWORK_SHARE.equals(diskId)) {
			return false;
		}
		for (Share s : List.copyOf(shares.values())) {
			if (s.mounted()) {
				shares.put(s.shareId(), new Share(s.shareId(), s.niceName(), s.address(), s.share(), s.user(), s.bound(), false));
				return true;
			}
		}
		return false;
	}

	public synchronized Error unbind(String shareId) {
		Share s = shares.get(shareId);
		if (s == null) {
			return new Error(200, "Invalid ShareId");
		}
		if (s.mounted()) {
			return new Error(400, "Disk is mounted");
		}
		shares.put(shareId, new Share(s.shareId(), s.niceName(), s.address(), s.share(), s.user(), false, false));
		return null;
	}

	public synchronized Error remove(String shareId) {
		Share s = shares.get(shareId);
		if (s == null) {
			return new Error(200, "Invalid ShareId");
		}
		if (s.bound()) {
			return new Error(500, "Share is bound");
		}
		shares.remove(shareId);
		return null;
	}

	/**
	 * A rule's recording: onto the disk if the camera has it (the SD card, or a bound and mounted share).
	 *
	 * @return the recording, or {@code null} when there is no such disk
	 */
	public synchronized Recording record(String rule, String stream, String diskId, long preMs, long postMs) {
		boolean present = SD_DISK.equals(diskId) ? sdCardKb > 0
				: NETWORK_SHARE.equals(diskId) && shares.values().stream().anyMatch(Share::mounted);
		if (!present) {
			return null;
		}
		Recording r = new Recording(Instant.now(clock), rule, stream, diskId, preMs, postMs);
		recordings.add(r);
		return r;
	}
}
