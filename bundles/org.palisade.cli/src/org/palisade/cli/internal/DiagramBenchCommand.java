package org.palisade.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.ide.serializer.IChangeSerializer;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.palisade.cli.Palisade;
import org.palisade.diagram.Diagram;
import org.palisade.diagram.SiteOverviews;
import org.palisade.diagram.WiringDiagrams;
import org.palisade.diagram.WiringEdits;
import org.palisade.dsl.ide.SiteIdeSetup;
import org.palisade.dsl.ide.quickfix.DesignEdits;
import org.palisade.dsl.ide.quickfix.DesignSlice;
import org.palisade.dsl.ide.quickfix.DesignSlice.Replacement;
import org.palisade.dsl.load.DesignInputException;
import org.palisade.dsl.load.DesignSet;
import org.palisade.dsl.load.SyntheticSite;
import org.palisade.model.site.Design;
import org.palisade.model.site.Device;
import org.palisade.model.site.Site;
import org.palisade.validation.PerimeterValidator;

import com.google.inject.Injector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code palisade bench diagram [--devices 100,1000] [--cameras 1000] [--runs N]}: the ELK
 * layout of the site overview of synthetic sites, and one wiring-diagram edit (a new wire) of a
 * large site through the Studio's edit path, headless: the edit made on the editor's model, Xtext's
 * change serializer turning it into text edits and the change taken back, then the edited text
 * parsed and checked again as the editor's next check does (the editor re-parses incrementally,
 * so this is an upper bound); and the same edit on a copy parsed from the text, as the language
 * server's code actions make it. Figures are medians after warm-up runs.
 */
@Command(name = "diagram", description = { "Time the ELK layout of the site overview, and a wiring diagram edit to updated",
		"text and findings, on synthetic sites." })
public class DiagramBenchCommand extends CliCommand {

	@Option(names = "--devices", split = ",", paramLabel = "N,N...", description = "devices in the overview (default 100,1000)")
	int[] devices = { 100, 1000 };

	@Option(names = "--cameras", paramLabel = "N", description = "cameras of the site the edit is made in (default ${DEFAULT-VALUE})")
	int cameras = 1000;

	@Option(names = "--runs", paramLabel = "N", description = "measured runs (default ${DEFAULT-VALUE})")
	int runs = 5;

	private static final int WARMUPS = 3;

	@Override
	int run() throws IOException {
		atLeast("--runs", runs, 1);
		atLeast("--cameras", cameras, 2);
		for (int d : devices) {
			atLeast("--devices", d, 3);
		}
		out.println("machine: " + Measurements.machine());
		out.println("times are medians of " + runs + " runs after " + WARMUPS + " warm-up runs (min in brackets)");
		out.println();
		Path dir = Files.createTempDirectory("palisade-bench");
		try {
			out.printf("%8s %8s %6s %6s | %22s%n", "devices", "cameras", "nodes", "edges", "overview ELK layout ms");
			for (int d : devices) {
				overview(dir, d);
			}
			out.println();
			edit(dir);
			out.println();
			scheduleEdit(dir);
		} finally {
			Measurements.deleteScratch(dir);
		}
		return Palisade.OK;
	}

	/** The synthetic site has one beacon per camera and a speaker per 50 cameras. */
	private static int camerasFor(int devices) {
		int c = 1;
		while (2 * c + (c + 49) / 50 < devices) {
			c++;
		}
		return c;
	}

	private static Site load(Path file) throws IOException {
		DesignSet set;
		try {
			set = Languages.designSet().load(List.of(file));
		} catch (DesignInputException e) {
			throw new IOException(e.getMessage(), e);
		}
		set.link();
		for (Design d : set.designs()) {
			for (var e : d.getElements()) {
				if (e instanceof Site s) {
					return s;
				}
			}
		}
		throw new IOException("no site in " + file);
	}

	private void overview(Path dir, int devices) throws IOException {
		int c = camerasFor(devices);
		Path file = dir.resolve("overview-" + c + ".perimeter");
		Files.writeString(file, SyntheticSite.of(c));
		Site site = load(file);
		long[] times = new long[runs];
		Diagram d = null;
		for (int i = 0; i < WARMUPS + runs; i++) {
			long t0 = System.nanoTime();
			d = SiteOverviews.of(site, List.of());
			long ms = (System.nanoTime() - t0) / 1_000_000;
			if (i >= WARMUPS) {
				times[i - WARMUPS] = ms;
			}
		}
		out.printf("%8d %8d %6d %6d | %22s%n", d.nodes().size(), c, d.nodes().size(), d.edges().size(),
				median(times) + " (" + min(times) + ")");
	}

	private void edit(Path dir) throws IOException {
		String text = SyntheticSite.of(cameras);
		Path file = dir.resolve("edit-" + cameras + ".perimeter");
		Files.writeString(file, text);
		String camera = "Cam" + cameras / 2;
		Device cam = load(file).getDevices().stream().filter(x -> camera.equals(x.getName())).findFirst().orElseThrow();
		Diagram before = WiringDiagrams.of(cam, List.of());
		// Pin 4 (I/O port 2) to the beacon's +: a new wire line in the middle of a large file.
		var edit = WiringEdits.connect(camera, before.port("pin:4").orElseThrow(),
				before.port("terminal:Beacon" + cameras / 2 + ".plus").orElseThrow());
		Injector ide = new SiteIdeSetup().createInjectorAndDoEMFRegistration();
		URI uri = URI.createFileURI(file.toString());
		// The Studio's path: the editor's model (parsed once, as the open editor holds it) is
		// changed, serialized and the change taken back.
		XtextResource model = parse(ide.getInstance(XtextResourceSet.class), uri, text);
		long[] toText = new long[runs];
		long[] toFindings = new long[runs];
		long[] total = new long[runs];
		long[] wholeToText = new long[runs];
		long[] copyToText = new long[runs];
		int findings = 0;
		Set<String> scope = WiringEdits.scope(camera, before.port("terminal:Beacon" + cameras / 2 + ".plus").orElseThrow());
		for (int i = 0; i < WARMUPS + runs; i++) {
			long t0 = System.nanoTime();
			List<Replacement> replacements = DesignSlice.edits(model, scope, ide.getInstance(XtextResourceSet.class),
					edit::apply, ide.getInstance(IChangeSerializer.class)).orElseThrow();
			String edited = applyEdits(text, replacements);
			long t1 = System.nanoTime();
			XtextResource r = parse(Languages.injector().getInstance(XtextResourceSet.class), uri, edited);
			findings = new PerimeterValidator().validate((Design) r.getContents().get(0)).size();
			long t2 = System.nanoTime();
			check(replacements, edited);
			if (!model.getParseResult().getRootNode().getText().equals(text) || wires(model, camera) != 2) {
				throw new IllegalStateException("the editor's model was not left as it was");
			}
			// The whole design's model changed in place (a change without a scope).
			long w0 = System.nanoTime();
			List<ITextReplacement> whole = DesignEdits.editsInPlace(model, edit::apply, ide.getInstance(IChangeSerializer.class));
			long w1 = System.nanoTime();
			if (!apply(text, whole).equals(edited)) {
				throw new IllegalStateException("the slice's edit differs from the whole design's");
			}
			// The language server's path (code actions): a copy parsed from the text.
			long t3 = System.nanoTime();
			List<ITextReplacement> viaCopy = DesignEdits.edits(ide.getInstance(XtextResourceSet.class), uri, text, edit::apply,
					ide.getInstance(IChangeSerializer.class));
			long t4 = System.nanoTime();
			check(viaCopy, apply(text, viaCopy));
			if (i >= WARMUPS) {
				toText[i - WARMUPS] = (t1 - t0) / 1_000_000;
				toFindings[i - WARMUPS] = (t2 - t1) / 1_000_000;
				total[i - WARMUPS] = (t2 - t0) / 1_000_000;
				copyToText[i - WARMUPS] = (t4 - t3) / 1_000_000;
				wholeToText[i - WARMUPS] = (w1 - w0) / 1_000_000;
			}
		}
		out.printf("wiring edit in a %d-camera site (%.1f MB of text): new wire on %s%n", cameras, text.length() / 1e6,
				camera);
		out.printf("  edit -> text edits (the Studio's path: a slice of the editor's model, change serialized): %d ms (%d)%n",
				median(toText), min(toText));
		out.printf("  text -> findings (parse + link + check of the result, %d findings): %d ms (%d)%n", findings,
				median(toFindings), min(toFindings));
		out.printf("  edit -> text and findings: %d ms (%d)%n", median(total), min(total));
		out.printf("  edit -> text edits on the whole editor's model (a change without a scope): %d ms (%d)%n",
				median(wholeToText), min(wholeToText));
		out.printf("  edit -> text edits on a copy parsed from the text (language server): %d ms (%d)%n", median(copyToText),
				min(copyToText));
	}

	private void check(List<?> replacements, String edited) {
		if (replacements.isEmpty() || !edited.contains("from pin 4 to Beacon" + cameras / 2 + ".plus")) {
			throw new IllegalStateException("the edit did not reach the text");
		}
	}

	private static XtextResource parse(XtextResourceSet set, URI uri, String text) throws IOException {
		XtextResource r = (XtextResource) set.createResource(uri);
		r.load(new LazyStringInputStream(text, "UTF-8"), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
		DesignEdits.loadImports(r);
		return r;
	}

	private static int wires(XtextResource resource, String camera) {
		for (var it = resource.getAllContents(); it.hasNext();) {
			if (it.next() instanceof Device d && camera.equals(d.getName())) {
				return d.getWires().size();
			}
		}
		return -1;
	}

	/**
	 * The schedule editor's edit in the same large site: the end of "After hours" stretched from
	 * 08:00 to 09:00 (one interval that every camera's rules use), to text edits, then the
	 * schedule editor's week of the edited site (boxes, and each rule's row with its overlaps).
	 */
	private void scheduleEdit(Path dir) throws IOException {
		String text = SyntheticSite.of(cameras);
		Path file = dir.resolve("schedule-" + cameras + ".perimeter");
		Files.writeString(file, text);
		var edit = org.palisade.diagram.ScheduleEdits.reshape("AfterHours", 0, 0, 15 * 60);
		Injector ide = new SiteIdeSetup().createInjectorAndDoEMFRegistration();
		URI uri = URI.createFileURI(file.toString());
		XtextResource model = parse(ide.getInstance(XtextResourceSet.class), uri, text);
		long[] toText = new long[runs];
		long[] copyToText = new long[runs];
		long[] toWeek = new long[runs];
		int rows = 0;
		for (int i = 0; i < WARMUPS + runs; i++) {
			long t0 = System.nanoTime();
			List<Replacement> replacements = DesignSlice.edits(model, Set.of("AfterHours"),
					ide.getInstance(XtextResourceSet.class), edit::apply, ide.getInstance(IChangeSerializer.class)).orElseThrow();
			String edited = applyEdits(text, replacements);
			long t1 = System.nanoTime();
			String viaCopy = apply(text, DesignEdits.edits(ide.getInstance(XtextResourceSet.class), uri, text, edit::apply,
					ide.getInstance(IChangeSerializer.class)));
			long c1 = System.nanoTime();
			if (!viaCopy.equals(edited)) {
				throw new IllegalStateException("the slice's schedule edit differs from the copy's");
			}
			if (replacements.isEmpty() || !edited.contains("Mon-Fri 18:00-09:00")) {
				throw new IllegalStateException("the schedule edit did not reach the text");
			}
			Files.writeString(file, edited);
			Site site = load(file);
			long t2 = System.nanoTime();
			var schedule = site.getSchedules().stream().filter(s -> "AfterHours".equals(s.getName())).findFirst().orElseThrow();
			var week = org.palisade.diagram.ScheduleWeek.of(schedule, java.time.LocalDate.of(2026, 3, 23));
			long t3 = System.nanoTime();
			rows = week.rules().size();
			Files.writeString(file, text);
			if (i >= WARMUPS) {
				toText[i - WARMUPS] = (t1 - t0) / 1_000_000;
				copyToText[i - WARMUPS] = (c1 - t1) / 1_000_000;
				toWeek[i - WARMUPS] = (t3 - t2) / 1_000_000;
			}
		}
		out.printf("schedule edit in a %d-camera site: After hours Mon-Fri 18:00-08:00 stretched to 09:00%n", cameras);
		out.printf("  edit -> text edits (the Studio's path: a slice of the editor's model): %d ms (%d)%n", median(toText),
				min(toText));
		out.printf("  edit -> text edits on a copy parsed from the text (language server): %d ms (%d)%n", median(copyToText),
				min(copyToText));
		out.printf("  reparsed site -> schedule editor's week (%d rule rows, overlaps): %d ms (%d)%n", rows, median(toWeek),
				min(toWeek));
	}

	private static String apply(String text, List<ITextReplacement> replacements) {
		return applyEdits(text, DesignSlice.of(replacements));
	}

	private static String applyEdits(String text, List<Replacement> replacements) {
		return DesignSlice.apply(text, replacements);
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static long min(long[] values) {
		return Arrays.stream(values).min().orElse(0);
	}
}
