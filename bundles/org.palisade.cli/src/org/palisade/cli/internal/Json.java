package org.palisade.cli.internal;

import java.util.List;

import org.palisade.dsl.load.DesignDiagnostic;

/**
 * The JSON forms of command results. Written by hand: the shapes are small and fixed,
 * and the CLI bundle then needs no JSON library.
 */
final class Json {

	private Json() {
	}

	static String diagnostics(List<DesignDiagnostic> diagnostics) {
		StringBuilder b = new StringBuilder("{\"diagnostics\":[");
		for (int i = 0; i < diagnostics.size(); i++) {
			DesignDiagnostic d = diagnostics.get(i);
			if (i > 0) {
				b.append(',');
			}
			b.append("{\"file\":").append(string(d.file().toString()))
					.append(",\"line\":").append(d.line())
					.append(",\"column\":").append(d.column())
					.append(",\"severity\":").append(string(d.severity().label()))
					.append(",\"code\":").append(string(d.code()))
					.append(",\"message\":").append(string(d.message()))
					.append('}');
		}
		long errors = diagnostics.stream().filter(d -> d.severity() == DesignDiagnostic.Severity.ERROR).count();
		long warnings = diagnostics.stream().filter(d -> d.severity() == DesignDiagnostic.Severity.WARNING).count();
		return b.append("],\"errors\":").append(errors).append(",\"warnings\":").append(warnings).append('}').toString();
	}

	static String string(String s) {
		StringBuilder b = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
			case '"' -> b.append("\\\"");
			case '\\' -> b.append("\\\\");
			case '\n' -> b.append("\\n");
			case '\r' -> b.append("\\r");
			case '\t' -> b.append("\\t");
			default -> {
				if (c < 0x20) {
					b.append(String.format("\\u%04x", (int) c));
				} else {
					b.append(c);
				}
			}
			}
		}
		return b.append('"').toString();
	}
}
