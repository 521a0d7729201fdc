package org.palisade.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palisade.ui.tests.DeployDriver.WAIT;
import static org.palisade.ui.tests.DeployDriver.buttonStarting;
import static org.palisade.ui.tests.DeployDriver.example;
import static org.palisade.ui.tests.DeployDriver.openWizard;
import static org.palisade.ui.tests.DeployDriver.planLines;
import static org.palisade.ui.tests.DeployDriver.summary;
import static org.palisade.ui.tests.DeployDriver.summaryOnUi;
import static org.palisade.ui.tests.Studio.run;
import static org.palisade.ui.tests.Studio.ui;
import static org.palisade.ui.tests.Studio.waitUntil;
import static org.palisade.ui.tests.Widgets.all;
import static org.palisade.ui.tests.Widgets.button;
import static org.palisade.ui.tests.Widgets.click;
import static org.palisade.ui.tests.Widgets.dialog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.deploy.Credential;
import org.palisade.deploy.SiteState;
import org.palisade.deploy.site.Rehearsal;
import org.palisade.deploy.site.SiteCommissioning;
import org.palisade.ui.deploy.internal.Rehearsals;
import org.palisade.ui.deploy.internal.SiteTarget;

/**
 * The deploy wizard offers commissioning (issue #17 item 2), on real widgets: a rehearsal whose
 * virtual devices start factory-new plans every device as failed, untouched, and factory-new (the
 * systemready check {@code palisade plan} uses); Commission... shows each device's commissioning
 * plan, Commission runs it with each step shown as it happens, no password appears, and the plan
 * made again has every device reachable with its changes pending.
 */
@ExtendWith(Studio.class)
class CommissionUiTest {

	private static final String TITLE = "Commission Factory-New Devices";

	private String key;
	private SiteState state;
	private String pinsBefore;

	@AfterEach
	void cleanUp() throws Exception {
		run(() -> {
			for (Shell shell : Studio.display().getShells()) {
				if (shell != PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell() && shell.isVisible()) {
					shell.close();
				}
			}
		});
		if (key != null) {
			Rehearsals.stop(key);
		}
		// The rehearsal's pins and commissioning journal are the factory-new fleet's: other rehearsals start afresh.
		if (state != null) {
			Files.deleteIfExists(SiteCommissioning.journalFile(state));
			if (pinsBefore == null) {
				Files.deleteIfExists(state.pinsFile());
			} else {
				Files.writeString(state.pinsFile(), pinsBefore);
			}
		}
	}

	private static String dialogText() {
		return ui(() -> all(dialog(TITLE), Text.class).get(0).getText());
	}

	private static String dialogStatus() {
		return ui(() -> {
			Shell shell = dialog(TITLE);
			return shell == null ? "(closed)" : all(shell, Label.class).stream().map(Label::getText)
					.filter(t -> t.startsWith("Ready") || t.startsWith("Commissioned") || t.contains(": ")).reduce((a, b) -> b)
					.orElse("");
		});
	}

	@Test
	void aFactoryNewRehearsalIsCommissionedFromTheWizardAndThenPlanned() throws Exception {
		key = ui(() -> example().getLocation().toOSString());
		state = ui(() -> SiteTarget.load(example(), true).state());
		pinsBefore = Files.exists(state.pinsFile()) ? Files.readString(state.pinsFile()) : null;
		Files.deleteIfExists(SiteCommissioning.journalFile(state));
		Files.deleteIfExists(state.pinsFile());
		Rehearsals.stop(key);

		openWizard(example());
		run(() -> {
			Shell shell = dialog("Deploy Site");
			buttonStarting(shell, "Real devices").setSelection(false);
			click(buttonStarting(shell, "Rehearse on virtual devices"));
			click(buttonStarting(shell, "Virtual devices start factory-new"));
			click(button(shell, "Next >"));
		});
		waitUntil("the plan of the factory-new fleet", WAIT, () -> summaryOnUi().startsWith("Plan:"), DeployDriver::summary);
		waitUntil("the offer to commission", WAIT, () -> ui(() -> all(dialog("Deploy Site"), Label.class).stream()
				.anyMatch(l -> l.isVisible() && l.getText().startsWith("Factory-new: "))));
		String offer = ui(() -> all(dialog("Deploy Site"), Label.class).stream().map(Label::getText)
				.filter(t -> t.startsWith("Factory-new: ")).findFirst().orElseThrow());
		assertEquals("Factory-new: North1, Gate, Entry, Horn. They have no password yet and cannot be deployed:"
				+ " commission them first.", offer);
		String plan = String.join("\n", planLines());
		assertTrue(plan.contains("North1: failed, nothing changed"), plan);
		assertTrue(plan.contains("why: factory-new (no password yet): commission it first (below)"), plan);
		assertFalse(ui(() -> button(dialog("Deploy Site"), "Deploy").isEnabled()), "nothing can be deployed yet");
		Studio.ui(() -> Screenshots.capture(dialog("Deploy Site"), "deploy-wizard-offers-commissioning"));

		run(() -> click(buttonStarting(dialog("Deploy Site"), "Commission...")));
		waitUntil("the commissioning dialog", WAIT, () -> dialog(TITLE) != null);
		String shown = dialogText();
		assertTrue(shown.contains("North1 (AXIS Q1961-TE) at 192.168.0.90 -> 10.20.0.11"), shown);
		assertTrue(shown.contains("+ root password: generated (SEC-PASSWORD-POLICY)"), shown);
		assertTrue(shown.contains("+ network: static 10.20.0.11/24, gateway 10.20.0.1, DNS 10.20.0.1"), shown);
		assertTrue(dialogStatus().startsWith("Ready: 4 device(s)"), dialogStatus());
		Studio.ui(() -> Screenshots.capture(dialog(TITLE), "commission-dialog-plan"));

		// Pressed from a later event, as a person's press: the run goes on a thread of its own.
		run(() -> Studio.display().asyncExec(() -> click(button(dialog(TITLE), "Commission"))));
		waitUntil("the devices commissioned", WAIT, () -> dialogStatus().startsWith("Commissioned "),
				CommissionUiTest::dialogStatus);
		assertEquals("Commissioned 4 device(s). Close to plan the deploy again.", dialogStatus());
		assertTrue(ui(() -> button(dialog(TITLE), "Close").isEnabled()), "Close is offered once the run is over");
		String log = dialogText();
		for (String device : List.of("North1", "Gate", "Entry", "Horn")) {
			assertTrue(log.contains("[" + device + "] password changed over HTTPS"), log);
			assertTrue(log.contains(device + ": commissioned at 10.20.0."), log);
		}
		Studio.ui(() -> Screenshots.capture(dialog(TITLE), "commission-dialog-done"));
		Rehearsal rehearsal = Rehearsals.running(key);
		assertNotNull(rehearsal);
		for (String ref : List.of("harbour-depot/north1", "harbour-depot/gate-ptz", "harbour-depot/gate-door",
				"harbour-depot/horn")) {
			Credential c = rehearsal.credentials().resolve(ref).orElseThrow(() -> new AssertionError("no password for " + ref));
			String pw = new String(c.password());
			assertFalse(log.contains(pw), "a password in the dialog");
			assertFalse(Files.readString(SiteCommissioning.journalFile(state)).contains(pw), "a password in the journal");
		}
		assertEquals("yes", rehearsal.fleet().device("North1").state().parameter("HTTPS.Enabled"));
		assertEquals("10.20.0.11", rehearsal.fleet().device("North1").state().parameter("Network.IPAddress"));

		run(() -> click(button(dialog(TITLE), "Close")));
		waitUntil("the dialog to close", WAIT, () -> dialog(TITLE) == null);
		waitUntil("the plan again", WAIT, () -> summaryOnUi().startsWith("Plan:") && !summaryOnUi().contains(" 4 failed"),
				DeployDriver::summary);
		String again = String.join("\n", planLines());
		assertTrue(summary().contains(" 0 failed."), summary() + "\n" + again);
		assertTrue(again.contains("North1: changes pending"), again);
		assertTrue(ui(() -> button(dialog("Deploy Site"), "Deploy").isEnabled()), "now it can be deployed");
		assertFalse(ui(() -> all(dialog("Deploy Site"), Label.class).stream()
				.anyMatch(l -> l.isVisible() && l.getText().startsWith("Factory-new: "))), "no more offer");
		Path shot = Studio.ui(() -> Screenshots.capture(dialog("Deploy Site"), "deploy-wizard-after-commissioning"));
		assertTrue(Files.size(shot) > 0);
	}
}
