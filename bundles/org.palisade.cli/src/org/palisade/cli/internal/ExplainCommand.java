package org.palisade.cli.internal;

import java.io.PrintStream;
import java.util.List;

import org.palisade.cli.Palisade;
import org.palisade.cli.Palisade.UsageException;
import org.palisade.validation.Messages;
import org.palisade.validation.RuleDocs;

/**
 * {@code palisade explain CODE}: what a rule checks, why, and how to fix a design it fires on,
 * from {@link RuleDocs} (the text the Studio's hover uses). Without a code, lists the codes.
 */
public class ExplainCommand {

	private final PrintStream out;

	public ExplainCommand(PrintStream out) {
		this.out = out;
	}

	public int run(List<String> args) {
		if (args.isEmpty()) {
			RuleDocs.codes().forEach(c -> out.println(c + "  " + RuleDocs.explain(c).orElseThrow().title()));
			return Palisade.OK;
		}
		if (args.size() > 1) {
			throw new UsageException("name one code, e.g. palisade explain ELEC-WIRE-DROP");
		}
		var doc = RuleDocs.explain(args.get(0));
		if (doc.isEmpty()) {
			throw new UsageException("no rule has the code '" + Messages.quote(args.get(0))
					+ "'; 'palisade explain' lists them");
		}
		out.print(doc.get().text());
		return Palisade.OK;
	}
}
