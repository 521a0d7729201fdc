package org.palisade.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.palisade.ui.PalisadeUi;
import org.palisade.ui.editor.PerimeterEditor;
import org.palisade.ui.internal.StudioWorkbenchAdvisor;

/**
 * The real Palisade Studio (its own workbench advisor, real SWT widgets under Xvfb), started
 * once for all UI test classes on a thread of its own that runs the event loop. Tests run on
 * JUnit's thread: they act on widgets through {@link #ui}, post real key events with
 * {@link #type}, and wait for the studio with {@link #waitUntil}. Closed when the test plan
 * ends, so a failing test never leaves the workbench open.
 */
public final class Studio implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

	private static Display display;

	private static Thread uiThread;

	private static final CountDownLatch READY = new CountDownLatch(1);

	private static final AtomicReference<Throwable> STARTUP = new AtomicReference<>();

	private static volatile int returnCode = -1;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Studio.class, k -> {
			start();
			return this;
		}, Studio.class);
	}

	private static void start() {
		uiThread = new Thread(() -> {
			try {
				display = PlatformUI.createDisplay();
				returnCode = PlatformUI.createAndRunWorkbench(display, new StudioWorkbenchAdvisor() {
					@Override
					public void postStartup() {
						super.postStartup();
						READY.countDown();
					}
				});
			} catch (Throwable t) {
				STARTUP.set(t);
			} finally {
				READY.countDown();
				if (display != null && !display.isDisposed()) {
					display.dispose();
				}
			}
		}, "Palisade Studio UI");
		uiThread.setDaemon(true);
		uiThread.start();
		try {
			if (!READY.await(120, TimeUnit.SECONDS)) {
				fail("the studio did not start within 120 s");
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		if (STARTUP.get() != null) {
			throw new AssertionError("the studio failed to start", STARTUP.get());
		}
	}

	@Override
	public void close() throws Exception {
		if (display != null && !display.isDisposed()) {
			display.asyncExec(() -> PlatformUI.getWorkbench().close());
			uiThread.join(60_000);
		}
	}

	/** @return what the workbench returned when it closed, -1 while it runs */
	static int returnCode() {
		return returnCode;
	}

	/** @return the studio's display */
	public static Display display() {
		return display;
	}

	/** Runs code on the UI thread and returns its result; its exceptions fail the test. */
	public static <T> T ui(Callable<T> code) {
		AtomicReference<T> result = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		display.syncExec(() -> {
			try {
				result.set(code.call());
			} catch (Throwable t) {
				failure.set(t);
			}
		});
		if (failure.get() instanceof Error error) {
			throw error;
		}
		if (failure.get() != null) {
			throw new AssertionError(failure.get().toString(), failure.get());
		}
		return result.get();
	}

	/** Runs code on the UI thread. */
	public static void run(ThrowingRunnable code) {
		ui(() -> {
			code.run();
			return null;
		});
	}

	/** Code that may throw, for {@link #run}. */
	@FunctionalInterface
	public interface ThrowingRunnable {
		void run() throws Exception;
	}

	/** Saves a screenshot of the studio's window as it is now. */
	public static java.nio.file.Path screenshot(String name) {
		return ui(() -> Screenshots.capture(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), name));
	}

	/** @return the bundled example's design, in the example project of the workspace */
	public static IFile exampleDesign() {
		return ResourcesPlugin.getWorkspace().getRoot().getProject(PalisadeUi.EXAMPLE_PROJECT).getFile("harbour-depot.perimeter");
	}

	/** Opens a design in its editor and waits until its first check is shown. */
	public static PerimeterEditor openChecked(IFile design, Duration timeout) {
		PerimeterEditor editor = ui(() -> (PerimeterEditor) IDE.openEditor(page(), design, PerimeterEditor.ID));
		waitUntil("the first check of " + design.getName(), timeout, () -> editor.lastShown() != null);
		return editor;
	}

	/**
	 * Leaves the workbench as a test found it: hides the views with these ids (restored first,
	 * so that the next test finds the perspective's layout), reverts the active design and
	 * closes every editor.
	 */
	public static void closeViewsAndEditors(String... viewIds) {
		run(() -> {
			for (IViewReference v : page().getViewReferences()) {
				if (java.util.List.of(viewIds).contains(v.getId())) {
					page().setPartState(v, IWorkbenchPage.STATE_RESTORED);
					page().hideView(v);
				}
			}
			if (page().getActiveEditor() instanceof PerimeterEditor e) {
				e.doRevertToSaved();
			}
			page().closeAllEditors(false);
		});
	}

	/** @return the active workbench page */
	public static IWorkbenchPage page() {
		return ui(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage());
	}

	/**
	 * Waits until a condition, checked on the UI thread, holds; the studio keeps running
	 * meanwhile.
	 */
	public static void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
		waitUntil(what, timeout, condition, () -> "");
	}

	/** As {@link #waitUntil(String, Duration, BooleanSupplier)}, saying what was seen when it fails. */
	public static void waitUntil(String what, Duration timeout, BooleanSupplier condition,
			java.util.function.Supplier<String> seen) {
		long end = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < end) {
			if (ui(condition::getAsBoolean)) {
				return;
			}
			sleep(25);
		}
		fail("timed out after " + timeout.toMillis() + " ms waiting for " + what + "; " + seen.get());
	}

	/** Lets the UI thread run for a while (repaints, async updates). */
	public static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Types text as key presses into the control that has the focus. */
	public static void type(String text) {
		for (char c : text.toCharArray()) {
			key(0, c);
		}
	}

	/** Presses a key with modifiers (SWT.CTRL...), e.g. {@code key(SWT.CTRL, ' ')}. */
	public static void key(int modifiers, char character) {
		run(() -> {
			if ((modifiers & SWT.CTRL) != 0) {
				post(SWT.KeyDown, SWT.CTRL, '\0');
			}
			if ((modifiers & SWT.ALT) != 0) {
				post(SWT.KeyDown, SWT.ALT, '\0');
			}
			if ((modifiers & SWT.SHIFT) != 0) {
				post(SWT.KeyDown, SWT.SHIFT, '\0');
			}
			post(SWT.KeyDown, 0, character);
			post(SWT.KeyUp, 0, character);
			if ((modifiers & SWT.SHIFT) != 0) {
				post(SWT.KeyUp, SWT.SHIFT, '\0');
			}
			if ((modifiers & SWT.ALT) != 0) {
				post(SWT.KeyUp, SWT.ALT, '\0');
			}
			if ((modifiers & SWT.CTRL) != 0) {
				post(SWT.KeyUp, SWT.CTRL, '\0');
			}
		});
		// Each key is a separate event for the studio, as from a person typing fast.
		sleep(15);
	}

	/** Presses a key given by its SWT key code (SWT.ESC, SWT.F3...). */
	public static void keyCode(int keyCode) {
		run(() -> {
			post(SWT.KeyDown, keyCode, '\0');
			post(SWT.KeyUp, keyCode, '\0');
		});
		sleep(15);
	}

	private static void post(int type, int keyCode, char character) {
		Event event = new Event();
		event.type = type;
		event.keyCode = keyCode;
		event.character = character;
		if (!display.post(event)) {
			throw new IllegalStateException("the display refused a key event");
		}
	}
}
