package org.palisade.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.FileAppender;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;

/**
 * Where the libraries' own log lines go. On the command line stdout is the command's result
 * and stderr its progress and messages: a library's warning printed between two progress lines
 * reads like part of them. So they go to a log file ({@code ~/.palisade/logs/palisade.log}),
 * and to stderr only with {@code --verbose}. Xtext logs through log4j, SPI-Fly and the JDK
 * through java.util.logging; both end up in the same place.
 */
public final class Logging {

	private static final Logger ROOT = Logger.getRootLogger();

	private static Path file;

	private Logging() {
	}

	/** @return the file library log lines go to when not {@code --verbose}, or null if it cannot be written */
	public static synchronized Path file() {
		return file;
	}

	/** Routes the libraries' warnings and errors to stderr ({@code --verbose}) or to the log file. */
	public static synchronized void configure(boolean verbose) {
		ROOT.removeAllAppenders();
		ROOT.setLevel(Level.WARN);
		if (verbose) {
			ROOT.addAppender(new ConsoleAppender(new PatternLayout("palisade: %p %c{1}: %m%n"), ConsoleAppender.SYSTEM_ERR));
		} else {
			try {
				Path log = Path.of(System.getProperty("user.home"), ".palisade", "logs", "palisade.log");
				Files.createDirectories(log.getParent());
				ROOT.addAppender(new FileAppender(new PatternLayout("%d{ISO8601} %p %c: %m%n"), log.toString(), true));
				file = log;
			} catch (IOException | RuntimeException e) {
				// No log file (a read-only home): the lines are dropped rather than mixed into the output.
				file = null;
			}
		}
		java.util.logging.Logger jul = java.util.logging.Logger.getLogger("");
		for (Handler h : jul.getHandlers()) {
			if (h instanceof ConsoleHandler || h instanceof ToLog4j) {
				jul.removeHandler(h);
			}
		}
		jul.addHandler(new ToLog4j());
	}

	/** java.util.logging into the same appenders, so that both kinds of log line go to one place. */
	private static final class ToLog4j extends Handler {

		ToLog4j() {
			setLevel(java.util.logging.Level.WARNING);
		}

		@Override
		public void publish(LogRecord record) {
			if (!isLoggable(record)) {
				return;
			}
			Level level = record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue() ? Level.ERROR : Level.WARN;
			String name = record.getLoggerName() == null ? "jul" : record.getLoggerName();
			String message = record.getMessage();
			if (message != null && record.getParameters() != null && record.getParameters().length > 0) {
				message = java.text.MessageFormat.format(message, record.getParameters());
			}
			Logger.getLogger(name).log(level, message, record.getThrown());
		}

		@Override
		public void flush() {
			// log4j's appenders write through
		}

		@Override
		public void close() {
			// nothing held
		}
	}
}
