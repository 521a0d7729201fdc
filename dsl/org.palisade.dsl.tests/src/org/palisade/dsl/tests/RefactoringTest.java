package org.palisade.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;
import org.palisade.dsl.ide.SiteIdeSetup;
import org.palisade.dsl.ide.refactoring.DesignReferences;
import org.palisade.dsl.ide.refactoring.DesignRename;
import org.palisade.dsl.load.DesignSet;
import org.palisade.model.site.Design;
import org.palisade.model.site.Device;
import org.palisade.model.site.PortConfig;
import org.palisade.model.site.Schedule;

import com.google.inject.Injector;

/**
 * Find references and rename across the files of a site: the container terminal example,
 * whose schedules live in the site file and are used from its two area files.
 */
class RefactoringTest {

	private static final Injector IDE = new SiteIdeSetup().createInjectorAndDoEMFRegistration();

	private static Path terminal() {
		return Fixtures.examples().resolve("container-terminal");
	}

	private static DesignSet load() {
		return IDE.getInstance(DesignSet.class).loadReadable(List.of(terminal())).link();
	}

	private static <T extends EObject> T find(DesignSet set, Class<T> type, String name) {
		for (Design design : set.designs()) {
			for (var it = design.eAllContents(); it.hasNext();) {
				EObject o = it.next();
				if (type.isInstance(o) && name.equals(DesignRename.nameOf(o))) {
					return type.cast(o);
				}
			}
		}
		throw new AssertionError("no " + name);
	}

	/** Applies edits to the files' text, last first so that offsets stay right. */
	private static Map<String, String> applied(List<DesignRename.FileEdits> edits) throws Exception {
		Map<String, String> result = new TreeMap<>();
		for (DesignRename.FileEdits file : edits) {
			StringBuilder text = new StringBuilder(Files.readString(Path.of(file.uri().toFileString())));
			List<DesignRename.Replacement> replacements = new ArrayList<>(file.replacements());
			replacements.sort(Comparator.comparingInt(DesignRename.Replacement::offset).reversed());
			for (DesignRename.Replacement r : replacements) {
				text.replace(r.offset(), r.offset() + r.length(), r.text());
			}
			result.put(file.uri().lastSegment(), text.toString());
		}
		return result;
	}

	@Test
	void referencesToAScheduleAreFoundInEveryAreaFile() {
		DesignSet set = load();
		Schedule afterHours = find(set, Schedule.class, "AfterHours");
		List<DesignReferences.Reference> refs = DesignReferences.find(afterHours, set.resourceSet());
		List<String> where = refs.stream().map(r -> r.uri().lastSegment() + ":" + r.line()).toList();
		assertEquals(List.of("gate.perimeter:22", "gate.perimeter:24", "quay.perimeter:22", "quay.perimeter:24", "quay.perimeter:42"), where);
		for (DesignReferences.Reference r : refs) {
			assertEquals("AfterHours".length(), r.length(), "the reference's own text, not its rule: " + r);
		}
	}

	@Test
	void renamingAScheduleRewritesItsDeclarationAndEveryUseAndNothingElse() throws Exception {
		DesignSet set = load();
		Schedule afterHours = find(set, Schedule.class, "AfterHours");
		DesignRename rename = IDE.getInstance(DesignRename.class);
		assertNull(rename.problem(afterHours, "NightWatch"));

		Map<String, String> after = applied(rename.rename(afterHours, "NightWatch", set.resourceSet()));

		assertEquals(List.of("gate.perimeter", "quay.perimeter", "site.perimeter"), List.copyOf(after.keySet()));
		for (var file : after.entrySet()) {
			String before = Files.readString(terminal().resolve(file.getKey().equals("site.perimeter") ? "" : "areas").resolve(file.getKey()));
			String expected = before.replace("AfterHours", "NightWatch");
			assertEquals(expected, file.getValue(), file.getKey() + ": only the name changes, comments and layout stay");
		}
	}

	@Test
	void aPortNameIsRenamedQuotedWhereverRulesUseIt() throws Exception {
		DesignSet set = load();
		PortConfig port = find(set, PortConfig.class, "Pedestrian gate");
		DesignRename rename = IDE.getInstance(DesignRename.class);
		Map<String, String> after = applied(rename.rename(port, "Side gate", set.resourceSet()));
		String gate = after.get("gate.perimeter");
		assertNotNull(gate, "edits: " + after.keySet());
		assertTrue(gate.contains("port 2 input \"Side gate\""), gate);
		assertEquals(2, gate.split("input \"Side gate\" is open", -1).length - 1, gate);
		assertTrue(!gate.contains("Pedestrian gate\""), gate);
	}

	@Test
	void aNameAlreadyTakenOrNotANameIsRefusedWithWhereAndWhy() {
		DesignSet set = load();
		DesignRename rename = IDE.getInstance(DesignRename.class);
		Schedule afterHours = find(set, Schedule.class, "AfterHours");
		assertEquals("'ShiftChange' is already used by another schedule in site.perimeter line 25.", rename.problem(afterHours, "ShiftChange"));
		String notAnId = rename.problem(afterHours, "After hours");
		assertNotNull(notAnId);
		assertTrue(notAnId.startsWith("'After hours' is not a valid name here"), notAnId);
		// A device named like a schedule is no clash: they are different kinds.
		Device ptz = find(set, Device.class, "GatePtz");
		assertNull(rename.problem(ptz, "AfterHours"));
		assertEquals("'QuayHornSpeaker' is already used by another device in site.perimeter line "
				+ lineOf("site.perimeter", "QuayHornSpeaker :") + ".", rename.problem(ptz, "QuayHornSpeaker"));
	}

	private static int lineOf(String file, String text) {
		try {
			List<String> lines = Files.readAllLines(terminal().resolve(file));
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).contains(text)) {
					return i + 1;
				}
			}
		} catch (java.io.IOException e) {
			throw new AssertionError(e);
		}
		throw new AssertionError(text + " not in " + file);
	}
}
