package org.palisade.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.palisade.cli.Palisade;
import org.palisade.cli.Palisade.UsageException;
import org.palisade.validation.Messages;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How a command that cannot run ends: never with a stack trace on the terminal. A usage error is
 * one line naming the command and the bad option or value (with picocli's "did you mean"
 * suggestions after it), exit 2; a failure is one line with its cause, exit 1; an unexpected
 * exception is one line, exit 2, and its trace goes to the log file that line names.
 */
public final class Errors {

	private Errors() {
	}

	/** picocli's {@code IParameterExceptionHandler}: the command line itself is wrong. */
	public static int usage(ParameterException e, String[] args) {
		CommandLine cl = e.getCommandLine();
		PrintWriter err = cl.getErr();
		String name = cl.getCommandSpec().qualifiedName();
		err.println(name + ": " + Messages.escape(e.getMessage()) + " (see '" + name + " --help')");
		UnmatchedArgumentException.printSuggestions(e, err);
		err.flush();
		return Palisade.USAGE;
	}

	/** picocli's {@code IExecutionExceptionHandler}: the command ran and threw. */
	public static int failure(Exception e, CommandLine cl, ParseResult parsed) {
		PrintWriter err = cl.getErr();
		String name = cl.getCommandSpec().qualifiedName();
		int code = Palisade.ERRORS;
		if (e instanceof UsageException) {
			err.println(name + ": " + Messages.escape(e.getMessage()));
			code = Palisade.USAGE;
		} else if (e instanceof InterruptedException) {
			Thread.currentThread().interrupt();
			err.println(name + ": interrupted");
		} else if (e instanceof IOException || e instanceof GeneralSecurityException) {
			err.println(name + ": " + Messages.escape(e.getMessage()));
		} else {
			// An internal error: the input could not be used as it is (#11: 2, like unusable input).
			Path log = log(name, e);
			err.println(name + ": " + Failures.cause(e) + (log == null ? "" : "; the stack trace is in " + log));
			code = Palisade.USAGE;
		}
		err.flush();
		return code;
	}

	/** @return the file the trace went to, or null where none could be written */
	private static Path log(String command, Throwable e) {
		try {
			if (Platform.isRunning()) {
				// The product's log: <configuration>/<time>.log for headless commands.
				Platform.getLog(Errors.class).log(Status.error(command + " failed", e));
				var location = Platform.getLogFileLocation();
				return location == null ? null : location.toFile().toPath();
			}
			if (Logging.file() != null) {
				// Without Equinox (validate and generate on the plain class path): the libraries' log.
				org.apache.log4j.Logger.getLogger(Errors.class).error(command + " failed", e);
				return Logging.file();
			}
			Path file = Files.createTempFile("palisade-", ".log");
			try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
				w.println(command + " failed");
				e.printStackTrace(w);
			}
			return file;
		} catch (IOException | RuntimeException logging) {
			return null;
		}
	}
}
