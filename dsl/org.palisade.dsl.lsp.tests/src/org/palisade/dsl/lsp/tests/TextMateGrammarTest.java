package org.palisade.dsl.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.palisade.dsl.lsp.DesignServers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The VS Code extension's TextMate grammar (editors/vscode/syntaxes) against the language:
 * every keyword the parser finds in the bundled examples, and every word keyword of the
 * grammar, is coloured as a keyword; names, comments and strings are not. The grammar is
 * applied the way TextMate does it (per line, earliest match first, begin/end spans).
 */
class TextMateGrammarTest {

	private static final List<String> KEYWORD_SCOPES = List.of("keyword.", "storage.type.", "constant.language.");

	@Test
	void everyKeywordOfTheExamplesIsColoured() throws Exception {
		TextMate grammar = TextMate.load(repository().resolve("editors/vscode/syntaxes/perimeter.tmLanguage.json"));
		XtextResourceSet set = DesignServers.languageInjector().getInstance(XtextResourceSet.class);
		int checked = 0;
		List<String> uncoloured = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(repository().resolve("examples"))) {
			for (Path file : walk.filter(p -> p.toString().endsWith(".perimeter")).toList()) {
				XtextResource resource = (XtextResource) set.getResource(URI.createFileURI(file.toString()), true);
				String text = resource.getParseResult().getRootNode().getText();
				String[] scopes = grammar.scopes(text);
				for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
					if (leaf.getGrammarElement() instanceof Keyword k && Character.isLetter(k.getValue().charAt(0))) {
						checked++;
						if (!isKeyword(scopes[leaf.getOffset()])) {
							uncoloured.add(file.getFileName() + " line " + leaf.getStartLine() + ": '" + k.getValue() + "' is "
									+ scopes[leaf.getOffset()]);
						}
					}
				}
			}
		}
		assertEquals(List.of(), uncoloured);
		assertTrue(checked > 250, "keywords checked: " + checked);
		System.out.println("TextMate grammar: " + checked + " keywords in the examples, all coloured");
	}

	@Test
	void everyWordKeywordOfTheLanguageIsColouredAndNamesCommentsAndStringsAreNot() throws Exception {
		TextMate grammar = TextMate.load(repository().resolve("editors/vscode/syntaxes/perimeter.tmLanguage.json"));
		var access = DesignServers.languageInjector().getInstance(IGrammarAccess.class);
		List<String> uncoloured = new ArrayList<>();
		int words = 0;
		for (String keyword : GrammarUtil.getAllKeywords(access.getGrammar())) {
			if (!Character.isLetter(keyword.charAt(0))) {
				continue;
			}
			words++;
			// Units are keywords only after a figure ("40 m", "30 s"): elsewhere a one-letter word is a name.
			if (!isKeyword(grammar.scopes(keyword)[0]) && !isKeyword(grammar.scopes("1 " + keyword)[2])) {
				uncoloured.add(keyword);
			}
		}
		assertEquals(List.of(), uncoloured, "of " + words + " word keywords");

		String line = "\tcamera North1 : \"AXIS Q1961-TE\" at 10.20.0.11 // wire pin 2 to the beacon\n";
		String[] scopes = grammar.scopes(line);
		assertTrue(scopes[1].startsWith("storage.type."), scopes[1]);
		assertEquals(null, scopes[line.indexOf("North1")], "a name is not a keyword");
		assertTrue(scopes[line.indexOf("AXIS")].startsWith("string."), scopes[line.indexOf("AXIS")]);
		assertTrue(scopes[line.indexOf("wire")].startsWith("comment."), "a keyword in a comment is comment");
		assertTrue(scopes[line.indexOf("10.20")].startsWith("constant.numeric."), scopes[line.indexOf("10.20")]);
		String block = "/* camera\n site */ site";
		String[] blockScopes = grammar.scopes(block);
		assertTrue(blockScopes[block.indexOf("site")].startsWith("comment.block"), "a block comment spans lines");
		assertTrue(blockScopes[block.lastIndexOf("site")].startsWith("storage.type."));
	}

	private static boolean isKeyword(String scope) {
		return scope != null && KEYWORD_SCOPES.stream().anyMatch(scope::startsWith);
	}

	static Path repository() {
		String examples = System.getProperty("palisade.examples");
		return examples != null ? Path.of(examples).getParent() : Path.of("../..").toAbsolutePath().normalize();
	}

	/** A TextMate grammar applied as editors do: per line, the earliest match wins (the first rule on a tie). */
	static final class TextMate {

		record Rule(String name, Pattern match, Map<Integer, String> captures, Pattern begin, Pattern end, List<Rule> inner) {
		}

		private final List<Rule> rules;

		private TextMate(List<Rule> rules) {
			this.rules = rules;
		}

		static TextMate load(Path file) throws IOException {
			JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
			JsonObject repository = json.has("repository") ? json.getAsJsonObject("repository") : new JsonObject();
			return new TextMate(rules(json.getAsJsonArray("patterns"), repository));
		}

		private static List<Rule> rules(JsonArray patterns, JsonObject repository) {
			List<Rule> rules = new ArrayList<>();
			if (patterns == null) {
				return rules;
			}
			for (JsonElement element : patterns) {
				JsonObject p = element.getAsJsonObject();
				if (p.has("include")) {
					JsonObject included = repository.getAsJsonObject(p.get("include").getAsString().substring(1));
					rules.addAll(included.has("patterns") ? rules(included.getAsJsonArray("patterns"), repository)
							: rules(wrap(included), repository));
					continue;
				}
				Map<Integer, String> captures = new TreeMap<>();
				if (p.has("captures")) {
					p.getAsJsonObject("captures").entrySet()
							.forEach(e -> captures.put(Integer.parseInt(e.getKey()), e.getValue().getAsJsonObject().get("name").getAsString()));
				}
				String name = p.has("name") ? p.get("name").getAsString() : null;
				rules.add(new Rule(name, compile(p, "match"), captures, compile(p, "begin"), compile(p, "end"),
						rules(p.getAsJsonArray("patterns"), repository)));
			}
			return rules;
		}

		private static JsonArray wrap(JsonObject rule) {
			JsonArray array = new JsonArray();
			array.add(rule);
			return array;
		}

		private static Pattern compile(JsonObject p, String key) {
			return p.has(key) ? Pattern.compile(p.get(key).getAsString(), Pattern.MULTILINE) : null;
		}

		/** @return the innermost scope of each character of the text, null where none applies */
		String[] scopes(String text) {
			String[] scopes = new String[text.length() + 1];
			int pos = 0;
			while (pos < text.length()) {
				int lineEnd = text.indexOf('\n', pos) < 0 ? text.length() : text.indexOf('\n', pos);
				Rule best = null;
				Matcher bestMatch = null;
				for (Rule rule : rules) {
					Matcher m = (rule.match() != null ? rule.match() : rule.begin()).matcher(text);
					m.useTransparentBounds(true).useAnchoringBounds(false).region(pos, lineEnd);
					if (m.find() && (bestMatch == null || m.start() < bestMatch.start())) {
						best = rule;
						bestMatch = m;
					}
				}
				if (best == null) {
					pos = lineEnd + 1;
					continue;
				}
				int end = best.match() != null ? bestMatch.end() : spanEnd(text, best, bestMatch.end());
				fill(scopes, bestMatch.start(), end, best.name());
				for (Map.Entry<Integer, String> capture : best.captures().entrySet()) {
					if (bestMatch.start(capture.getKey()) >= 0) {
						fill(scopes, bestMatch.start(capture.getKey()), bestMatch.end(capture.getKey()), capture.getValue());
					}
				}
				pos = Math.max(end, bestMatch.start() + 1);
			}
			return scopes;
		}

		/** The end of a begin/end span: its end pattern, skipping what its own patterns match (escapes). */
		private static int spanEnd(String text, Rule rule, int from) {
			int pos = from;
			while (pos <= text.length()) {
				Matcher end = rule.end().matcher(text);
				end.useTransparentBounds(true).region(pos, text.length());
				int endAt = end.find() ? end.start() : text.length();
				int skip = -1;
				for (Rule inner : rule.inner()) {
					Matcher m = inner.match().matcher(text);
					m.useTransparentBounds(true).region(pos, text.length());
					if (m.find() && m.start() < endAt) {
						skip = Math.max(skip, m.end());
					}
				}
				if (skip < 0) {
					return endAt == text.length() ? endAt : end.end();
				}
				pos = skip;
			}
			return text.length();
		}

		private static void fill(String[] scopes, int start, int end, String scope) {
			if (scope == null) {
				return;
			}
			for (int i = start; i < end && i < scopes.length; i++) {
				scopes[i] = scope;
			}
		}
	}
}
