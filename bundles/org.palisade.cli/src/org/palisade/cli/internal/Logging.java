package org.palisade.cli.internal;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;

/**
 * Xtext logs through log4j. On the command line, stdout belongs to the command's result
 * (diagnostics, plans, JSON): library messages go to stderr, errors only.
 */
final class Logging {

	private Logging() {
	}

	static void quiet() {
		Logger root = Logger.getRootLogger();
		if (!root.getAllAppenders().hasMoreElements()) {
			ConsoleAppender appender = new ConsoleAppender(new PatternLayout("palisade: %p %c{1}: %m%n"),
					ConsoleAppender.SYSTEM_ERR);
			root.addAppender(appender);
		}
		root.setLevel(Level.ERROR);
	}
}
