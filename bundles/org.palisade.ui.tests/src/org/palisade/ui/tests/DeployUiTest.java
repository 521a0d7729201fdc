package org.palisade.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.palisade.ui.tests.DeployDriver.*;
import static org.palisade.ui.tests.Studio.page;
import static org.palisade.ui.tests.Studio.run;
import static org.palisade.ui.tests.Studio.ui;
import static org.palisade.ui.tests.Studio.waitUntil;
import static org.palisade.ui.tests.Widgets.all;
import static org.palisade.ui.tests.Widgets.button;
import static org.palisade.ui.tests.Widgets.click;
import static org.palisade.ui.tests.Widgets.dialog;
import static org.palisade.ui.tests.Widgets.find;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palisade.deploy.Credential;
import org.palisade.deploy.DeviceResult;
import org.palisade.deploy.SecureCredentials;
import org.palisade.deploy.internal.SecureStorageSource;
import org.palisade.deploy.site.Rehearsal;
import org.palisade.simulator.DeviceState;
import org.palisade.simulator.VirtualDevice;
import org.palisade.ui.deploy.DeployUi;
import org.palisade.ui.deploy.internal.Rehearsals;
import org.palisade.ui.deploy.internal.RunJob;
import org.palisade.ui.deploy.internal.SiteRun;
import org.palisade.ui.deploy.internal.SiteTarget;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * Deploy from the Studio, on real widgets: the wizard rehearses the bundled example on virtual
 * devices (the plan shows the beacon port and the two rules; Deploy; every device deployed or up to
 * date in the Deploy view; a second run plans nothing), a slow deploy is cancelled and no device is
 * left half-configured (read back), a missing credential is asked for, and the credentials page
 * stores a password it never shows. Last, no password used is found in the workspace, the log or
 * the preference files.
 */
@ExtendWith(Studio.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployUiTest {

	/** Every password the tests typed or the virtual devices were given, for the final grep. */
	private static final List<String> SECRETS = new ArrayList<>();

	private static Path storageFile;

	@BeforeAll
	static void privateSecureStorage() throws Exception {
		// A private storage with a master password made up at run time, as DesignEditorTest does.
		storageFile = Files.createTempFile("palisade-deploy-storage", ".equinox");
		Map<Object, Object> options = new HashMap<>();
		options.put(IProviderHints.DEFAULT_PASSWORD,
				new javax.crypto.spec.PBEKeySpec(java.util.UUID.randomUUID().toString().toCharArray()));
		options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
		ISecurePreferences storage = SecurePreferencesFactory.open(storageFile.toUri().toURL(), options);
		SecureCredentials.use(() -> storage);
	}

	@AfterAll
	static void defaultStorage() throws Exception {
		SecureCredentials.useDefault();
		Files.deleteIfExists(storageFile);
	}

	@AfterEach
	void closeDialogs() {
		run(() -> {
			for (Shell shell : Studio.display().getShells()) {
				if (shell != PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell() && shell.isVisible()) {
					shell.close();
				}
			}
		});
	}
















	private static void rememberVirtualPasswords(String key) throws Exception {
		Rehearsal r = Rehearsals.running(key);
		for (String ref : List.of("harbour-depot/north1", "harbour-depot/horn", "harbour-depot/north2", "harbour-depot/north3")) {
			Credential c = r.credentials().resolve(ref).orElse(null);
			if (c != null) {
				SECRETS.add(new String(c.password()));
			}
		}
	}

	@Test
	@Order(1)
	void rehearsalOfTheExampleShowsThePlanDeploysAndASecondPlanIsEmpty() throws Exception {
		assertTrue(ui(() -> all(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), ToolBar.class).stream()
				.flatMap(t -> java.util.Arrays.stream(t.getItems())).anyMatch(i -> "Deploy".equals(i.getText()))),
				"the main toolbar has the Deploy button");
		openWizard(example());
		rehearseAndPlan(null, 8);
		List<String> plan = planLines();
		String all = String.join("\n", plan);
		assertTrue(all.contains("North1: changes pending"), all);
		assertTrue(plan.stream().anyMatch(l -> l.strip().startsWith("~ port 1")), "the beacon's port is set: " + all);
		assertTrue(plan.stream().anyMatch(l -> l.contains("\"Flashing beacon\"") && l.contains("->")),
				"the port's new name, old -> new: " + all);
		assertTrue(plan.stream().anyMatch(l -> l.strip().startsWith("+ rule \"Flashing beacon\"")), all);
		assertTrue(plan.stream().anyMatch(l -> l.strip().startsWith("+ rule \"Horn speaker\"")), all);
		assertTrue(ui(() -> button(dialog("Deploy Site"), "Deploy").isEnabled()), "changes pending: Deploy is offered");
		ui(() -> Screenshots.capture(dialog("Deploy Site"), "deploy-plan-page"));
		String key = ui(() -> example().getLocation().toOSString());
		Rehearsal rehearsal = Rehearsals.running(key);
		assertNotNull(rehearsal, "the rehearsal started the site's virtual devices");
		Object before = rehearsal.fleet().device("North1").state().snapshot();
		assertEquals(before, rehearsal.fleet().device("North1").state().snapshot());

		RunJob previous = RunJob.latest();
		run(() -> click(button(dialog("Deploy Site"), "Deploy")));
		waitUntil("the wizard to close", WAIT, () -> dialog("Deploy Site") == null);
		RunJob job = awaitJob(previous);
		assertTrue(job.getResult().isOK(), String.valueOf(job.getResult()));
		waitUntil("North1 deployed in the Deploy view", WAIT, () -> state("North1").equals("deployed"), DeployDriver::rows);
		waitUntil("Horn up to date in the Deploy view", WAIT, () -> state("Horn").equals("up to date"), DeployDriver::rows);
		screenshotOfTheView("deploy-view-after-deploy");
		DeviceState s = rehearsal.fleet().device("North1").state();
		assertEquals("Flashing beacon", s.ioPorts().get(0).name(), "read back from the virtual camera");
		assertEquals(2, s.actionRules().stream().filter(r -> r.name().contains("Flashing beacon")
				|| r.name().contains("Horn speaker")).count(), s.actionRules().toString());
		rememberVirtualPasswords(key);

		// Drift: the design changes (the beacon flashes 20 s, not 30 s); Check for Drift marks North1.
		String original = Files.readString(example().getLocation().toFile().toPath());
		try {
			example().setContents(new ByteArrayInputStream(original.replace("for 30 s", "for 20 s")
					.getBytes(StandardCharsets.UTF_8)), true, false, null);
			viewAction("Check for Drift");
			waitUntil("North1 drifted", WAIT, () -> state("North1").equals("changes pending"), DeployDriver::rows);
			waitUntil("Horn still up to date", WAIT, () -> state("Horn").equals("up to date"), DeployDriver::rows);
		} finally {
			example().setContents(new ByteArrayInputStream(original.getBytes(StandardCharsets.UTF_8)), true, false, null);
		}
		viewAction("Check for Drift");
		waitUntil("North1 up to date again", WAIT, () -> state("North1").equals("up to date"), DeployDriver::rows);

		openWizard(example());
		rehearseAndPlan(null, 8);
		assertEquals("No changes: every device matches the design. There is nothing to deploy.", summary());
		assertFalse(ui(() -> button(dialog("Deploy Site"), "Deploy").isEnabled()), "nothing to deploy");
		assertTrue(planLines().stream().allMatch(l -> l.contains(": up to date") || l.startsWith("  = ")), planLines().toString());
		run(() -> click(button(dialog("Deploy Site"), "Cancel")));
	}

	@Test
	@Order(2)
	void cancelOfASlowDeployLeavesNoDeviceHalfConfigured() throws Exception {
		IProject project = PalisadeWorkspace.createProject("Cancel Depot",
				Path.of(System.getProperty("palisade.examples")).resolve("harbour-depot"), null);
		String key = null;
		try {
			IFile design = project.getFile("harbour-depot.perimeter");
			design.setContents(new ByteArrayInputStream(threeCameras().getBytes(StandardCharsets.UTF_8)), true, false, null);
			key = design.getLocation().toOSString();
			openWizard(design);
			// One device at a time, each request 150 ms late: the cancel lands while North1 is changed.
			rehearseAndPlan("latency=150", 1);
			assertTrue(summary().startsWith("Plan: 5 device(s) with changes"), summary());
			Rehearsal rehearsal = Rehearsals.running(key);
			Map<String, Object> before = new HashMap<>();
			for (VirtualDevice d : rehearsal.fleet().devices()) {
				before.put(d.name(), d.state().snapshot());
			}
			RunJob previous = RunJob.latest();
			run(() -> click(button(dialog("Deploy Site"), "Deploy")));
			waitUntil("North1 being deployed", WAIT, () -> state("North1").equals("deploying"), DeployDriver::rows);
			assertTrue(RunJob.latest() != previous && RunJob.latest().getState() == Job.RUNNING, "the deploy runs");
			RunJob.latest().cancel(); // as the Progress view's Cancel does
			RunJob job = awaitJob(previous);
			screenshotOfTheView("deploy-view-after-cancel");
			List<DeviceResult> results = job.outcome().results();
			assertTrue(results.stream().anyMatch(r -> r.outcome() == DeviceResult.Outcome.DEPLOYED), results.toString());
			assertTrue(results.stream().anyMatch(r -> r.outcome() == DeviceResult.Outcome.NOT_STARTED), results.toString());
			waitUntil("a device not started in the view", WAIT, () -> rows().contains("not started (cancelled)"), DeployDriver::rows);

			// Read back: every device is either fully deployed (nothing left to plan) or exactly as before.
			rehearsal.fleet().devices().forEach(d -> d.faults().latency(Duration.ZERO));
			SiteTarget target = SiteTarget.load(design, true);
			SiteRun.Outcome again = new SiteRun(target, List.of(), List.of(), 4).plan(() -> false, (d, m) -> { });
			for (DeviceResult r : again.results()) {
				VirtualDevice d = rehearsal.fleet().device(r.device());
				if (r.outcome() != DeviceResult.Outcome.UP_TO_DATE) {
					assertEquals(DeviceResult.Outcome.CHANGES_PENDING, r.outcome(), r.toString());
					assertEquals(before.get(r.device()), d.state().snapshot(), r.device() + " was left as it was");
				}
				assertFalse(r.interrupted(), r.device() + ": no journal entry left: " + r);
			}
			assertTrue(target.state().journal().scan().isEmpty(), "no interrupted device");
			rememberVirtualPasswords(key);
		} finally {
			if (key != null) {
				Rehearsals.stop(key);
			}
			project.delete(true, true, null);
		}
	}

	/** The example with two more cameras like North1, each with a beacon of its own. */
	private static String threeCameras() throws Exception {
		String s = Files.readString(Path.of(System.getProperty("palisade.examples"), "harbour-depot", "harbour-depot.perimeter"));
		int a = s.indexOf("\tcamera North1");
		int b = s.indexOf("\tbeacon Beacon1");
		String camera = s.substring(a, b);
		StringBuilder extra = new StringBuilder();
		for (int n = 2; n <= 3; n++) {
			extra.append(camera.replace("North1", "North" + n).replace("10.20.0.11", "10.20.0.1" + n)
					.replace("north1", "north" + n).replace("Beacon1", "Beacon" + n));
			extra.append("\tbeacon Beacon").append(n).append(" : \"Beacon 12V 50mA\"\n\n");
		}
		return s.substring(0, b) + extra + s.substring(b);
	}

	@Test
	@Order(3)
	void aDeployToRealDevicesAsksForAMissingCredentialBeforeReadingAny() {
		openWizard(example());
		run(() -> click(button(dialog("Deploy Site"), "Next >")));
		waitUntil("the credentials question", WAIT, () -> dialog("Credentials Needed") != null);
		run(() -> {
			Shell ask = dialog("Credentials Needed");
			assertTrue(all(ask, Label.class).stream().anyMatch(l -> l.getText().contains("harbour-depot/")),
					"it names the reference");
			assertTrue(buttonStarting(ask, "Store in secure storage").getSelection(), "it offers to store them");
			assertTrue((fields(ask).get(1).getStyle() & SWT.PASSWORD) != 0, "the password is masked");
			click(button(ask, "Cancel"));
		});
		waitUntil("the page to say why there is no plan", WAIT, () -> summaryOnUi().startsWith("No plan"), DeployDriver::summary);
		assertFalse(ui(() -> button(dialog("Deploy Site"), "Deploy").isEnabled()));
		// Nothing was read: no device of the example (10.20.0.x) was contacted, no record was made.
		run(() -> click(button(dialog("Deploy Site"), "Cancel")));
	}

	@Test
	@Order(4)
	void theCredentialsPageStoresAPasswordAndNeverShowsIt() throws Exception {
		String secret = "pw-" + java.util.UUID.randomUUID();
		SECRETS.add(secret);
		run(() -> Studio.display().asyncExec(() -> PreferencesUtil.createPreferenceDialogOn(
				PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), DeployUi.CREDENTIALS_PAGE_ID, null, null).open()));
		waitUntil("the preferences", WAIT, () -> dialog("Preferences") != null);
		run(() -> {
			Table table = find(dialog("Preferences"), Table.class);
			TableItem north = row(table, "harbour-depot/north1");
			assertEquals("Harbour Depot: North1", north.getText(1));
			assertEquals("not stored", north.getText(3));
			table.setSelection(north);
			table.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
			Studio.display().asyncExec(() -> click(button(dialog("Preferences"), "Set...")));
		});
		waitUntil("the credentials dialog", WAIT, () -> dialog("Set Credentials") != null);
		run(() -> {
			Shell set = dialog("Set Credentials");
			List<Text> typed = fields(set);
			typed.get(0).setText("operator");
			typed.get(1).setText(secret);
			assertTrue((typed.get(1).getStyle() & SWT.PASSWORD) != 0, "typed into a masked field");
			click(button(set, "OK"));
		});
		waitUntil("the password stored", WAIT, () -> row(find(dialog("Preferences"), Table.class), "harbour-depot/north1")
				.getText(3).equals("stored"));
		run(() -> {
			Shell prefs = dialog("Preferences");
			TableItem north = row(find(prefs, Table.class), "harbour-depot/north1");
			assertEquals("operator", north.getText(2));
			assertTrue(button(prefs, "Remove").isEnabled(), "stored credentials can be removed");
			assertFalse(everyText(prefs).contains(secret), "the password is not shown anywhere on the page");
		});
		Studio.screenshot("credentials-preference-page");
		// Stored where and how the CLI reads it.
		Credential c = SecureStorageSource.over(SecureCredentials.root()).find("harbour-depot/north1");
		assertEquals("operator", c.username());
		assertEquals(secret, new String(c.password()));
		run(() -> Studio.display().asyncExec(() -> click(button(dialog("Preferences"), "Remove"))));
		waitUntil("the question", WAIT, () -> dialog("Remove Credentials") != null);
		run(() -> click(button(dialog("Remove Credentials"), "Yes")));
		waitUntil("the password removed", WAIT, () -> row(find(dialog("Preferences"), Table.class), "harbour-depot/north1")
				.getText(3).equals("not stored"));
		assertEquals(null, SecureStorageSource.over(SecureCredentials.root()).find("harbour-depot/north1"));
	}



	@Test
	@Order(5)
	void anUntrustedCertificateIsShownAndPinnedForItsDevice() throws Exception {
		String key = ui(() -> example().getLocation().toOSString());
		try {
			openWizard(example());
			run(() -> {
				Shell shell = dialog("Deploy Site");
				buttonStarting(shell, "Real devices").setSelection(false);
				click(buttonStarting(shell, "Rehearse on virtual devices"));
				click(buttonStarting(shell, "Virtual devices serve HTTPS"));
				click(button(shell, "Next >"));
			});
			// Self-signed, as Axis devices ship: refused, and the dialog shows what a person needs to decide.
			waitUntil("the trust dialog for North1", WAIT, () -> dialog("Trust the Certificate of North1?") != null,
					DeployDriver::summary);
			java.net.URI uri = Rehearsals.running(key).uris().get("North1");
			assertEquals("https", uri.getScheme());
			String fingerprint = org.palisade.deploy.vapix.Pins.fingerprint(org.palisade.deploy.vapix.Pins.fetch(uri, WAIT));
			String shown = ui(() -> everyText(dialog("Trust the Certificate of North1?")));
			assertTrue(shown.contains(fingerprint), "the SHA-256 fingerprint: " + shown);
			assertTrue(shown.contains("CN=palisade-rehearsal"), "the subject: " + shown);
			assertTrue(summary().contains("4 failed"), "nothing trusted before it is pinned: " + summary());
			Studio.ui(() -> Screenshots.capture(dialog("Trust the Certificate of North1?"), "trust-dialog"));
			run(() -> click(button(dialog("Trust the Certificate of North1?"), "Pin for This Device")));
			// The example's PTZ camera (#19) is the next self-signed device, in design order.
			waitUntil("the trust dialog for Gate", WAIT, () -> dialog("Trust the Certificate of Gate?") != null);
			run(() -> click(button(dialog("Trust the Certificate of Gate?"), "Pin for This Device")));
			// The example's door controller (#19) next.
			waitUntil("the trust dialog for Entry", WAIT, () -> dialog("Trust the Certificate of Entry?") != null);
			run(() -> click(button(dialog("Trust the Certificate of Entry?"), "Pin for This Device")));
			waitUntil("the trust dialog for Horn", WAIT, () -> dialog("Trust the Certificate of Horn?") != null);
			run(() -> click(button(dialog("Trust the Certificate of Horn?"), "Pin for This Device")));
			waitUntil("the plan with all pinned", WAIT, () -> summaryOnUi().startsWith("Plan: 3 device(s) with changes, 1 up to date, 0 failed"),
					DeployDriver::summary);
			SiteTarget target = SiteTarget.load(example(), true);
			String pins = Files.readString(target.state().pinsFile());
			assertTrue(pins.contains("North1=" + fingerprint), pins);
			assertTrue(pins.contains("Horn="), pins);
			run(() -> click(button(dialog("Deploy Site"), "Cancel")));
			Files.delete(target.state().pinsFile());
		} finally {
			Rehearsals.stop(key);
		}
	}

	@Test
	@Order(99)
	void noPasswordInTheWorkspaceTheLogOrThePreferenceFiles() throws Exception {
		assertTrue(SECRETS.size() >= 2, "the tests above used passwords: " + SECRETS.size());
		Platform.getPreferencesService().getRootNode().flush();
		ResourcesPlugin.getWorkspace().save(true, null);
		List<Path> places = new ArrayList<>();
		places.add(ResourcesPlugin.getWorkspace().getRoot().getLocation().toFile().toPath()); // .metadata: prefs, log
		places.add(Platform.getLogFileLocation().toFile().toPath());
		places.add(Path.of(Platform.getConfigurationLocation().getURL().toURI()));
		places.add(storageFile); // encrypted: the value is not in clear there either
		places.add(Path.of(System.getProperty("user.home"), ".palisade", "logs")); // the libraries' log
		List<String> found = new ArrayList<>();
		int files = 0;
		for (Path place : places) {
			if (!Files.exists(place)) {
				continue;
			}
			try (Stream<Path> walk = Files.walk(place)) {
				for (Path f : walk.filter(Files::isRegularFile).toList()) {
					files++;
					String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
					for (String secret : SECRETS) {
						if (text.contains(secret)) {
							found.add(f + " holds a password");
						}
					}
				}
			}
		}
		assertTrue(files > 10, "the grep read the workspace's files: " + files);
		Path log = Platform.getLogFileLocation().toFile().toPath();
		String logged = Files.exists(log) ? Files.readString(log) : "";
		assertFalse(logged.contains("org.palisade.ui.deploy"), "the deploy UI logged an error: " + logged);
		assertEquals(List.of(), found);
	}
}
