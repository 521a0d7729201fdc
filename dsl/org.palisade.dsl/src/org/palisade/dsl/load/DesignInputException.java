package org.palisade.dsl.load;

/**
 * The input cannot be used at all: a missing path, a folder without designs, an
 * unreadable file. Distinct from findings about a design's content.
 */
public class DesignInputException extends Exception {

	private static final long serialVersionUID = 1L;

	public DesignInputException(String message) {
		super(message);
	}

	public DesignInputException(String message, Throwable cause) {
		super(message, cause);
	}
}
