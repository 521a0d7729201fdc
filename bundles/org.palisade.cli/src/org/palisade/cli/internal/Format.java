package org.palisade.cli.internal;

/** How a command writes its result: {@code --format text|json}. */
enum Format {
	text, json
}
