package org.palisade.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What each diagnostic code checks, why, and how to fix it, as data ({@code rule-docs.properties}
 * beside this class): one text for {@code palisade explain CODE}, the editor's hover and a
 * language server. Headless, so any of them can use it.
 */
public final class RuleDocs {

	/**
	 * The explanation of one code.
	 *
	 * @param code     ELEC-WIRE-DROP...
	 * @param title    a line that names the problem
	 * @param severity error, warning, info (or how it depends)
	 * @param what     what the rule checks, with its figures
	 * @param why      what goes wrong on site otherwise
	 * @param fix      how to fix a design it fires on
	 */
	public record RuleDoc(String code, String title, String severity, String what, String why, String fix) {

		/** @return the explanation as plain text, a few short paragraphs */
		public String text() {
			return code + ": " + title + " (" + severity + ")\n\nWhat it checks: " + what + "\n\nWhy: " + why
					+ "\n\nHow to fix: " + fix + "\n";
		}
	}

	private static Map<String, RuleDoc> docs;

	private RuleDocs() {
	}

	/** @return the explanation of a code (any case), or empty for an unknown code */
	public static Optional<RuleDoc> explain(String code) {
		return code == null ? Optional.empty() : Optional.ofNullable(all().get(code.trim().toUpperCase(Locale.ROOT)));
	}

	/** @return every documented code, sorted */
	public static List<String> codes() {
		return List.copyOf(all().keySet());
	}

	private static synchronized Map<String, RuleDoc> all() {
		if (docs == null) {
			Properties p = new Properties();
			try (InputStream in = RuleDocs.class.getResourceAsStream("rule-docs.properties")) {
				if (in == null) {
					throw new IllegalStateException("rule-docs.properties is missing from the validation bundle");
				}
				p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			Map<String, RuleDoc> map = new TreeMap<>();
			for (String key : p.stringPropertyNames()) {
				if (key.endsWith(".title")) {
					String code = key.substring(0, key.length() - ".title".length());
					map.put(code, new RuleDoc(code, p.getProperty(key), p.getProperty(code + ".severity", ""),
							p.getProperty(code + ".what", ""), p.getProperty(code + ".why", ""),
							p.getProperty(code + ".fix", "")));
				}
			}
			docs = map;
		}
		return docs;
	}
}
