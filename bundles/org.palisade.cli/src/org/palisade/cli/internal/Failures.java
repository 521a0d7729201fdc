package org.palisade.cli.internal;

import java.nio.file.Path;
import java.util.List;

import org.palisade.validation.Messages;

/** One-line reports of failures that are not findings, for every command's stderr. */
final class Failures {

	private Failures() {
	}

	/** @return "PATHS: CAUSE", one line, naming what was being worked on and why it stopped */
	static String describe(List<Path> paths, Throwable e) {
		String what = String.join(", ", paths.stream().map(p -> Messages.quote(p.toString())).toList());
		return what + ": " + cause(e);
	}

	static String cause(Throwable e) {
		if (e instanceof OutOfMemoryError) {
			return "out of memory (heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
					+ " MB; PALISADE_JAVA_OPTS=-Xmx... gives more)";
		}
		if (e instanceof StackOverflowError) {
			return "nested too deeply to check (stack overflow)";
		}
		StackTraceElement where = null;
		for (StackTraceElement frame : e.getStackTrace()) {
			if (frame.getClassName().startsWith("org.palisade.")) {
				where = frame;
				break;
			}
		}
		return "internal error, please report it: " + Messages.quote(String.valueOf(e))
				+ (where == null ? "" : " at " + where);
	}
}
