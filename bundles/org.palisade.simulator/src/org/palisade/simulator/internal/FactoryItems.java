package org.palisade.simulator.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.palisade.simulator.DeviceKind;
import org.palisade.simulator.DeviceState.ActionRule;
import org.palisade.simulator.DeviceState.EventFilter;

/**
 * The action configurations and rules a device ships with, per model (issue #14): a deploy must
 * leave them as it finds them. Recorded on an AXIS D4200-VE network strobe speaker on AXIS OS 12.9.57
 * (rs4acap cassettes {@code action1_get_action_configurations/3796630e7ee333ff} and
 * {@code action1_get_action_rules/c7a0474ecb8e836f}; vapix-notes.md section 3): three "Front-Facing
 * LED Activation" rules on the strobe ({@code siren_and_light} profiles) and the disabled "Loud
 * ringer" that plays a clip when a SIP call rings. A factory M1075-L or P8815-2 camera has none.
 * <p>
 * The AXIS C1310-E horn speaker was not recorded: it gets the "Loud ringer" pair only, by analogy
 * (a SIP speaker without a strobe), which is a guess. Other speakers get the same; cameras none.
 */
final class FactoryItems {

	private FactoryItems() {
	}

	static void seed(StateStore store) {
		if (store.descriptor().kind() != DeviceKind.SPEAKER) {
			return;
		}
		boolean strobe = store.descriptor().model().toUpperCase(Locale.ROOT).contains("D4200");
		// IDs as recorded: the ringtone is configuration 1 and rule 1, the LED profiles 2 to 4.
		String ringtone = store.addActionConfiguration("loudringer_ringtone", "com.axis.action.unlimited.play.audioclip",
				Map.of("location", "%2Fetc%2Faudioclips%2Falarm.mp3"));
		store.addActionRule(rule("Loud ringer", false, "tnsaxis:Call/State",
				"boolean(//SimpleItem[@Name=\"CallState\" and @Value=\"Ringing\"]) and "
						+ "boolean(//SimpleItem[@Name=\"Source\" and @Value=\"NetworkSpeaker\"])",
				ringtone));
		if (!strobe) {
			return;
		}
		String sip = led(store, "SIP");
		String live = led(store, "LiveStream");
		String recording = led(store, "Recording");
		store.addActionRule(rule("Front-Facing LED Activation: SIP", true, "tnsaxis:Call/State",
				"boolean(//SimpleItem[@Name=\"CallState\" and @Value=\"Active\"])", sip));
		store.addActionRule(rule("Front-Facing LED Activation: LiveStream", true,
				"tns1:VideoSource/tnsaxis:LiveStreamAccessed", "boolean(//SimpleItem[@Name=\"accessed\" and @Value=\"1\"])",
				live));
		store.addActionRule(rule("Front-Facing LED Activation: Recording", true, "tnsaxis:Storage/Recording",
				"boolean(//SimpleItem[@Name=\"recording\" and @Value=\"1\"])", recording));
	}

	private static String led(StateStore store, String profile) {
		return store.addActionConfiguration("Front-Facing LED Activation: " + profile,
				"com.axis.action.unlimited.siren_and_light", Map.of("profile", profile));
	}

	private static ActionRule rule(String name, boolean enabled, String topic, String content, String action) {
		return new ActionRule(null, name, enabled, null, List.of(new EventFilter(topic, content)), null, action);
	}
}
