package org.palisade.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.dsl.load.DesignDiagnostic;
import org.palisade.dsl.load.DesignSet;
import org.palisade.model.site.Area;
import org.palisade.model.site.Design;
import org.palisade.model.site.Device;
import org.palisade.model.site.NotifyAction;
import org.palisade.model.site.Rule;
import org.palisade.model.site.ScheduleCondition;
import org.palisade.model.site.Site;
import org.palisade.model.site.SitePackage;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * The linker links references into the same file at once and leaves the rest to Xtext's lazy
 * linking: either way a name must end at the element the scope defines, an unknown name
 * must be a positioned error, and an edit must never leave a stale link behind.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(SiteInjectorProvider.class)
class LinkingTest {

	private static final SitePackage P = SitePackage.eINSTANCE;

	@Inject
	private Provider<DesignSet> designSets;

	@TempDir
	Path dir;

	private static final String SITE = """
			site "Yard" {
				timezone "Europe/Stockholm"
				network yard 10.0.0.0/24
				schedule Nights { Mon-Sun 20:00-06:00 }
				recipient Horn play Speaker clip 1
				camera Cam : "AXIS Q1961-TE" at 10.0.0.11 on yard {
					application PerimeterDefender
					port 1 output "Beacon" normally open
					rule "Light" when PerimeterDefender.intrusion during Nights do output "Beacon" for 30 s
					rule "Warn" when PerimeterDefender.intrusion during Nights do notify Horn
				}
				speaker Speaker : "AXIS C1310-E" at 10.0.0.30 { clip 1 "Warning" }
			}
			""";

	@Test
	void referencesIntoTheSameFileAreLinkedWhenTheFileLoads() throws Exception {
		DesignSet set = load("site.perimeter", SITE);
		Site site = (Site) set.designs().get(0).getElements().get(0);
		Device cam = site.getDevices().get(0);
		Rule light = cam.getRules().get(0);
		// Read without resolving: a member of this file is already the element itself...
		Object schedule = ((ScheduleCondition) light.getConditions().get(0)).eGet(P.getScheduleCondition_Schedule(), false);
		assertSame(site.getSchedules().get(0), schedule);
		assertSame(cam.getPorts().get(0), light.getAction().eGet(P.getOutputAction_Port(), false));
		assertSame(site.getNetworks().get(0), cam.eGet(P.getDevice_Network(), false));
		assertSame(site.getRecipients().get(0), cam.getRules().get(1).getAction().eGet(P.getNotifyAction_Recipient(), false));
		// ...and so is an entry of the built-in catalog, for a file that imports nothing.
		assertFalse(((EObject) cam.eGet(P.getDevice_Type(), false)).eIsProxy());
		assertEquals(List.of(), errors(set.validate()));
		assertEquals("AXIS Q1961-TE", cam.getType().getName());
	}

	@Test
	void anUnknownRecipientIsRuleRecipientAtItsLine() throws Exception {
		DesignSet set = load("site.perimeter", SITE.replace("do notify Horn", "do notify Siren"));
		List<DesignDiagnostic> errors = errors(set.validate());
		assertEquals(1, errors.size(), errors.toString());
		// The rule's own code (#10), which 'palisade explain' knows, rather than a bare LINK.
		assertEquals("RULE-RECIPIENT", errors.get(0).code());
		assertEquals(10, errors.get(0).line());
		assertTrue(errors.get(0).message().contains("Siren"), errors.get(0).message());
	}

	@Test
	void theFirstOfTwoSameNamedMembersWinsAsInTheScope() throws Exception {
		DesignSet set = load("site.perimeter", SITE.replace("schedule Nights { Mon-Sun 20:00-06:00 }",
				"schedule Nights { Mon-Sun 20:00-06:00 }\n\tschedule Nights { Sat 00:00-24:00 }"));
		Site site = (Site) set.designs().get(0).getElements().get(0);
		ScheduleCondition during = (ScheduleCondition) site.getDevices().get(0).getRules().get(0).getConditions().get(0);
		assertSame(site.getSchedules().get(0), during.getSchedule());
		assertTrue(set.validate().stream().anyMatch(d -> d.code().equals("NAME-DUPLICATE")));
	}

	@Test
	void aMemberOfThisFileShadowsASameNamedOneOfAnImportedFile() throws Exception {
		write("site.perimeter", "import \"area.perimeter\"\n" + SITE);
		Path area = write("area.perimeter", """
				import "site.perimeter"
				area North of "Yard" {
					schedule Weekends { Sat-Sun 00:00-24:00 }
					camera Cam2 : "AXIS Q1961-TE" at 10.0.0.12 on yard {
						application PerimeterDefender
						port 1 output "Beacon" normally open
						rule "Light" when PerimeterDefender.intrusion during Weekends do output "Beacon"
						rule "Night" when PerimeterDefender.intrusion during Nights do output "Beacon"
					}
				}
				""");
		DesignSet set = designSets.get().load(List.of(dir.resolve("site.perimeter"), area));
		Site site = (Site) set.designs().get(0).getElements().get(0);
		Area north = (Area) set.designs().get(1).getElements().get(0);
		Device cam2 = north.getDevices().get(0);
		// A file with imports links its catalog entries lazily: an imported file may be the one
		// that was loading it.
		assertTrue(((EObject) cam2.eGet(P.getDevice_Type(), false)).eIsProxy());
		assertSame(north.getSchedules().get(0), ((ScheduleCondition) cam2.getRules().get(0).getConditions().get(0)).getSchedule());
		// Nights lives in the site file: linked lazily, through the import.
		assertSame(site.getSchedules().get(0), ((ScheduleCondition) cam2.getRules().get(1).getConditions().get(0)).getSchedule());
		assertSame(site.getNetworks().get(0), cam2.getNetwork());
		List<DesignDiagnostic> errors = errors(set.validate());
		assertEquals(List.of(), errors.stream().filter(d -> d.code().equals("LINK")).toList());
	}

	@Test
	void theAreasASiteImportsAreCheckedWhenOnlyTheSiteIsGiven() throws Exception {
		Path site = write("site.perimeter", "import \"area.perimeter\"\n" + SITE);
		write("area.perimeter", """
				import "site.perimeter"
				area North of "Yard" {
					camera Cam2 : "AXIS Q1961-TE" at 10.0.0.11 on yard
				}
				""");
		// Nothing in the site file refers into the area, so only the import brings it in.
		List<DesignDiagnostic> d = designSets.get().load(List.of(site)).validate();
		assertTrue(d.stream().anyMatch(x -> x.code().equals("NET-DUP-IP") && x.file().endsWith("area.perimeter")),
				d.toString());
		assertTrue(d.stream().anyMatch(x -> x.code().equals("NET-DUP-IP") && x.file().endsWith("site.perimeter")),
				d.toString());
	}

	@Test
	void anEditRelinksInsteadOfKeepingAStaleLink() throws Exception {
		DesignSet set = load("site.perimeter", SITE);
		XtextResource resource = (XtextResource) set.designs().get(0).eResource();
		String text = resource.getParseResult().getRootNode().getText();
		// Rename the schedule where it is declared; the rules still say "during Nights".
		resource.update(text.indexOf("schedule Nights") + "schedule ".length(), "Nights".length(), "Evenings");
		Site site = (Site) ((Design) resource.getContents().get(0)).getElements().get(0);
		assertEquals("Evenings", site.getSchedules().get(0).getName());
		ScheduleCondition during = (ScheduleCondition) site.getDevices().get(0).getRules().get(0).getConditions().get(0);
		assertTrue(during.getSchedule().eIsProxy(), "the rule must no longer reach the renamed schedule");
		assertFalse(resource.getErrors().isEmpty(), "the dangling name is reported");
		NotifyAction notify = (NotifyAction) site.getDevices().get(0).getRules().get(1).getAction();
		assertSame(site.getRecipients().get(0), notify.getRecipient());
	}

	private DesignSet load(String name, String text) throws Exception {
		return designSets.get().load(List.of(write(name, text)));
	}

	private Path write(String name, String text) throws Exception {
		Path file = dir.resolve(name);
		Files.writeString(file, text);
		return file;
	}

	private static List<DesignDiagnostic> errors(List<DesignDiagnostic> all) {
		return all.stream().filter(d -> d.severity() == DesignDiagnostic.Severity.ERROR).toList();
	}
}
