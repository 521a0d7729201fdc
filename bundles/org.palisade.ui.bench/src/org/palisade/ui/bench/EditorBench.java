package org.palisade.ui.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.palisade.ui.internal.StudioWorkbenchAdvisor;

/**
 * {@code palisade bench editor [--sizes 100,1000,10000] [--edits 50]}: the Studio itself,
 * real widgets and real key events, timed on synthetic sites. Prints, per size, the time
 * from a keystroke to updated annotations (median, p95), content assist, and the longest
 * stall of the UI thread while typing a burst; and once, the time from starting the JVM
 * to the bundled example open and highlighted. Needs a display (Xvfb will do).
 */
public class EditorBench implements IApplication {

	@Override
	public Object start(IApplicationContext context) throws Exception {
		long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
		Options options = Options.parse((String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS));
		if (options == null) {
			System.err.println("usage: palisade bench editor [--sizes 100,1000,10000] [--edits 50]");
			return 2;
		}
		Display display = PlatformUI.createDisplay();
		int[] exit = { 1 };
		try {
			PlatformUI.createAndRunWorkbench(display, new StudioWorkbenchAdvisor() {
				@Override
				public void postStartup() {
					super.postStartup();
					Thread bench = new Thread(() -> {
						try {
							exit[0] = new EditorRuns(display, options, jvmStart).run() ? 0 : 1;
						} catch (Throwable t) {
							t.printStackTrace();
							exit[0] = 2;
						} finally {
							display.asyncExec(() -> PlatformUI.getWorkbench().close());
						}
					}, "Palisade editor bench");
					bench.setDaemon(true);
					bench.start();
				}
			});
		} finally {
			display.dispose();
		}
		return exit[0];
	}

	@Override
	public void stop() {
		// The bench closes the workbench when it is done.
	}

	/** What to measure. */
	record Options(List<Integer> sizes, int edits) {
		static Options parse(String[] args) {
			List<Integer> sizes = List.of(100, 1000, 10000);
			int edits = 50;
			for (int i = 0; args != null && i < args.length; i++) {
				String option = args[i];
				try {
					switch (option) {
					case "--sizes" -> {
						List<Integer> parsed = new ArrayList<>();
						for (String s : args[++i].split(",")) {
							parsed.add(Integer.parseInt(s.trim()));
						}
						sizes = parsed;
					}
					case "--edits" -> edits = Integer.parseInt(args[++i]);
					default -> {
						if (!Map.of("editor", 1, "bench", 1).containsKey(option)) {
							System.err.println("palisade bench editor: unknown option " + option);
							return null;
						}
					}
					}
				} catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
					System.err.println("palisade bench editor: " + option + " needs a number, e.g. " + option + " 1000");
					return null;
				}
			}
			return new Options(sizes, edits);
		}
	}
}
