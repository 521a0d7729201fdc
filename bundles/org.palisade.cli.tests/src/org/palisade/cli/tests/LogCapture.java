package org.palisade.cli.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything Palisade logs while it is open, at every level: tests search it for secrets.
 */
final class LogCapture implements AutoCloseable {

	private final Logger palisade = Logger.getLogger("org.palisade");
	private final Level old = palisade.getLevel();
	private final List<String> lines = new ArrayList<>();
	private final Handler handler = new Handler() {
		@Override
		public void publish(LogRecord r) {
			synchronized (lines) {
				lines.add(r.getMessage() + " " + r.getThrown());
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	};

	LogCapture() {
		palisade.setLevel(Level.ALL);
		palisade.addHandler(handler);
	}

	/** @return the messages logged so far, with their exceptions */
	List<String> lines() {
		synchronized (lines) {
			return List.copyOf(lines);
		}
	}

	@Override
	public void close() {
		palisade.removeHandler(handler);
		palisade.setLevel(old);
	}
}
