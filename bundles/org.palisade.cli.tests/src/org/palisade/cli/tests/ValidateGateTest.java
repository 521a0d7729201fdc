package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.cli.Palisade;
import org.palisade.dsl.load.DesignFiles;

/**
 * {@code palisade validate} as a gate: every input it cannot use is one line on stderr naming
 * the file and the cause, and the exit code is never 0 then; text as editors save it.
 */
class ValidateGateTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	static final String CLEAN = "site \"X\" {\n\ttimezone \"UTC\"\n\tcamera A : \"AXIS Q6075-E\" at 10.0.0.5 credentials \"x/a\"\n}\n";

	private int run(String... args) {
		out.reset();
		err.reset();
		return Palisade.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	/** One line on stderr, naming the path and the cause. */
	private void assertOneLine(String path, String cause) {
		String e = err();
		assertEquals(1, e.lines().count(), e);
		assertTrue(e.startsWith("palisade validate: ") && e.contains(path) && e.contains(cause), e);
	}

	@Test
	void anEmptyPathIsAUsageErrorNotTheWorkingFolder() {
		assertEquals(Palisade.USAGE, run("validate", ""));
		assertOneLine("", "an empty path names no file or folder");
		assertEquals("", out());
	}

	@Test
	void aFolderReachedThroughASymbolicLinkIsSearched() throws Exception {
		Path real = Files.createDirectories(dir.resolve("real"));
		Files.writeString(real.resolve("dup.perimeter"), CLEAN.replace("}\n", "\tcamera B : \"AXIS Q6075-E\" at 10.0.0.5 credentials \"x/b\"\n}\n"));
		Path top = Files.createDirectories(dir.resolve("top"));
		Files.createSymbolicLink(top.resolve("linked"), real);
		assertEquals(Palisade.ERRORS, run("validate", top.toString()));
		assertTrue(out().contains("linked/dup.perimeter:4:") && out().contains("NET-DUP-IP"), out());
		assertEquals("", err());
	}

	@Test
	void aLinkLoopIsReportedNotFollowedAndFailsTheGate() throws Exception {
		Path top = Files.createDirectories(dir.resolve("top/sub"));
		Files.writeString(top.resolve("ok.perimeter"), CLEAN);
		Files.createSymbolicLink(top.resolve("loop"), top.getParent());
		assertEquals(Palisade.USAGE, run("validate", dir.resolve("top").toString()));
		assertEquals("", out());
		assertOneLine("sub/loop", "a symbolic link loop");
	}

	@Test
	void findingsAndAnUnusablePathTogetherExitOne() throws Exception {
		Path bad = dir.resolve("bad.perimeter");
		Files.writeString(bad, CLEAN.replace("10.0.0.5", "10.0.0.300"));
		assertEquals(Palisade.ERRORS, run("validate", bad.toString(), dir.resolve("gone.perimeter").toString()));
		assertTrue(out().contains("NET-ADDRESS"), out());
		assertOneLine("gone.perimeter", "no such file or folder");
	}

	@Test
	void aDanglingLinkAndANonFileAreNamed() throws Exception {
		Path link = dir.resolve("away.perimeter");
		Files.createSymbolicLink(link, dir.resolve("nowhere.perimeter"));
		assertEquals(Palisade.USAGE, run("validate", link.toString()));
		assertOneLine("away.perimeter", "a symbolic link to nothing");
		Path folder = Files.createDirectories(dir.resolve("site"));
		Files.writeString(folder.resolve("ok.perimeter"), CLEAN);
		Files.createSymbolicLink(folder.resolve("stale.perimeter"), dir.resolve("nowhere.perimeter"));
		assertEquals(Palisade.USAGE, run("validate", folder.toString()));
		assertOneLine("stale.perimeter", "a symbolic link to nothing");
	}

	@Test
	void aPathLongerThanTheSystemAllowsIsNamedWithItsCause() {
		String name = "x".repeat(300);
		assertEquals(Palisade.USAGE, run("validate", dir.resolve(name).resolve("site.perimeter").toString()));
		assertOneLine(name, "file name too long");
	}

	@Test
	void aFileOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
		Path big = dir.resolve("big.perimeter");
		try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
			f.setLength(DesignFiles.MAX_FILE_BYTES + 1); // sparse: no disk, and a read would need the heap
		}
		assertEquals(Palisade.USAGE, run("validate", big.toString()));
		assertOneLine("big.perimeter", "too large: 33554433 bytes, limit 33554432 bytes (32 MB) per design file");
		try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
			f.setLength(40 * 1024 * 1024 + 512 * 1024);
		}
		assertEquals(Palisade.USAGE, run("validate", big.toString()));
		assertOneLine("big.perimeter", "too large: 40.5 MB, limit 32 MB per design file");
		// At the limit the file is read and checked: a clean design and a comment to fill it.
		Path limit = dir.resolve("limit.perimeter");
		StringBuilder text = new StringBuilder(CLEAN).append("// ");
		text.append("x".repeat((int) DesignFiles.MAX_FILE_BYTES - text.length() - 1)).append('\n');
		Files.writeString(limit, text);
		assertEquals(DesignFiles.MAX_FILE_BYTES, Files.size(limit));
		assertEquals(Palisade.OK, run("validate", limit.toString()), out() + err());
		assertEquals("", out() + err());
	}

	@Test
	void anImportOverTheLimitIsRefusedAndNamed() throws Exception {
		Path big = dir.resolve("huge.perimeter");
		try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
			f.setLength(DesignFiles.MAX_FILE_BYTES + 1024 * 1024);
		}
		Path site = Files.createDirectories(dir.resolve("site")).resolve("site.perimeter");
		Files.writeString(site, "import \"../huge.perimeter\"\n" + CLEAN);
		assertEquals(Palisade.USAGE, run("validate", site.toString()));
		assertOneLine("huge.perimeter", "imported, too large: 33 MB, limit 32 MB per design file");
	}

	@Test
	void aFifoIsRefusedInsteadOfBlocking() throws Exception {
		Path fifo = dir.resolve("pipe.perimeter");
		Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
		assertEquals(0, p.waitFor());
		assertEquals(Palisade.USAGE, run("validate", fifo.toString()));
		assertOneLine("pipe.perimeter", "not a regular file or folder");
	}

	@Test
	void permissionDeniedHasItsOwnWords() {
		// As root nothing is denied on a local disk, so the JDK's exception is named directly.
		assertEquals("permission denied", DesignFiles.cause(new java.nio.file.AccessDeniedException("/x")));
		assertEquals("file name too long",
				DesignFiles.cause(new java.nio.file.FileSystemException("/x", null, "File name too long")));
	}

	@Test
	void aByteOrderMarkIsAcceptedAndCrlfMatchesLf() throws Exception {
		Path lf = dir.resolve("lf.perimeter");
		String broken = CLEAN.replace("}\n", "\tcamera B : \"AXIS Q6075-E\" at 10.0.0.5 credentials \"x/b\"\n\tschedule S { Mon 25:00-26:00 }\n}\n");
		Files.writeString(lf, broken);
		assertEquals(Palisade.ERRORS, run("validate", lf.toString()));
		String expected = out().replace("lf.perimeter", "F");
		Path crlf = dir.resolve("crlf.perimeter");
		Files.writeString(crlf, broken.replace("\n", "\r\n"));
		assertEquals(Palisade.ERRORS, run("validate", crlf.toString()));
		assertEquals(expected, out().replace("crlf.perimeter", "F"));
		Path bom = dir.resolve("bom.perimeter");
		byte[] text = CLEAN.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[text.length + 3];
		withBom[0] = (byte) 0xef;
		withBom[1] = (byte) 0xbb;
		withBom[2] = (byte) 0xbf;
		System.arraycopy(text, 0, withBom, 3, text.length);
		Files.write(bom, withBom);
		assertEquals(Palisade.OK, run("validate", bom.toString()), out() + err());
		assertEquals("", out());
	}

	@Test
	void loneCarriageReturnsAreOneClearError() throws Exception {
		Path cr = dir.resolve("mac.perimeter");
		Files.writeString(cr, ("// Old Mac\n" + CLEAN.replace("}\n", "\t// a comment\n}\n")).replace("\n", "\r"));
		assertEquals(Palisade.ERRORS, run("validate", cr.toString()));
		List<String> lines = out().lines().toList();
		assertEquals(1, lines.size(), out());
		assertTrue(lines.get(0).contains("mac.perimeter:1:11: error: SYNTAX line 1 ends with a lone carriage return (CR, "
				+ "as classic Mac OS saved text); save the file with LF or CRLF line ends"), out());
	}

	@Test
	void explainPrintsWhatWhyAndFix() {
		assertEquals(Palisade.OK, run("explain", "elec-load-voltage"));
		assertTrue(out().startsWith("ELEC-LOAD-VOLTAGE: Load fed above its rated voltage (error)"), out());
		assertTrue(out().contains("What it checks: ") && out().contains("13.2 V") && out().contains("How to fix: "), out());
		assertEquals(Palisade.OK, run("explain"));
		assertTrue(out().lines().anyMatch(l -> l.startsWith("SEC-PLAINTEXT-SECRET  ")), out());
		assertEquals(Palisade.USAGE, run("explain", "NO-SUCH\u0007CODE"));
		assertTrue(err().contains("no rule has the code 'NO-SUCH\\u0007CODE'"), err());
		assertFalse(err().contains("\u0007"));
	}
}
