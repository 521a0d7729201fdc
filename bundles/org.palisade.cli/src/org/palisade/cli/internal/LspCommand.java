package org.palisade.cli.internal;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.palisade.dsl.lsp.DesignServers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code palisade lsp [--socket PORT]}: the language server, for VS Code, Neovim or any
 * editor that speaks the Language Server Protocol, on the same language and rules as
 * {@code validate} and the Studio.
 * <p>
 * Over stdio, stdout carries protocol messages and nothing else: for the session the
 * process's {@code System.out} is pointed at stderr, so a stray print of a library cannot
 * break a message in two (library log lines already go to the log file, or stderr with
 * {@code --verbose}).
 */
@Command(name = "lsp", description = { "The language server (Language Server Protocol) for editors: over stdio, or",
		"--socket on a loopback port. Exits when the editor sends exit (0 after shutdown)." })
public class LspCommand extends CliCommand {

	@Option(names = "--socket", paramLabel = "PORT",
			description = "listen on 127.0.0.1:PORT (loopback only) for one editor instead of using stdio; 0 picks a free port")
	Integer socket;

	@Option(names = "--trace", paramLabel = "FILE", description = "write every message in and out to FILE (for a bug report)")
	Path trace;

	@Override
	int run() throws Exception {
		if (socket != null && (socket < 0 || socket > 65535)) {
			throw usage("--socket must be a port from 0 to 65535, got " + socket);
		}
		try (PrintWriter traceWriter = trace == null ? null : new PrintWriter(Files.newBufferedWriter(trace), true)) {
			if (socket != null) {
				return DesignServers.serveOnLoopback(socket,
						port -> err.println(name() + ": listening on 127.0.0.1:" + port + " for one editor"), traceWriter);
			}
			PrintStream protocol = out;
			PrintStream previous = System.out;
			System.setOut(err);
			try {
				return DesignServers.start(stdin(), protocol, traceWriter).await();
			} finally {
				protocol.flush();
				System.setOut(previous);
			}
		}
	}

	/** The process's standard input, unbuffered by anyone else (System.in unless a test swapped it). */
	private static InputStream stdin() {
		return System.in != null ? System.in : new FileInputStream(FileDescriptor.in);
	}
}
