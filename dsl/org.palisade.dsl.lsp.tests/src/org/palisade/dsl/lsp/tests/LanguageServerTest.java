package org.palisade.dsl.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * Palisade's language server driven by a real LSP client over a loopback socket, on a copy
 * of the bundled examples: the checks, assist and navigation an editor gets. The whole
 * exchange is written to target/lsp-transcript.txt.
 */
@TestInstance(Lifecycle.PER_CLASS)
class LanguageServerTest {

	private static final long T = LspClient.TIMEOUT.toSeconds();

	private Path workspace;

	private PrintWriter transcript;
	private LspClient client;
	private String depotUri;
	private String depotText;
	private Path examples;
	private int depotVersion = 1;

	@BeforeAll
	void start() throws Exception {
		workspace = Files.createTempDirectory("palisade-lsp-test");
		String configured = System.getProperty("palisade.examples");
		Path source = configured != null ? Path.of(configured) : Path.of("../../examples").toAbsolutePath().normalize();
		examples = workspace.resolve("examples");
		copy(source, examples);
		// A design nobody opens, broken: the server reports it from the workspace build.
		Files.writeString(examples.resolve("unopened.perimeter"),
				Files.readString(examples.resolve("harbour-depot/harbour-depot.perimeter")).replace("Harbour Depot", "Unopened")
						.replace("0.25 mm2 40 m from pin 2", "0.1 mm2 40 m from pin 2"));
		Files.createDirectories(Path.of("target"));
		transcript = new PrintWriter(Files.newBufferedWriter(Path.of("target/lsp-transcript.txt"), StandardCharsets.UTF_8), true);
		client = new LspClient(transcript);
		client.initialize(examples);
		Path depot = examples.resolve("harbour-depot/harbour-depot.perimeter");
		depotUri = depot.toUri().toString();
		depotText = Files.readString(depot);
		client.open(depotUri, depotText);
	}

	/** Replaces the open example's whole text, as a client does for a paste. */
	private void setDepot(String text) {
		client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
				new VersionedTextDocumentIdentifier(depotUri, ++depotVersion), List.of(new TextDocumentContentChangeEvent(text))));
	}

	@AfterAll
	void stop() throws Exception {
		if (client != null) {
			// The protocol's way out, recorded in the transcript: shutdown, then exit; the server ends with 0.
			client.server.shutdown().get(T, TimeUnit.SECONDS);
			client.server.exit();
			assertEquals(0, client.serverExit.get(T, TimeUnit.SECONDS));
			client.close();
		}
		if (transcript != null) {
			transcript.close();
		}
		if (workspace != null) {
			try (Stream<Path> walk = Files.walk(workspace)) {
				walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	@Test
	void theExampleOpensWithoutFindingsAndUnopenedFilesAreChecked() throws Exception {
		setDepot(depotText);
		// Clean once the text is the example's (other tests edit it and put it back).
		client.awaitDiagnostics(depotUri, List::isEmpty);
		// Through the workspace index, without opening them: the container terminal's areas.
		String quay = examples.resolve("container-terminal/areas/quay.perimeter").toUri().toString();
		assertEquals(List.of(), client.awaitDiagnostics(quay, d -> true));
		String unopened = examples.resolve("unopened.perimeter").toUri().toString();
		List<Diagnostic> found = client.awaitDiagnostics(unopened, d -> !d.isEmpty());
		assertTrue(found.stream().anyMatch(d -> "ELEC-WIRE-AREA".equals(d.getCode().getLeft())), found.toString());
	}

	@Test
	void anEditThatBreaksARuleGetsItsCodeAtTheWireAndAQuickFix() throws Exception {
		String uri = examples.resolve("container-terminal/areas/gate.perimeter").toUri().toString();
		String text = Files.readString(examples.resolve("container-terminal/areas/gate.perimeter"));
		client.open(uri, text);
		client.awaitDiagnostics(uri, List::isEmpty);
		// The door contact's white wire, 0.25 mm2, down to 0.1 mm2: below the terminal's 0.25 mm2.
		Position at = LspClient.positionOf(text, "0.25", "wire white");
		Range range = new Range(at, new Position(at.getLine(), at.getCharacter() + 4));
		var change = new TextDocumentContentChangeEvent(range, "0.1");
		client.server.getTextDocumentService()
				.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2), List.of(change)));
		List<Diagnostic> found = client.awaitDiagnostics(uri, d -> !d.isEmpty());
		Diagnostic area = found.stream().filter(d -> "ELEC-WIRE-AREA".equals(d.getCode().getLeft())).findFirst()
				.orElseGet(() -> fail("no ELEC-WIRE-AREA in " + found));
		assertEquals("palisade", area.getSource());
		assertTrue(area.getMessage().contains("0.1 mm2") && area.getMessage().contains("0.25 mm2 to 0.5 mm2"), area.getMessage());
		// At the wire's area, where `palisade validate` puts it (line 19, column 14 there).
		assertEquals(new Position(at.getLine(), at.getCharacter()), area.getRange().getStart());
		assertEquals(18, area.getRange().getStart().getLine());

		// The Studio's quick fix, as a code action: back into the terminal's range.
		var params = new CodeActionParams(new TextDocumentIdentifier(uri), area.getRange(), new CodeActionContext(List.of(area)));
		List<Either<org.eclipse.lsp4j.Command, CodeAction>> actions = client.server.getTextDocumentService().codeAction(params).get(T,
				TimeUnit.SECONDS);
		CodeAction fix = actions.stream().filter(Either::isRight).map(Either::getRight)
				.filter(a -> a.getTitle().startsWith("Change the wire to 0.25 mm2")).findFirst()
				.orElseGet(() -> fail("no wire-area fix in " + actions));
		List<TextEdit> edits = fix.getEdit().getChanges().get(uri);
		String edited = text.replaceFirst("white 0\\.25 mm2", "white 0.1 mm2");
		assertEquals(text, LspClient.apply(edited, edits), "the fix restores the wire's area and changes nothing else");

		// Undo the edit, and the finding goes.
		client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 3),
				List.of(new TextDocumentContentChangeEvent(text))));
		client.awaitDiagnostics(uri, List::isEmpty);
	}

	@Test
	void completionAfterDoOutputOffersThePortsByName() throws Exception {
		String text = depotText.replace("do output \"Flashing beacon\" for 30 s", "do output ");
		setDepot(text);
		try {
			Position at = LspClient.positionOf(text, "do output ", null);
			at.setCharacter(at.getCharacter() + "do output ".length());
			var result = client.server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(depotUri), at))
					.get(T, TimeUnit.SECONDS);
			List<CompletionItem> items = result.isLeft() ? result.getLeft() : result.getRight().getItems();
			CompletionItem port = items.stream().filter(i -> i.getLabel().equals("Flashing beacon")).findFirst()
					.orElseGet(() -> fail("no port among " + items.stream().map(CompletionItem::getLabel).toList()));
			// Inserted quoted, as the grammar writes a port's name.
			String inserted = port.getTextEdit() != null ? port.getTextEdit().getLeft().getNewText() : port.getInsertText();
			assertEquals("\"Flashing beacon\"", inserted);
		} finally {
			setDepot(depotText);
		}
	}

	@Test
	void hoverOnPin2ShowsTheCatalogFigures() throws Exception {
		Position at = LspClient.positionOf(depotText, "2", "from pin ");
		Hover hover = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(depotUri), at)).get(T,
				TimeUnit.SECONDS);
		String text = hover.getContents().getRight().getValue();
		assertEquals("pin 2: 12 V DC out, max 50 mA", text);
		// A device: its catalog model.
		Position beacon = LspClient.positionOf(depotText, "Beacon1", "beacon ");
		String device = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(depotUri), beacon))
				.get(T, TimeUnit.SECONDS).getContents().getRight().getValue();
		assertTrue(device.contains("Beacon 12V 50mA"), device);
	}

	@Test
	void definitionReferencesAndSymbolsReachAcrossFiles() throws Exception {
		Path gate = examples.resolve("container-terminal/areas/gate.perimeter");
		String gateUri = gate.toUri().toString();
		String gateText = Files.readString(gate);
		// Not opened: the server reads it from the workspace.
		Position use = LspClient.positionOf(gateText, "AfterHours", "during ");
		var definition = client.server.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(gateUri), use))
				.get(T, TimeUnit.SECONDS);
		Location target = definition.getLeft().get(0);
		assertTrue(target.getUri().endsWith("container-terminal/site.perimeter"), target.getUri());
		assertEquals(17, target.getRange().getStart().getLine());

		var references = client.server.getTextDocumentService()
				.references(new ReferenceParams(new TextDocumentIdentifier(gateUri), use, new ReferenceContext(false))).get(T, TimeUnit.SECONDS);
		assertEquals(5, references.size(), "2 uses in gate.perimeter, 3 in quay.perimeter: " + references);

		var symbols = client.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(gateUri)))
				.get(T, TimeUnit.SECONDS);
		List<String> names = new ArrayList<>();
		symbols.forEach(s -> collect(s.isRight() ? s.getRight() : null, s.isLeft() ? s.getLeft().getName() : null, names));
		assertTrue(names.contains("Container Terminal.GatePtz") && names.contains("Container Terminal.GateRelay"), names.toString());
	}

	@Test
	void renameAScheduleUsedFromOtherFiles() throws Exception {
		Path site = examples.resolve("container-terminal/site.perimeter");
		String siteUri = site.toUri().toString();
		String siteText = Files.readString(site);
		client.open(siteUri, siteText);
		Position declaration = LspClient.positionOf(siteText, "AfterHours", "schedule ");
		WorkspaceEdit edit = client.server.getTextDocumentService()
				.rename(new RenameParams(new TextDocumentIdentifier(siteUri), declaration, "NightWatch")).get(T, TimeUnit.SECONDS);
		Map<String, List<TextEdit>> changes = edit.getChanges();
		String gateUri = examples.resolve("container-terminal/areas/gate.perimeter").toUri().toString();
		String quayUri = examples.resolve("container-terminal/areas/quay.perimeter").toUri().toString();
		assertEquals(1, changes.get(siteUri).size(), changes.toString());
		assertEquals(2, changes.get(gateUri).size(), changes.toString());
		assertEquals(3, changes.get(quayUri).size(), changes.toString());
		String quay = Files.readString(examples.resolve("container-terminal/areas/quay.perimeter"));
		String renamed = LspClient.apply(quay, changes.get(quayUri));
		assertEquals(quay.replace("during AfterHours", "during NightWatch"), renamed);
		assertFalse(renamed.contains("AfterHours"));

		// A name another schedule has is refused with the Studio's message.
		ExecutionException taken = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
				() -> client.server.getTextDocumentService()
						.rename(new RenameParams(new TextDocumentIdentifier(siteUri), declaration, "ShiftChange")).get(T, TimeUnit.SECONDS));
		assertTrue(taken.getCause() instanceof ResponseErrorException, taken.toString());
		assertTrue(taken.getCause().getMessage().contains("'ShiftChange' is already used by another schedule"), taken.getCause().getMessage());
	}

	@Test
	void formattingAndSemanticTokens() throws Exception {
		String messy = depotText.replace("\tnetwork yard 10.20.0.0/24", "\tnetwork    yard   10.20.0.0/24")
				.replace("\tbeacon Beacon1 : \"Beacon 12V 50mA\"", "      beacon   Beacon1 :   \"Beacon 12V 50mA\"");
		setDepot(messy);
		List<? extends TextEdit> edits;
		try {
			edits = client.server.getTextDocumentService()
					.formatting(new DocumentFormattingParams(new TextDocumentIdentifier(depotUri), new FormattingOptions(4, false)))
					.get(T, TimeUnit.SECONDS);
		} finally {
			setDepot(depotText);
		}
		assertEquals(depotText, LspClient.apply(messy, edits), "formatted as the example is written");

		SemanticTokens tokens = client.server.getTextDocumentService()
				.semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(depotUri))).get(T, TimeUnit.SECONDS);
		List<int[]> decoded = decode(tokens.getData());
		Position north = LspClient.positionOf(depotText, "North1", "camera ");
		Position during = LspClient.positionOf(depotText, "AfterHours", "during ");
		assertTrue(decoded.stream().anyMatch(t -> t[0] == north.getLine() && t[1] == north.getCharacter() && t[2] == 6 && t[4] == 2),
				"North1 declared");
		assertTrue(decoded.stream().anyMatch(t -> t[0] == during.getLine() && t[1] == during.getCharacter() && t[2] == 10 && t[4] == 0),
				"AfterHours referred to");
	}

	/** @return the tokens as {line, character, length, type, modifiers} */
	private static List<int[]> decode(List<Integer> data) {
		List<int[]> tokens = new ArrayList<>();
		int line = 0;
		int character = 0;
		for (int i = 0; i + 4 < data.size(); i += 5) {
			line += data.get(i);
			character = data.get(i) == 0 ? character + data.get(i + 1) : data.get(i + 1);
			tokens.add(new int[] { line, character, data.get(i + 2), data.get(i + 3), data.get(i + 4) });
		}
		return tokens;
	}

	private static void collect(DocumentSymbol symbol, String flat, List<String> names) {
		if (flat != null) {
			names.add(flat);
		}
		if (symbol != null) {
			names.add(symbol.getName());
			if (symbol.getChildren() != null) {
				symbol.getChildren().forEach(c -> collect(c, null, names));
			}
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> walk = Files.walk(from)) {
			for (Path p : (Iterable<Path>) walk::iterator) {
				Path target = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) {
					Files.createDirectories(target);
				} else {
					Files.copy(p, target);
				}
			}
		}
	}
}
