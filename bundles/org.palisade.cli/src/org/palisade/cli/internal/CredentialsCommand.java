package org.palisade.cli.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.palisade.cli.Palisade;
import org.palisade.deploy.SecureCredentials;
import org.palisade.security.KeyFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code palisade credentials set|list|remove}: the credentials references of designs in Equinox
 * secure storage, where {@code deploy}, the Studio and {@code lsp} read them, for a headless
 * machine or a pipeline. A password is read from the terminal without echo, or from the first
 * line of standard input with {@code --password-stdin}; never from the command line, never printed.
 */
@Command(name = "credentials", description = { "Device credentials in secure storage (encrypted with the key in",
		"~/.palisade/secure-storage.key, only yours), where deploy, the Studio and lsp find them." },
		subcommands = { CredentialsCommand.Store.class, CredentialsCommand.ListStored.class, CredentialsCommand.Remove.class })
public class CredentialsCommand {

	@Mixin
	HelpOption help;

	/** {@code palisade credentials set REF --user USER [--password-stdin]}. */
	@Command(name = "set", description = { "Store the user and password of a credentials reference (as a design",
			"names it: credentials \"harbour-depot/north1\"); one already stored is replaced only with --replace." })
	public static class Store extends CliCommand {

		@Parameters(paramLabel = "REF", description = "the reference, e.g. harbour-depot/north1")
		String ref;

		@Option(names = "--user", paramLabel = "USER", required = true, description = "the device account, e.g. root")
		String user;

		@Option(names = "--password-stdin", description = "read the password from the first line of standard input"
				+ " (else it is asked on the terminal, without echo)")
		boolean stdin;

		@Option(names = "--replace", description = "replace credentials already stored under the reference")
		boolean replace;

		@Override
		int run() throws IOException {
			if (ref.isBlank() || user.isBlank()) {
				throw usage("the reference and --user must not be empty");
			}
			if (!replace && SecureCredentials.exists(ref)) {
				// A typo in a pipeline must not silently overwrite the password of a device in service.
				err.println(name() + ": credentials '" + ref + "' are already stored (user " + SecureCredentials.user(ref)
						+ "); give --replace to replace them");
				return Palisade.ERRORS;
			}
			char[] password = stdin ? firstLine() : ask();
			try {
				if (password == null || password.length == 0) {
					throw usage("no password given" + (stdin ? " on standard input" : ""));
				}
				SecureCredentials.store(ref, user, password);
			} finally {
				if (password != null) {
					Arrays.fill(password, '\0');
				}
			}
			out.println("stored credentials '" + ref + "' (user " + user + ") in secure storage");
			return Palisade.OK;
		}

		private char[] ask() {
			Console console = System.console();
			if (console == null) {
				throw usage("no terminal to ask the password on: give it with --password-stdin");
			}
			return console.readPassword("Password for %s (%s): ", ref, user);
		}

		private static char[] firstLine() throws IOException {
			// Not closed: standard input belongs to the process.
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			String line = in.readLine();
			return line == null ? null : line.toCharArray();
		}
	}

	/** {@code palisade credentials list}. */
	@Command(name = "list", description = { "The references stored, with their user; each password is decrypted to",
			"check the key still opens it, and never shown. Exit 1 when one cannot be read." })
	public static class ListStored extends CliCommand {

		@Override
		int run() throws IOException {
			List<String> refs = SecureCredentials.references();
			int unreadable = 0;
			for (String ref : refs) {
				String state;
				try {
					// Decrypted and wiped at once: proves the key still opens it, shows nothing of it.
					org.palisade.deploy.Credential c = SecureCredentials.find(ref);
					state = "user " + c.username() + ", password stored";
					c.clear();
				} catch (IOException e) {
					unreadable++;
					state = "CANNOT BE READ: " + e.getMessage();
				}
				out.println(ref + "  " + state);
			}
			err.println(refs.size() + " reference(s) in secure storage; key " + KeyFile.location());
			return unreadable == 0 ? Palisade.OK : Palisade.ERRORS;
		}
	}

	/** {@code palisade credentials remove REF}. */
	@Command(name = "remove", description = "Remove a reference's user and password from secure storage.")
	public static class Remove extends CliCommand {

		@Parameters(paramLabel = "REF", description = "the reference")
		String ref;

		@Override
		int run() throws IOException {
			if (!SecureCredentials.exists(ref)) {
				err.println(name() + ": no credentials '" + ref + "' in secure storage (stored: "
						+ String.join(", ", SecureCredentials.references()) + ")");
				return Palisade.ERRORS;
			}
			SecureCredentials.remove(ref);
			out.println("removed credentials '" + ref + "' from secure storage");
			return Palisade.OK;
		}
	}
}
