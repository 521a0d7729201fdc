package org.palisade.ui.bench;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.palisade.cli.Palisade;
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
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		// Declared with the other commands: the same help, messages and exit codes.
		Palisade.EditorBenchOptions parsed = Palisade.editorBenchOptions(args == null ? new String[0] : args, System.out,
				System.err);
		if (parsed.exit() >= 0) {
			return parsed.exit();
		}
		Options options = new Options(parsed.sizes(), parsed.edits());
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
	}
}
