package org.palisade.validation.internal;

import java.util.stream.Collectors;

import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceKind;
import org.palisade.model.site.Network;
import org.palisade.model.site.Preset;
import org.palisade.model.site.PtzAction;
import org.palisade.model.site.Rule;
import org.palisade.model.site.Section;
import org.palisade.model.site.SitePackage;
import org.palisade.validation.Codes;
import org.palisade.validation.Findings;
import org.palisade.validation.SiteContext;

/**
 * A camera's rule that moves a PTZ camera to a preset (issue #19): the camera calls the PTZ's
 * {@code ptz.cgi?gotoserverpresetname=} with the PTZ's login, so the PTZ must be a PTZ, hold the
 * preset, be reachable from the camera and have credentials by reference. Preset names follow
 * ptzconfig.cgi's limits (solution-devices.md section 1.2).
 */
public final class PtzCheck {

	private static final SitePackage P = SitePackage.eINSTANCE;
	/** ptzconfig.cgi: "at most 31 characters"; the recorded PTZ.PresetNameMaxLen=95 is the looser one. */
	public static final int PRESET_NAME_MAX = 31;
	/** A return home of 0 s would turn the autoreturn off. */
	public static final int RETURN_HOME_MIN = 1;
	/** Palisade's bound (a day): the PTZ API pages read give no maximum for ReturnToOverview. */
	public static final int RETURN_HOME_MAX = 86400;

	private PtzCheck() {
	}

	public static void check(Section section, SiteContext site, Findings findings) {
		for (Device d : section.getDevices()) {
			for (Preset p : d.getPresets()) {
				if (!isPtz(d)) {
					findings.error(Codes.PTZ_TARGET, p, P.getPreset_Name(), "preset " + p.getName() + " on " + d.getName()
							+ ", which is " + model(d) + ", not a PTZ camera; presets belong to a PTZ camera");
				}
				if (p.getName() != null && p.getName().length() > PRESET_NAME_MAX) {
					findings.error(Codes.PTZ_PRESET_NAME, p, P.getPreset_Name(), "preset name " + p.getName() + " has "
							+ p.getName().length() + " characters; ptzconfig.cgi takes at most " + PRESET_NAME_MAX);
				}
				if (p.getZoom() != null && (p.getZoom() < 1 || p.getZoom() > 9999)) {
					findings.error(Codes.PTZ_PRESET_POSITION, p, P.getPreset_Zoom(), "preset " + p.getName() + " zoom "
							+ p.getZoom() + " is outside ptz.cgi's 1..9999");
				}
			}
			for (Rule r : d.getRules()) {
				if (r.getAction() instanceof PtzAction a) {
					check(d, r, a, site, findings);
				}
			}
		}
	}

	private static void check(Device camera, Rule rule, PtzAction a, SiteContext site, Findings findings) {
		Device ptz = a.getPtz();
		if (ptz == null || ptz.eIsProxy()) {
			return;
		}
		String where = "rule \"" + rule.getName() + "\" moves " + ptz.getName();
		if (!isPtz(ptz)) {
			findings.error(Codes.PTZ_TARGET, a, P.getPtzAction_Ptz(), where + ", which is " + model(ptz)
					+ ", not a PTZ camera");
			return;
		}
		if (a.getPreset() != null && ptz.getPresets().stream().noneMatch(p -> a.getPreset().equals(p.getName()))) {
			String known = ptz.getPresets().isEmpty() ? "none"
					: ptz.getPresets().stream().map(Preset::getName).collect(Collectors.joining(", "));
			findings.error(Codes.PTZ_PRESET_UNKNOWN, a, P.getPtzAction_Preset(), where + " to preset " + a.getPreset()
					+ ", which " + ptz.getName() + " does not declare (its presets: " + known + ")");
		}
		returnHome(rule, a, ptz, site, findings);
		reach(camera, ptz, a, where, findings);
		if (ptz.getCredentials() == null) {
			findings.error(Codes.PTZ_CREDENTIALS, a, P.getPtzAction_Ptz(), where + ", which has no credentials "
					+ "reference: the camera logs in to ptz.cgi with an account of the PTZ (group ptz); give "
					+ ptz.getName() + " credentials \"<key>\"");
		} else if (!a.isSecure()) {
			findings.warning(Codes.SEC_HTTP_CREDENTIALS, a, P.getPtzAction_Preset(), where + " over plain HTTP with "
					+ ptz.getName() + "'s credentials; add 'https' after the preset");
		}
	}

	/**
	 * The return home is the PTZ's autoreturn ({@code PTZ.Various.V1.ReturnToOverview}, seconds, 0 =
	 * off): one figure per PTZ, so every rule of the site that moves the PTZ with a return must give
	 * the same one (vapix-notes.md section 19). The upper bound is Palisade's: no documented maximum.
	 */
	private static void returnHome(Rule rule, PtzAction a, Device ptz, SiteContext site, Findings findings) {
		Integer seconds = a.getReturnHome();
		if (seconds == null) {
			return;
		}
		if (seconds < RETURN_HOME_MIN || seconds > RETURN_HOME_MAX) {
			findings.error(Codes.PTZ_RETURN_HOME, a, P.getPtzAction_ReturnHome(), "rule \"" + rule.getName()
					+ "\" returns " + ptz.getName() + " home after " + seconds + " s; give " + RETURN_HOME_MIN + " s to "
					+ RETURN_HOME_MAX + " s (" + (seconds < RETURN_HOME_MIN
							? "0 would turn the PTZ's autoreturn off; leave out 'return home' to keep the PTZ's own setting"
							: "a day is the longest Palisade writes to PTZ.Various.V1.ReturnToOverview") + ")");
			return;
		}
		for (Device d : site.devices()) {
			for (Rule other : d.getRules()) {
				if (other != rule && other.getAction() instanceof PtzAction b && b.getPtz() == ptz
						&& b.getReturnHome() != null && !b.getReturnHome().equals(seconds)) {
					findings.error(Codes.PTZ_RETURN_CONFLICT, a, P.getPtzAction_ReturnHome(), "rule \""
							+ rule.getName() + "\" returns " + ptz.getName() + " home after " + seconds + " s, rule \""
							+ other.getName() + "\" on " + d.getName() + " after " + b.getReturnHome() + " s; "
							+ ptz.getName() + " has one autoreturn (PTZ.Various.V1.ReturnToOverview): give both the same time");
					return;
				}
			}
		}
	}

	/**
	 * The camera calls the PTZ directly: same network, or two networks that both declare a gateway
	 * (routed). A device without an address cannot be called at all.
	 */
	private static void reach(Device camera, Device ptz, PtzAction a, String where, Findings findings) {
		if (ptz.getAddress() == null) {
			findings.error(Codes.PTZ_UNREACHABLE, a, P.getPtzAction_Ptz(), where + ", which has no address: the "
					+ "camera cannot call it");
			return;
		}
		Network from = network(camera);
		Network to = network(ptz);
		if (from == null || to == null || from == to) {
			return;
		}
		if (from.getGateway() == null || to.getGateway() == null) {
			Network isolated = from.getGateway() == null ? from : to;
			findings.error(Codes.PTZ_UNREACHABLE, a, P.getPtzAction_Ptz(), where + " at " + ptz.getAddress() + " on "
					+ to.getName() + " " + to.getSubnet() + " from " + camera.getName() + " at " + camera.getAddress()
					+ " on " + from.getName() + " " + from.getSubnet() + ", and network " + isolated.getName()
					+ " has no gateway: put both on one network, or declare the networks' gateways");
		}
	}

	private static Network network(Device d) {
		if (d.getNetwork() != null && !d.getNetwork().eIsProxy()) {
			return d.getNetwork();
		}
		return null;
	}

	static boolean isPtz(Device d) {
		return d.getType() != null && !d.getType().eIsProxy() && d.getType().getKind() == DeviceKind.PTZ_CAMERA;
	}

	private static String model(Device d) {
		return d.getType() == null || d.getType().eIsProxy() ? "of no known model"
				: d.getType().getName() + " (" + d.getType().getKind().getLiteral() + ")";
	}
}
