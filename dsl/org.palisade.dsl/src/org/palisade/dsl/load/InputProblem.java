package org.palisade.dsl.load;

import java.nio.file.Path;

/**
 * A path named for checking that could not be used: not a finding about a design, but a reason
 * the check is incomplete.
 *
 * @param path  the file or folder, as given or as found under a given folder
 * @param cause why, in a user's words ("permission denied", "too large: 40 MB, limit 32 MB...")
 */
public record InputProblem(Path path, String cause) {

	/** @return {@code path: cause}, one line, the path's control characters escaped */
	public String format() {
		return org.palisade.validation.Messages.escape(path.toString()) + ": " + cause;
	}
}
