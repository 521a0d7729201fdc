package org.palisade.ui.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.palisade.diagram.Diagram.Port;
import org.palisade.diagram.WiringEdits;
import org.palisade.dsl.load.SyntheticSite;
import org.palisade.ui.PalisadeUi;
import org.palisade.ui.editor.DesignChanges;
import org.palisade.ui.editor.PerimeterEditor;
import org.palisade.ui.editor.internal.ReconcileResult;

/**
 * The measured runs, on a thread of their own; the UI thread only runs what a user's
 * actions would make it run. Keys are posted to the display as a keyboard would send them.
 */
final class EditorRuns {

	private static final long TIMEOUT_NANOS = 120_000_000_000L;

	private final Display display;

	private final EditorBench.Options options;

	private final long jvmStart;

	private final List<String> stallNotes = new ArrayList<>();

	EditorRuns(Display display, EditorBench.Options options, long jvmStart) {
		this.display = display;
		this.options = options;
		this.jvmStart = jvmStart;
	}

	boolean run() throws Exception {
		System.out.println("palisade bench editor: " + machine());
		studioReady();
		System.out.println();
		System.out.println("| cameras | text | open to first check | keystroke to annotations median / p95 / max | a check's parts (medians, ms) | content assist median | longest UI stall in a 20-key burst: in a camera / between devices | diagram edit to text median / p95; to annotations median / p95 |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		for (int size : options.sizes()) {
			measure(size);
		}
		System.out.println();
		stallNotes.forEach(note -> System.out.println("UI stalls, " + note));
		return true;
	}

	/** JVM start to the bundled example open in the editor with its first check shown. */
	private void studioReady() throws Exception {
		IProject example = ResourcesPlugin.getWorkspace().getRoot().getProject(PalisadeUi.EXAMPLE_PROJECT);
		if (!example.exists()) {
			System.out.println("Studio ready with the example open: not measured (no bundled example; set PALISADE_EXAMPLES)");
			return;
		}
		IFile file = example.getFile("harbour-depot.perimeter");
		PerimeterEditor editor = ui(() -> (PerimeterEditor) IDE.openEditor(page(), file, PerimeterEditor.ID));
		waitFor(() -> editor.lastShownMillis() != 0);
		AtomicLong shown = new AtomicLong(editor.lastShownMillis());
		System.out.printf(Locale.ROOT, "Studio ready with the example open and highlighted: %.2f s after the JVM started%n",
				(shown.get() - jvmStart) / 1000.0);
		ui(() -> page().closeAllEditors(false));
	}

	private void measure(int cameras) throws Exception {
		String text = SyntheticSite.of(cameras);
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("bench-" + cameras);
		// A plain project: the builder's whole-project check would compete with the editor's.
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		IFile file = project.getFile("site.perimeter");
		if (file.exists()) {
			file.setContents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, false, null);
		} else {
			file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		}

		Published published = new Published();
		long openStart = System.nanoTime();
		PerimeterEditor editor = ui(() -> {
			PerimeterEditor e = (PerimeterEditor) IDE.openEditor(page(), file, PerimeterEditor.ID);
			e.addReconcileListener(published);
			return e;
		});
		waitFor(() -> published.count() > 0);
		long firstCheck = published.last() - openStart;

		// Edits: a zero added to, then taken from, the length of a wire in the middle of the site.
		int camera = cameras / 2;
		String anchor = " m from pin 2 to Beacon" + camera + ".plus";
		int caret = ui(() -> editor.document().get().indexOf(anchor));
		ui(() -> {
			editor.viewer().getTextWidget().forceFocus();
			editor.selectAndReveal(caret, 0);
			return null;
		});
		List<Long> latencies = new ArrayList<>();
		for (int i = 0; i < options.edits(); i++) {
			latencies.add(keystrokeToAnnotations(editor, published, i % 2 == 0 ? '0' : '\b'));
		}
		Collections.sort(latencies);

		// Diagram edits through the Studio's one edit path: a wire from pin 4 to the camera's
		// beacon added, then deleted, as the wiring diagram makes them.
		List<Long> diagramToText = new ArrayList<>();
		List<Long> diagramToAnnotations = new ArrayList<>();
		long sliced = DesignChanges.slicedChanges();
		List<DesignChanges.Timings> parts = new ArrayList<>();
		for (int i = 0; i < DIAGRAM_EDITS; i++) {
			long[] t = diagramEdit(editor, published, camera, i % 2 == 0);
			diagramToText.add(t[0]);
			diagramToAnnotations.add(t[1]);
			parts.add(DesignChanges.lastTimings());
		}
		Collections.sort(diagramToText);
		sliced = DesignChanges.slicedChanges() - sliced;
		Collections.sort(diagramToAnnotations);

		// Content assist after "do output " in a new rule of that camera.
		String rule = "\n\t\trule \"Bench\" when PerimeterDefender.intrusion do output ";
		int end = ui(() -> editor.document().get().indexOf("\t}\n\tbeacon Beacon" + camera + " "));
		ui(() -> {
			editor.document().replace(end - 1, 0, rule);
			return null;
		});
		int at = end - 1 + rule.length();
		IContentAssistProcessor processor = ui(() -> ((org.eclipse.jface.text.contentassist.ContentAssistant) editor.configuration()
				.getContentAssistant(editor.viewer())).getContentAssistProcessor(IDocument.DEFAULT_CONTENT_TYPE));
		List<Long> assist = new ArrayList<>();
		int proposals = 0;
		for (int i = 0; i < 10; i++) {
			long start = System.nanoTime();
			proposals = processor.computeCompletionProposals(editor.viewer(), at).length;
			assist.add(System.nanoTime() - start);
		}
		Collections.sort(assist);

		// Two bursts: in the camera the rule was left unfinished in (its wire's length), where
		// the edit stays in one device block; and at the start of the next device's line, an
		// edit of the site's own body. The diagram edits above moved the caret: set it again.
		int wire = ui(() -> editor.document().get().indexOf(anchor));
		long stall = burstStall(editor, wire, cameras, "in a camera");
		int between = ui(() -> editor.document().get().indexOf("\tbeacon Beacon" + camera + " ") + 1);
		long stallBetween = burstStall(editor, between, cameras, "between devices");

		ui(() -> {
			editor.doRevertToSaved();
			page().closeAllEditors(false);
			return null;
		});
		System.out.printf(Locale.ROOT, "| %,d | %.1f MB | %d ms | %d / %d / %d ms | %s | %d ms (%d proposals) | %d / %d ms | %d / %d ms; %d / %d ms (%d of %d on a slice; %s) |%n",
				cameras, text.length() / 1e6, firstCheck / 1_000_000, percentile(latencies, 50) / 1_000_000,
				percentile(latencies, 95) / 1_000_000, latencies.get(latencies.size() - 1) / 1_000_000,
				published.breakdown() + "; " + published.stages(),
				percentile(assist, 50) / 1_000_000, proposals, stall / 1_000_000, stallBetween / 1_000_000,
				percentile(diagramToText, 50) / 1_000_000, percentile(diagramToText, 95) / 1_000_000,
				percentile(diagramToAnnotations, 50) / 1_000_000, percentile(diagramToAnnotations, 95) / 1_000_000, sliced,
				DIAGRAM_EDITS, diagramParts(parts));
	}

	/** @return the medians of where a diagram edit's time to the text went */
	private static String diagramParts(List<DesignChanges.Timings> parts) {
		return String.format(Locale.ROOT, "to text, medians: worker wait %d, replay %d, serialize %d, UI wait %d (UI thread busy %d), apply %d ms",
				median(parts, DesignChanges.Timings::waitForWorker), median(parts, DesignChanges.Timings::replay),
				median(parts, DesignChanges.Timings::serialize), median(parts, DesignChanges.Timings::waitForUi),
				median(parts, DesignChanges.Timings::uiBusy),
				median(parts, DesignChanges.Timings::apply));
	}

	private static long median(List<DesignChanges.Timings> parts, java.util.function.ToLongFunction<DesignChanges.Timings> part) {
		List<Long> values = new ArrayList<>();
		for (DesignChanges.Timings t : parts) {
			values.add(part.applyAsLong(t));
		}
		Collections.sort(values);
		return percentile(values, 50) / 1_000_000;
	}

	private static final int DIAGRAM_EDITS = 20;

	/**
	 * One wiring-diagram edit made as the wiring view makes it ({@link DesignChanges} with the
	 * edit's scope): a new wire from pin 4 to the camera's beacon, or its deletion.
	 *
	 * @return nanoseconds from the edit to its text in the document, and to the check of that text
	 *         shown
	 */
	private long[] diagramEdit(PerimeterEditor editor, Published published, int camera, boolean connect) throws Exception {
		String name = "Cam" + camera;
		Port pin4 = new Port("pin:4", 4, null, null, "", "", null, null, List.of());
		Port plus = new Port("terminal:Beacon" + camera + ".plus", null, "Beacon" + camera, "plus", "", "", null, null,
				List.of());
		Function<Resource, Boolean> edit = connect ? WiringEdits.connect(name, pin4, plus) : WiringEdits.delete(name, 2);
		AtomicLong inText = new AtomicLong();
		long start = System.nanoTime();
		CompletableFuture<Boolean> done = ui(() -> DesignChanges.apply(editor, WiringEdits.scope(name, pin4, plus), edit::apply)
				.whenComplete((ok, failure) -> inText.set(System.nanoTime())));
		if (!Boolean.TRUE.equals(done.get(TIMEOUT_NANOS, TimeUnit.NANOSECONDS))) {
			throw new IllegalStateException("the diagram edit on " + name + " did not reach the text");
		}
		long after = ui(() -> stamp(editor));
		waitFor(() -> published.stampShown(after));
		long[] times = { inText.get() - start, published.timeOf(after) - start };
		Thread.sleep(150);
		return times;
	}

	/** @return nanoseconds from posting a key to the check of the text it made being shown */
	private long keystrokeToAnnotations(PerimeterEditor editor, Published published, char key) throws Exception {
		long before = ui(() -> stamp(editor));
		long start = System.nanoTime();
		postKey(key == '\b' ? SWT.BS : 0, key);
		AtomicLong after = new AtomicLong(before);
		waitFor(() -> {
			display.syncExec(() -> after.set(stamp(editor)));
			return after.get() != before;
		});
		waitFor(() -> published.stampShown(after.get()));
		long latency = published.timeOf(after.get()) - start;
		published.stages(after.get(), start);
		long[] show = editor.lastShowNanos();
		if (show[0] == after.get()) {
			published.show(show);
		}
		Thread.sleep(150); // a person's pause between two edits
		return latency;
	}

	/**
	 * Types 20 keys 40 ms apart (a fast typist) at an offset and back, while a probe asks the UI thread to
	 * run a no-op every 2 ms. So that a long wait can be told apart, it records the collector's
	 * pauses in the burst and samples the UI thread's stack whenever a probe has waited over
	 * 20 ms; what those were made of goes under the table, named by {@code where}.
	 *
	 * @return the longest wait of a probe, in nanoseconds
	 */
	private long burstStall(PerimeterEditor editor, int caret, int cameras, String where) throws Exception {
		ui(() -> {
			editor.selectAndReveal(caret, 0);
			return null;
		});
		AtomicLong longest = new AtomicLong();
		AtomicLong waiting = new AtomicLong();
		AtomicReference<Boolean> probing = new AtomicReference<>(true);
		Thread probe = new Thread(() -> {
			while (probing.get()) {
				long asked = System.nanoTime();
				waiting.set(asked);
				display.syncExec(() -> longest.accumulateAndGet(System.nanoTime() - asked, Math::max));
				waiting.set(0);
				try {
					Thread.sleep(2);
				} catch (InterruptedException e) {
					return;
				}
			}
		}, "UI probe");
		StallSampler sampler = new StallSampler(display.getThread(), waiting, probing);
		try (GcPauses pauses = new GcPauses()) {
			probe.start();
			sampler.start();
			for (int i = 0; i < 20; i++) {
				postKey(0, 'x');
				Thread.sleep(40);
			}
			for (int i = 0; i < 20; i++) {
				postKey(SWT.BS, '\b');
				Thread.sleep(40);
			}
			Thread.sleep(2000); // the check that follows the burst runs and is shown
			probing.set(false);
			probe.join();
			sampler.join();
			stallNotes.add(String.format(Locale.ROOT, "%,d cameras, in the burst %s: longest collector pause %d ms (%d pauses, %d ms in all); %s",
					cameras, where, pauses.longest() / 1_000_000, pauses.count(), pauses.total() / 1_000_000, sampler.report()));
		}
		return longest.get();
	}

	private void postKey(int keyCode, char character) {
		display.syncExec(() -> {
			Event down = new Event();
			down.type = SWT.KeyDown;
			down.keyCode = keyCode;
			down.character = character;
			display.post(down);
			Event up = new Event();
			up.type = SWT.KeyUp;
			up.keyCode = keyCode;
			up.character = character;
			display.post(up);
		});
	}

	private static long stamp(PerimeterEditor editor) {
		return ((IDocumentExtension4) editor.document()).getModificationStamp();
	}

	private static long percentile(List<Long> sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	private <T> T ui(java.util.concurrent.Callable<T> code) throws Exception {
		AtomicReference<T> result = new AtomicReference<>();
		AtomicReference<Exception> failure = new AtomicReference<>();
		display.syncExec(() -> {
			try {
				result.set(code.call());
			} catch (Exception e) {
				failure.set(e);
			}
		});
		if (failure.get() != null) {
			throw failure.get();
		}
		return result.get();
	}

	private static void waitFor(BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + TIMEOUT_NANOS;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end) {
				throw new IllegalStateException("the studio did not get there within 120 s");
			}
			Thread.sleep(1);
		}
	}

	private static String machine() {
		Runtime rt = Runtime.getRuntime();
		String cpu = System.getProperty("os.arch");
		try {
			cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
					.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
					.orElse(cpu);
		} catch (java.io.IOException e) {
			// not Linux
		}
		return rt.availableProcessors() + " cores (" + cpu + "), Java " + System.getProperty("java.version")
				+ ", max heap " + rt.maxMemory() / (1024 * 1024) + " MB";
	}

	/** The checks shown, with when: called on the UI thread. */
	private static final class Published implements Consumer<ReconcileResult> {
		private final List<long[]> shown = Collections.synchronizedList(new ArrayList<>());

		private final List<ReconcileResult.Timings> timings = Collections.synchronizedList(new ArrayList<>());

		@Override
		public void accept(ReconcileResult result) {
			if (result.findingsOnly()) {
				// Keystroke to annotations ends here: the squiggles are shown before the colours.
				shown.add(new long[] { result.stamp(), System.nanoTime() });
				byStamp.put(result.stamp(), result.timings());
			} else {
				timings.add(result.timings());
			}
		}

		private final List<long[]> stages = Collections.synchronizedList(new ArrayList<>());

		private final java.util.Map<Long, ReconcileResult.Timings> byStamp = new java.util.concurrent.ConcurrentHashMap<>();

		/** Records, for the pass that showed a stamp, key → pass start → pass end → shown. */
		void stages(long stamp, long keyNanos) {
			ReconcileResult.Timings t = byStamp.get(stamp);
			if (t != null) {
				stages.add(new long[] { t.started() - keyNanos, t.ended() - t.started(), timeOf(stamp) - t.ended() });
			}
		}

		private final List<long[]> shows = Collections.synchronizedList(new ArrayList<>());

		void show(long[] show) {
			shows.add(show);
		}

		/** @return medians, in ms, of key to pass start, the pass, pass end to shown */
		String stages() {
			synchronized (stages) {
				return String.format(Locale.ROOT, "key to check %d, check %d, check to shown %d (waiting for the UI thread %d, showing %d, of which outline %d)",
						median(stages.stream().mapToLong(s -> s[0])), median(stages.stream().mapToLong(s -> s[1])),
						median(stages.stream().mapToLong(s -> s[2])), median(shows.stream().mapToLong(s -> s[4] - s[3])),
						median(shows.stream().mapToLong(s -> s[1])), median(shows.stream().mapToLong(s -> s[1] - s[2])));
			}
		}

		/** @return the medians of the passes' parts, in ms: "replay r, validate v, highlight h, outline o" */
		String breakdown() {
			synchronized (timings) {
				return String.format(Locale.ROOT, "replay %d, validate %d, highlight %d, outline %d",
						median(timings.stream().mapToLong(ReconcileResult.Timings::replay)),
						median(timings.stream().mapToLong(ReconcileResult.Timings::validate)),
						median(timings.stream().mapToLong(ReconcileResult.Timings::highlight)),
						median(timings.stream().mapToLong(ReconcileResult.Timings::outline)));
			}
		}

		private static long median(java.util.stream.LongStream values) {
			long[] sorted = values.sorted().toArray();
			return sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1_000_000;
		}

		int count() {
			return shown.size();
		}

		long last() {
			return shown.get(shown.size() - 1)[1];
		}

		boolean stampShown(long stamp) {
			synchronized (shown) {
				return shown.stream().anyMatch(s -> s[0] == stamp);
			}
		}

		long timeOf(long stamp) {
			synchronized (shown) {
				return shown.stream().filter(s -> s[0] == stamp).mapToLong(s -> s[1]).min().orElseThrow();
			}
		}
	}

}
