package org.palisade.validation.internal;

import static org.palisade.validation.internal.Format.num;

import org.palisade.model.site.ApplicationInstance;
import org.palisade.model.site.ApplicationType;
import org.palisade.model.site.BitrateMode;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.FirmwareTrack;
import org.palisade.model.site.Palette;
import org.palisade.model.site.Section;
import org.palisade.model.site.SitePackage;
import org.palisade.model.site.Storage;
import org.palisade.model.site.StorageKind;
import org.palisade.model.site.Stream;
import org.palisade.model.site.StreamAudience;
import org.palisade.validation.Codes;
import org.palisade.validation.Findings;
import org.palisade.validation.SiteContext;

/**
 * Streams, storage, applications and firmware of each device.
 */
public final class VideoCheck {

	private static final SitePackage P = SitePackage.eINSTANCE;

	private VideoCheck() {
	}

	public static void check(Section section, SiteContext site, Findings findings) {
		boolean integrations = site.site() != null && !site.site().getIntegrations().isEmpty();
		for (Device d : section.getDevices()) {
			for (Stream s : d.getStreams()) {
				if (s.getAudience() == StreamAudience.APPLICATIONS && s.getPalette() != Palette.WHITE_HOT) {
					findings.warning(Codes.VID_PALETTE, s, P.getStream_Palette(), "stream \"" + s.getName()
							+ "\" is used only by applications: use the white-hot palette, not " + s.getPalette().getLiteral());
				}
				checkBitrate(s, findings);
				if (s.isEis()) {
					findings.info(Codes.VID_EIS, s, P.getStream_Eis(), "EIS steadies \"" + s.getName()
							+ "\" but crops the image and lowers its maximum resolution");
				}
			}
			FirmwareCheck.check(d, findings);
			checkStorage(d, findings);
			checkBudget(d, findings);
			if (integrations && d.getFirmwareTrack() != FirmwareTrack.LTS && Devices.hasIoTerminal(d)) {
				findings.info(Codes.FW_TRACK, d, P.getDevice_FirmwareTrack(), d.getName() + " is on the active firmware "
						+ "track while the site has third-party integrations ("
						+ String.join(", ", site.site().getIntegrations()) + "); an LTS track keeps them working: firmware lts");
			}
		}
	}

	/** The retention time of the manual's ABR, and ABR's optional maximum (issue #17). */
	static final int MAX_RETENTION_DAYS = 3650;

	private static void checkBitrate(Stream s, Findings findings) {
		boolean abr = s.getBitrateMode() == BitrateMode.ABR;
		if (!abr && (s.getBitrateRetention() != null || s.getMaxBitrate() != null)) {
			findings.error(Codes.VID_BITRATE, s, s.getBitrateRetention() != null ? P.getStream_BitrateRetention()
					: P.getStream_MaxBitrate(), "stream \"" + s.getName() + "\" uses " + s.getBitrateMode().getLiteral()
					+ ": a retention time and a maximum belong to average bitrate (abr) only");
			return;
		}
		Integer r = s.getBitrateRetention();
		if (r != null && (r < 1 || r > MAX_RETENTION_DAYS)) {
			findings.error(Codes.VID_BITRATE, s, P.getStream_BitrateRetention(), "stream \"" + s.getName()
					+ "\": an average bitrate kept over " + Format.count(r, "day") + "; the retention is 1 to "
					+ MAX_RETENTION_DAYS + " days");
		}
		if (s.getMaxBitrate() != null && s.getBitrate() != null && s.getMaxBitrate() < s.getBitrate()) {
			findings.error(Codes.VID_BITRATE, s, P.getStream_MaxBitrate(), "stream \"" + s.getName() + "\": maximum "
					+ s.getMaxBitrate() + " kbit/s is below its target of " + s.getBitrate()
					+ " kbit/s; the maximum is at least the target");
		}
	}

	/** {@code //host/share[/folder]}: a host name or IPv4 address, then the share. */
	static final java.util.regex.Pattern SHARE = java.util.regex.Pattern
			.compile("//[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?/[^/\\\\\\s][^\\\\]*");

	private static void checkShare(Device d, Findings findings) {
		Storage st = d.getStorage();
		if (st == null) {
			return;
		}
		if (st.getKind() == StorageKind.NETWORK_SHARE) {
			if (st.getShare() == null || !SHARE.matcher(st.getShare()).matches()) {
				// The value is not repeated: a share written as a URL may carry a password (SecretsNeverPassTest).
				findings.error(Codes.STOR_SHARE, st, P.getStorage_Share(), d.getName() + ": the network share is "
						+ (st.getShare() == null ? "not named" : "not written as //host/share")
						+ "; write it so, e.g. share \"//10.20.0.40/recordings\"");
			}
			if (st.getCredentials() == null) {
				findings.error(Codes.STOR_SHARE, st, P.getStorage_Kind(), d.getName()
						+ ": the network share has no credentials reference for the camera to log in with");
			}
		} else if (st.getShare() != null || st.getCredentials() != null) {
			findings.error(Codes.STOR_SHARE, st, st.getShare() != null ? P.getStorage_Share() : P.getStorage_Credentials(),
					d.getName() + ": an SD card takes no share or credentials; write storage network-share for a share");
		}
	}

	private static void checkStorage(Device d, Findings findings) {
		checkShare(d, findings);
		Storage storage = d.getStorage();
		if (storage == null || storage.getRetention() == null || storage.getCapacity() == null) {
			return;
		}
		long kbps = d.getStreams().stream().filter(Stream::isRecorded).mapToLong(s -> s.getBitrate() == null ? 0 : s.getBitrate()).sum();
		// Recordings on alarm (#19): the stream's rate over pre + post, as often a day as the design estimates.
		double alarmBytesPerDay = 0;
		long alarms = 0;
		for (org.palisade.model.site.Rule r : d.getRules()) {
			if (r.getAction() instanceof org.palisade.model.site.RecordAction a && a.getTarget() == storage.getKind()
					&& a.getPerDay() != null && !r.isDisabled()) {
				long rate = VmsCheck.kbps(VmsCheck.stream(d, a.getStream()));
				alarmBytesPerDay += rate * 1000.0 / 8 * (a.getPre() + a.getPost()) * a.getPerDay();
				alarms += a.getPerDay();
			}
		}
		double perDay = kbps * 1000.0 / 8 * 86400 + alarmBytesPerDay;
		double needed = perDay * storage.getRetention() / 1e9;
		if (needed > storage.getCapacity()) {
			double days = storage.getCapacity() * 1e9 / perDay;
			String what = kbps > 0 ? kbps + " kbit/s" : "";
			if (alarms > 0) {
				what += (what.isEmpty() ? "" : " and ") + alarms + " recordings on alarm a day ("
						+ num(alarmBytesPerDay / 1e9, 2) + " GB a day)";
			}
			findings.error(Codes.STOR_CAPACITY, storage, P.getStorage_Capacity(), d.getName() + " records " + what
					+ " for " + Format.count(storage.getRetention(), "day") + ": "
					+ num(needed, Format.decimalsToShow(needed, storage.getCapacity())) + " GB, more than the " + num(storage.getCapacity(), 1) + " GB assigned; that storage holds "
					+ Format.count((long) Math.floor(days), "day") + ", or lower the bitrate");
		}
	}

	private static void checkBudget(Device d, Findings findings) {
		DeviceType type = Devices.type(d);
		if (type == null || type.getCpuBudget() == null && type.getMemoryBudget() == null) {
			return;
		}
		int cpu = 0;
		int memory = 0;
		for (ApplicationInstance a : d.getApplications()) {
			ApplicationType t = a.getType();
			if (t != null && !t.eIsProxy()) {
				cpu += t.getCpu() == null ? 0 : t.getCpu();
				memory += t.getMemory() == null ? 0 : t.getMemory();
			}
		}
		boolean overCpu = type.getCpuBudget() != null && cpu > type.getCpuBudget();
		boolean overMemory = type.getMemoryBudget() != null && memory > type.getMemoryBudget();
		if (overCpu || overMemory) {
			findings.warning(Codes.APP_BUDGET, d, null, "the applications of " + d.getName()
					+ " need " + cpu + " % CPU and " + memory + " MB, more than " + type.getName() + " offers ("
					+ type.getCpuBudget() + " %, " + type.getMemoryBudget() + " MB); verify they work together or spread them");
		}
	}
}
